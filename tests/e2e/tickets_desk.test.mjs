// チケット管理 as the desk uses it: an operator opens a ticket a caller's inquiry became,
// answers with a public note typed through the Japanese IME, starts it and resolves it with
// the comment the move asks for; the server then holds the note and the state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openApp, clickItem, signedInFetch, hasItem, typeInto, itemsByLabel } from './lib/harness.mjs';

const running = serverAndBrowser();

test('an operator answers a ticket with a Japanese public note and resolves it', async () => {
  const desk = await signedInFetch(running.server.url, 'desk');
  const created = await desk('/api/v1/tickets', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'e2e-ticket-desk-1' },
    body: JSON.stringify({ kind: 'inquiry', title: '複合機で印刷できない', body: '3階の複合機がエラーになる',
      category: 'device', requester_login: 'staff' }),
  });
  assert.equal(created.status, 201, await created.clone().text());
  const { ticket } = await created.json();

  const { page, problems, context } = await openApp(running.browser, running.server.url,
    { viewport: { width: 1280, height: 1024 } });
  await clickItem(page, 'チケット管理', { role: 'tab' });
  await clickItem(page, `${ticket.number} 複合機で印刷できない`, { role: 'table-row' });
  await hasItem(page, '状態：受付', { timeout: 10000 });
  const items = await itemsByLabel(page);
  assert.ok(items['依頼者：staff'], 'the header names the caller');

  // The answer, typed as staff type Japanese: a composition, then the committed text.
  const note = 'トナーを交換してください。明日伺います。';
  await clickItem(page, 'メモ', { role: 'textbox' });
  await page.waitForFunction(() => window.madoguchi.items().find((i) => i.label === 'メモ' && i.role === 'textbox')?.focused
    && document.activeElement?.id === 'text-bridge', null, { timeout: 5000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'となー', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.imeSetComposition', { text: note, selectionStart: note.length, selectionEnd: note.length });
  await cdp.send('Input.insertText', { text: note });
  await page.waitForFunction((v) => window.madoguchi.items().find((i) => i.label === 'メモ' && i.role === 'textbox')?.value === v,
    note, { timeout: 5000 });
  await clickItem(page, 'メモを追加', { role: 'button' });
  await hasItem(page, note, { timeout: 10000 });

  await clickItem(page, '対応開始', { role: 'button' });
  await hasItem(page, '状態：対応中', { timeout: 10000 });
  await clickItem(page, '解決', { role: 'button' });
  await typeInto(page, 'コメント', 'トナー交換で解決');
  await clickItem(page, '実行する', { role: 'button' });
  await hasItem(page, '状態：解決済', { timeout: 10000 });

  const stored = await (await desk(`/api/v1/tickets/${ticket.id}`)).json();
  assert.equal(stored.ticket.state, 'resolved');
  const notes = stored.timeline.filter((event) => event.type === 'note');
  assert.deepEqual(notes.map((event) => [event.comment, event.visibility]), [[note, 'public']]);
  assert.ok(stored.ticket.first_response_at, 'the public note answered the caller');
  const moves = stored.timeline.filter((event) => event.type === 'state').map((event) => [event.to_state, event.comment]);
  assert.deepEqual(moves, [['in_progress', ''], ['resolved', 'トナー交換で解決']]);
  assert.deepEqual(problems, []);
  await context.close();
});
