// The inquiry's whole way in the browser: a staff member types it in Japanese through the IME
// and sends it, the desk answers it (a public note, through the API as the desk's screen
// would), and the staff member finds the answer under 自分の問い合わせ, marked as new.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openApp, clickItem, hasItem, signedInFetch, itemsByLabel, typeThroughIme } from './lib/harness.mjs';

const running = serverAndBrowser();

function itemStartingWith(page, prefix) {
  return page.waitForFunction((p) => window.madoguchi.items().find((i) => i.label.startsWith(p))?.label, prefix,
    { timeout: 15000 }).then((handle) => handle.jsonValue());
}

test('a staff member sends an inquiry in Japanese, the desk answers, and the answer shows under 自分の問い合わせ', async () => {
  const subject = '複合機で印刷できない';
  const body = '十階の複合機で紙詰まりの表示が消えません。';
  const answer = '前面カバーを開けて、詰まった用紙を取り除いてください。';
  const { page, problems, context } = await openApp(running.browser, `${running.server.url}?view=tickets`, {}, { login: 'staff' });
  const cdp = await context.newCDPSession(page);

  await page.waitForFunction(() => window.madoguchi.items().find((i) => i.label === '氏名')?.value === '職員 花子');
  await typeThroughIme(page, cdp, '連絡先（内線・電話・メール）', 'ないせん', '内線1234');
  await typeThroughIme(page, cdp, '件名', 'ふくごうきでいんさつできない', subject);
  await typeThroughIme(page, cdp, '内容', 'じゅっかいのふくごうき', body);
  await clickItem(page, '分類');
  await clickItem(page, '機器');
  await page.waitForFunction(() => window.madoguchi.items().find((i) => i.label === '分類')?.value === '機器');
  await clickItem(page, '送信');

  // The outbox delivers it: a ticket of kind inquiry, the staff member its requester.
  const desk = await signedInFetch(running.server.url, 'desk');
  let inquiry;
  for (const deadline = Date.now() + 15000; !inquiry; await new Promise((resolve) => setTimeout(resolve, 200))) {
    assert.ok(Date.now() < deadline, 'the inquiry never reached the server');
    inquiry = (await (await desk('/api/v1/inquiries')).json()).inquiries.find((i) => i.subject === subject);
  }
  assert.equal(inquiry.body, body);
  assert.equal(inquiry.requester_login, 'staff');
  const ticket = await (await desk(`/api/v1/tickets/${inquiry.ticket_id}`)).json();
  assert.equal(ticket.ticket.kind, 'inquiry');
  assert.equal(ticket.ticket.title, subject);

  // The desk answers with a public note, as its screen does.
  const noted = await desk(`/api/v1/tickets/${inquiry.ticket_id}/notes`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: answer }),
  });
  assert.equal(noted.status, 201);

  // The tab reads the list again when opened: the answer is marked new until the inquiry is opened.
  await clickItem(page, await itemStartingWith(page, '自分の問い合わせ'));
  const row = `${inquiry.number}　${subject}`;
  await hasItem(page, row, { timeout: 15000 });
  await page.waitForFunction((n) => window.madoguchi.items().some((i) => i.label === '新しい回答' && i.value === n),
    inquiry.number, { timeout: 15000 });
  assert.equal(await itemStartingWith(page, '自分の問い合わせ'), '自分の問い合わせ（新しい回答 1件）');
  await clickItem(page, row);
  await hasItem(page, answer, { timeout: 15000 });
  const shown = await itemsByLabel(page);
  assert.equal(shown[answer].role, 'answer');
  assert.equal(shown['状態'].value, '受付');
  await page.waitForFunction(() => !window.madoguchi.items().some((i) => i.label === '新しい回答'));
  assert.equal(await itemStartingWith(page, '自分の問い合わせ'), '自分の問い合わせ');

  // Before the knowledge base is there, its suggestions answer 404 (the browser logs that as a
  // failed resource) and the form shows none.
  const unexpected = problems.filter((problem) => !problem.includes('/api/v1/knowledge/suggest')
    && !problem.includes('the server responded with a status of 404'));
  assert.deepEqual(unexpected, []);
  await context.close();
});
