// 台帳's downloads as a desk operator uses them: CSV出力 saves the ledger (UTF-8 with BOM,
// the Japanese header) and, once the table is filtered, only the rows it shows; ラベル印刷
// asks for a selection first, then saves the QR label sheet of the selected row as PDF (and,
// from ラベル（SVG）, as SVG); Ctrl+click adds a second row to the sheet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serverAndBrowser, openApp, clickItem, signedInFetch, hasItem } from './lib/harness.mjs';

const running = serverAndBrowser();

const header = '資産番号,製造番号,機器分類,メーカー,機種名,状態,設置場所,課室コード,課室名,管理者ログインID,管理者名,付属品,'
  + 'ネットワークアドレス,SNMPプロファイル,トナー配送先,トナー連絡先,契約開始日,契約終了日,備考';

async function downloaded(page, label) {
  const [download] = await Promise.all([page.waitForEvent('download'), clickItem(page, label, { role: 'button' })]);
  return { name: download.suggestedFilename(), url: download.url(), text: await readFile(await download.path(), 'utf8') };
}

test('CSV出力 saves what the table shows; ラベル印刷 saves the selected row\'s QR label as PDF, ラベル（SVG） as SVG', async () => {
  const desk = await signedInFetch(running.server.url, 'desk');
  for (const [asset_tag, device_class, notes] of [
    ['MFP-000101', 'mfp', ''], ['TAB-000201', 'tablet', '画面に傷, "要確認"'], ['TAB-000202', 'tablet', '']]) {
    const created = await desk('/api/v1/devices', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ asset_tag, class: device_class, notes }),
    });
    assert.equal(created.status, 201, await created.text());
  }

  const { page, problems, context } = await openApp(running.browser, `${running.server.url}?view=inventory`,
    { acceptDownloads: true });
  await hasItem(page, '3件中3件', { timeout: 15000 });
  await hasItem(page, 'ラベルを印刷する行を選択してください（Ctrl・Shift+クリックで複数選択）。');

  const whole = await downloaded(page, 'CSV出力');
  assert.match(whole.name, /^(ledger-|機器台帳_)\d{8}\.csv$/);
  assert.ok(whole.text.startsWith(`\uFEFF${header}\r\n`), whole.text.slice(0, 300));
  assert.equal(whole.text.split('\r\n').filter((line) => line !== '').length, 4, 'the header and three devices');
  assert.ok(whole.text.includes('TAB-000201,,tablet,,,in_stock,'), whole.text);
  assert.ok(whole.text.includes('"画面に傷, ""要確認"""'), 'quoted as Excel and the import read it');

  await clickItem(page, '資産番号 の絞り込み');
  await page.keyboard.type('tab');
  await hasItem(page, '3件中2件', { timeout: 10000 });
  const filtered = await downloaded(page, 'CSV出力');
  assert.ok(filtered.text.startsWith(`\uFEFF${header}\r\n`));
  assert.ok(!filtered.text.includes('MFP-000101'), 'rows the filter hides are not exported');
  assert.ok(filtered.text.includes('TAB-000201') && filtered.text.includes('TAB-000202'));

  await clickItem(page, 'TAB-000202', { role: 'table-row' });
  await page.waitForFunction(() => !window.madoguchi.items().some((i) => i.label.startsWith('ラベルを印刷する行を選択')),
    null, { timeout: 10000 });
  const printable = await downloaded(page, 'ラベル印刷');
  assert.match(printable.name, /^(labels-|資産ラベル_)\d{8}\.pdf$/);
  assert.ok(printable.text.startsWith('%PDF-'), printable.text.slice(0, 20));
  assert.match(printable.url, /\/api\/v1\/devices\/labels\.pdf\?.*ids=\d+/);
  const labels = await downloaded(page, 'ラベル（SVG）');
  assert.match(labels.name, /^(labels-|資産ラベル_)\d{8}\.svg$/);
  assert.ok(labels.text.startsWith('<?xml'), labels.text.slice(0, 200));
  assert.deepEqual([...labels.text.matchAll(/data-tag="([^"]+)"/g)].map((m) => m[1]), ['TAB-000202'], labels.url);
  assert.ok(!labels.text.includes('MFP-000101'));

  // Ctrl+click adds a row to the selection, as the hint says (the click itself carries Ctrl).
  await clickItem(page, 'TAB-000201', { role: 'table-row', modifiers: ['Control'] });
  const both = await downloaded(page, 'ラベル（SVG）');
  assert.deepEqual([...both.text.matchAll(/data-tag="([^"]+)"/g)].map((m) => m[1]).sort(), ['TAB-000201', 'TAB-000202'],
    both.url);
  assert.deepEqual(problems, []);
  await context.close();
});
