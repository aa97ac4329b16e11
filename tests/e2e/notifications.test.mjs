// 通知 in the browser: an operator moves a staff member's ticket; when the staff member opens
// the app the header's bell counts one unread notification, the panel shows it in Japanese,
// marking all read clears the count (on the server too), and the entry opens the ticket in
// 自分の問い合わせ.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openApp, clickItem, signedInFetch, hasItem } from './lib/harness.mjs';

const running = serverAndBrowser();

function bell(page) {
  return page.evaluate(() => window.madoguchi.items().find((i) => i.label.startsWith('通知') && i.role === 'button'));
}

test('a staff member sees the desk\'s state change in the bell, reads it and opens the ticket', async () => {
  const desk = await signedInFetch(running.server.url, 'desk');
  const created = await desk('/api/v1/tickets', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'e2e-notifications-1' },
    body: JSON.stringify({ kind: 'inquiry', title: 'プリンタの紙が詰まる', body: '2階の複合機', category: 'device',
      requester_login: 'staff' }),
  });
  assert.equal(created.status, 201, await created.clone().text());
  const { ticket } = await created.json();
  const moved = await desk(`/api/v1/tickets/${ticket.id}/transitions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ to: 'in_progress', version: ticket.version }),
  });
  assert.equal(moved.status, 200, await moved.clone().text());

  const { page, problems, context } = await openApp(running.browser, running.server.url,
    { viewport: { width: 1280, height: 900 } }, { login: 'staff' });
  await hasItem(page, '通知（1件）', { timeout: 15000 });
  assert.equal((await bell(page)).value, '1');

  await clickItem(page, '通知（1件）', { role: 'button' });
  const title = `【窓口】状況が変わりました ${ticket.number} プリンタの紙が詰まる`;
  await hasItem(page, title, { timeout: 10000 });
  const entry = await page.evaluate((l) => window.madoguchi.items().find((i) => i.label === l), title);
  assert.equal(entry.value, 'unread');
  await hasItem(page, '未読');

  await clickItem(page, 'すべて既読にする', { role: 'button' });
  await page.waitForFunction(() => window.madoguchi.items().some((i) => i.label === '通知' && i.role === 'button' && i.value === '0'),
    null, { timeout: 10000 });
  const staff = await signedInFetch(running.server.url, 'staff');
  const inbox = await (await staff('/api/v1/me/notifications')).json();
  assert.equal(inbox.unread, 0);
  assert.equal(inbox.notifications.length, 1);
  assert.ok(inbox.notifications[0].read_at, 'read on the server');

  // The entry takes the staff member to the ticket among their own inquiries.
  await clickItem(page, title, { role: 'listitem' });
  await page.waitForFunction(() => window.madoguchi.items().some((i) => i.role === 'tab' && i.label.startsWith('自分の問い合わせ')
    && i.value === 'selected'), null, { timeout: 10000 });
  await page.waitForFunction((l) => window.madoguchi.items().some((i) => i.role === 'heading' && i.label === l),
    `${ticket.number}　プリンタの紙が詰まる`, { timeout: 10000 });
  assert.deepEqual(problems, []);
  await context.close();
});
