// Offline drafts as staff live them: a half-written inquiry survives a reload, a submission
// made offline waits in the outbox, and retries after lost answers still create one record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openApp, clickItem, signedInFetch, hasItem } from './lib/harness.mjs';

const running = serverAndBrowser();

// 氏名 and 所属 come filled in from the signed-in user (desk: 窓口 太郎, 運用窓口課).
const fields = {
  '連絡先（内線・電話・メール）': '内線 3456',
  '件名': 'ノートPCの貸出',
  '内容': '会議で使うノートPCを1台借りたいです。',
};

async function typeInto(page, label, text) {
  await clickItem(page, label);
  try {
    await page.waitForFunction((l) => window.madoguchi.items().find((i) => i.label === l)?.focused
      && document.activeElement?.id === 'text-bridge', label, { timeout: 5000 });
  } catch {
    const state = await page.evaluate((l) => [document.activeElement?.id, window.madoguchi.items().map((i) => `${i.role}:${i.label}=${i.value}:${i.focused}`)], label);
    assert.fail(`focus on ${label}: ${JSON.stringify(state)}`);
  }
  await page.keyboard.insertText(text);
  try {
    await page.waitForFunction(([l, v]) => window.madoguchi.items().find((i) => i.label === l)?.value === v, [label, text], { timeout: 5000 });
  } catch {
    const state = await page.evaluate((l) => [document.activeElement?.id, window.madoguchi.items().filter((i) => i.role === 'textbox').map((i) => `${i.label}=${i.value}:${i.focused}`)], label);
    assert.fail(`typing into ${label}: ${JSON.stringify(state)}`);
  }
}

async function fillForm(page) {
  await page.waitForFunction(() => window.madoguchi.items().find((i) => i.label === '氏名')?.value === '窓口 太郎');
  await page.waitForFunction(() => window.madoguchi.items().find((i) => i.label === '所属')?.value === '運用窓口課');
  for (const [label, text] of Object.entries(fields)) await typeInto(page, label, text);
  await clickItem(page, '分類');
  await clickItem(page, '機器');
  await page.waitForFunction(() => window.madoguchi.items().find((i) => i.label === '分類')?.value === '機器');
}

// Counted by the desk, who sees every inquiry.
async function inquiriesOnServer() {
  const desk = await signedInFetch(running.server.url, 'desk');
  const response = await desk('/api/v1/inquiries');
  return (await response.json()).total;
}

// The drafts' texts as IndexedDB holds them (IDBFS keeps each file of /drafts as a record of
// FILE_DATA). page.evaluate waits for the promise; waitForFunction would not.
function storedDraftTexts(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const opened = indexedDB.open('/drafts');
    opened.onerror = () => resolve([]);
    opened.onsuccess = () => {
      const database = opened.result;
      if (!database.objectStoreNames.contains('FILE_DATA')) { database.close(); resolve([]); return; }
      const all = database.transaction('FILE_DATA').objectStore('FILE_DATA').getAll();
      all.onsuccess = () => {
        database.close();
        resolve(all.result.filter((entry) => entry.contents).map((entry) => new TextDecoder().decode(entry.contents)));
      };
      all.onerror = () => { database.close(); resolve([]); };
    };
  }));
}

async function waitForStoredText(page, text) {
  const deadline = Date.now() + 15000;
  while (!(await storedDraftTexts(page)).some((stored) => stored.includes(text))) {
    assert.ok(Date.now() < deadline, `IndexedDB never held "${text}"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// After a reload: the draft is listed; opening it brings back what was typed.
async function reopenDraft(page, title, body) {
  await page.waitForFunction(() => window.madoguchi.ready === true);
  await hasItem(page, '下書き（1件）');
  await hasItem(page, title);
  await clickItem(page, '開く');
  await page.waitForFunction((b) => window.madoguchi.items().find((i) => i.label === '内容')?.value === b, body);
}

test('a half-written inquiry is saved as a draft and survives a reload', async () => {
  const { page, problems, context } = await openApp(running.browser, `${running.server.url}?view=tickets`);
  await typeInto(page, '件名', 'モニターが映らない');
  await typeInto(page, '内容', '朝から画面が暗いままです。');
  await page.waitForFunction(() => window.madoguchi.items().some((i) => i.label.startsWith('下書きを保存しました')));
  await waitForStoredText(page, '朝から画面が暗いままです。');
  await page.reload();
  await reopenDraft(page, 'モニターが映らない', '朝から画面が暗いままです。');
  assert.equal(await inquiriesOnServer(), 0, 'a draft is not sent by itself');

  // Discarding asks first: Esc keeps the draft, confirming removes it.
  await clickItem(page, '下書きを破棄');
  await hasItem(page, 'この下書きを削除しますか？入力した内容は元に戻せません。');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !window.madoguchi.items().some((i) => i.label.startsWith('この下書きを削除')));
  assert.equal(await page.evaluate(() => window.madoguchi.items().find((i) => i.label === '件名').value), 'モニターが映らない');
  await clickItem(page, '下書きを破棄');
  await hasItem(page, 'この下書きを削除しますか？入力した内容は元に戻せません。');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.madoguchi.items().find((i) => i.label === '件名')?.value === '');
  await hasItem(page, '下書き（0件）');
  assert.deepEqual(problems, []);
  await context.close();
});

test('what was typed just before the page went away is in the draft after a reload', async () => {
  const { page, problems, context } = await openApp(running.browser, `${running.server.url}?view=tickets`);
  // A slow office PC: IndexedDB cannot finish writing while the page unloads.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await typeInto(page, '件名', 'プリンタの紙詰まり');
  await typeInto(page, '内容', '10階の複合機で紙が詰まります。');
  // Reloaded at once: no pause for the usual save.
  await page.reload();
  await reopenDraft(page, 'プリンタの紙詰まり', '10階の複合機で紙が詰まります。');
  assert.deepEqual(problems, []);
  await context.close();
});

test('submitting offline queues the inquiry; after two lost answers it is created exactly once', async () => {
  const before = await inquiriesOnServer();
  const { page, problems, context } = await openApp(running.browser, `${running.server.url}?view=tickets`);
  await fillForm(page);

  await context.setOffline(true);
  await clickItem(page, '送信');
  await hasItem(page, '送信待ち（1件）');
  await page.waitForFunction(() => window.madoguchi.items().some((i) => i.label.startsWith('再送を待っています')));
  assert.equal(await inquiriesOnServer(), before, 'nothing reached the server while offline');

  // Back online, the first two answers are lost on the way back, after the server acted.
  const keys = [];
  let lost = 0;
  await page.route('**/api/v1/inquiries', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    const response = await route.fetch();
    if (lost < 2) {
      lost += 1;
      await route.abort('connectionreset');
      return;
    }
    await route.fulfill({ response });
  });
  await context.setOffline(false);
  await hasItem(page, '送信済み（1件）', { timeout: 30000 });
  await page.waitForFunction(() => window.madoguchi.items().some((i) => /^INQ-\d{4}-\d{6}　ノートPCの貸出$/.test(i.label)));
  assert.equal(lost, 2);
  assert.ok(keys.length >= 3, `sends: ${keys.length}`);
  assert.equal(new Set(keys).size, 1, 'every retry carried the same Idempotency-Key');
  assert.match(keys[0], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(await inquiriesOnServer(), before + 1, 'exactly one inquiry was created');
  await hasItem(page, '送信待ち（0件）');
  // Only the expected network failures: the offline attempt and the two dropped answers.
  assert.deepEqual(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED') && !p.includes('ERR_CONNECTION_RESET')
    && !p.includes('Failed to load resource')), []);
  await context.close();
});

test('a submit with empty fields shows every problem inline in the current language', async () => {
  const before = await inquiriesOnServer();
  const { page, problems, context } = await openApp(running.browser, `${running.server.url}?view=tickets`);
  await typeInto(page, '件名', '件名だけ');
  await clickItem(page, '送信');
  await hasItem(page, '必須です。');
  const alerts = await page.evaluate(() => window.madoguchi.items().filter((i) => i.role === 'alert' && i.label === '必須です。').length);
  assert.equal(alerts, 3, 'contact, category and details are each marked (name and division came filled in)');
  await clickItem(page, 'English');
  await hasItem(page, 'is required');
  assert.equal(await inquiriesOnServer(), before, 'nothing was sent');
  assert.deepEqual(problems, []);
  await context.close();
});
