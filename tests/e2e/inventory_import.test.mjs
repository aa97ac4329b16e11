// 台帳's import as an operator uses it: a CSV picked in the browser's file chooser is checked
// (counts, the planned rows), committed, and the imported device is then found in the ledger
// by typing its custodian's name in kana into the table's filter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openApp, clickItem, signedInFetch, hasItem, testDivision } from './lib/harness.mjs';

const running = serverAndBrowser();

test('an operator imports a CSV through the wizard and finds the device by the custodian\'s kana name', async () => {
  const desk = await signedInFetch(running.server.url, 'desk');
  const user = await desk('/api/v1/users', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: 'sato', name: '佐藤 一郎', name_kana: 'サトウ イチロウ', division_code: testDivision.code,
      roles: ['staff'] }),
  });
  assert.equal(user.status, 201, await user.text());

  // As Excel writes "CSV UTF-8": a byte order mark and CRLF.
  const csv = '\uFEFF資産番号,機器分類,状態,管理者ログインID,備考\r\nTAB-000301,公用タブレット,貸出中,sato,一括登録\r\n';

  const { page, problems, context } = await openApp(running.browser, `${running.server.url}?view=inventory`);
  await hasItem(page, '台帳に機器はまだ登録されていません。', { timeout: 15000 });
  await clickItem(page, '取り込み', { role: 'button' });
  await hasItem(page, '台帳の取り込み（CSV）');

  const chooser = page.waitForEvent('filechooser');
  await clickItem(page, 'CSV ファイルを選択…', { role: 'button' });
  await (await chooser).setFiles({ name: '台帳.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await hasItem(page, '登録 1 件・更新 0 件・変更なし 0 件', { timeout: 10000 });
  await hasItem(page, '誤りはありません。「取り込む」で台帳に登録します。');
  await hasItem(page, '2 登録 TAB-000301 公用タブレット 貸出中 sato');
  // The dry run wrote nothing.
  assert.equal((await (await desk('/api/v1/devices')).json()).total, 0);

  await clickItem(page, '取り込む', { role: 'button' });
  await hasItem(page, '台帳に取り込みました。', { timeout: 10000 });
  await hasItem(page, 'TAB-000301', { timeout: 10000 });

  await clickItem(page, '管理者 の絞り込み');
  await page.keyboard.type('さとう');
  await hasItem(page, '1件中1件', { timeout: 10000 });
  const rows = await page.evaluate(() => window.madoguchi.items().filter((i) => i.role === 'table-row').map((i) => i.label));
  assert.deepEqual(rows, ['TAB-000301']);

  const { devices } = await (await desk('/api/v1/devices?q=TAB-000301')).json();
  assert.equal(devices[0].custodian_name_kana, 'サトウ イチロウ');
  assert.equal(devices[0].state, 'on_loan');
  assert.deepEqual(problems, []);
  await context.close();
});
