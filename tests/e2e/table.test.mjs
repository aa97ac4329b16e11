// The UI kit's data table with 15,000 ledger rows in the running.browser: wheel scrolling under a
// sticky header, sorting by a header click, a filter and a row selection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openApp, clickItem } from './lib/harness.mjs';

const running = serverAndBrowser();

// What a person sees of the table: the header of the first column, the rows whose middle is
// below it (rows scrolling under the sticky header are half hidden), and the counts line.
function tableView(page) {
  return page.evaluate(() => {
    const items = window.madoguchi.items();
    const header = items.find((i) => i.role === 'column-header' && i.label === '資産番号');
    const rows = items.filter((i) => i.role === 'table-row' && header && i.y + i.h / 2 > header.y + header.h);
    const count = items.find((i) => i.role === 'status' && i.label.includes('件中'));
    const selected = items.find((i) => i.role === 'status' && i.label.includes('件を選択中'));
    return { header, rows, count: count?.label, selected: selected?.label, frame: window.madoguchi.frame };
  });
}

async function waitForView(page, predicate, argument) {
  await page.waitForFunction(predicate, argument, { timeout: 15000 });
  return tableView(page);
}

test('15,000 rows scroll, sort, filter and select in the running.browser', async () => {
  const { page, problems, context } = await openApp(running.browser, `${running.server.url}?view=kit`);
  await clickItem(page, '一覧表');
  await page.waitForFunction(() => window.madoguchi.items().filter((i) => i.role === 'table-row').length > 10);
  const start = await tableView(page);
  assert.equal(start.count, '15,000件中15,000件');
  assert.equal(start.rows[0].label, 'PC-000001');
  assert.equal(start.header.value, 'ascending');
  assert.ok(start.rows.length < 60, `only the rows on screen are drawn: ${start.rows.length}`);

  // A long way down with the wheel: other rows, the header where it was.
  const middle = start.rows[Math.floor(start.rows.length / 2)];
  await page.mouse.move(middle.x + middle.w / 2, middle.y + middle.h / 2);
  for (let i = 0; i < 20; i += 1) {
    const frame = await page.evaluate(() => window.madoguchi.frame);
    await page.mouse.wheel(0, 1000);
    await page.waitForFunction((n) => window.madoguchi.frame > n + 1, frame);
  }
  const scrolled = await waitForView(page, () => {
    const rows = window.madoguchi.items().filter((i) => i.role === 'table-row');
    return rows.length > 0 && Number(rows[0].label.slice(3)) > 300;
  });
  assert.ok(Number(scrolled.rows[0].label.slice(3)) > 300, `scrolled to ${scrolled.rows[0].label}`);
  assert.deepEqual([scrolled.header.x, scrolled.header.y], [start.header.x, start.header.y], 'the header stays put');
  assert.ok(scrolled.rows.length < 60);

  // Sorting by the asset tag: descending, then ascending again, from the top of the list.
  await clickItem(page, '資産番号');
  const descending = await waitForView(page, () => {
    const items = window.madoguchi.items();
    return items.find((i) => i.label === '資産番号')?.value === 'descending' &&
      items.filter((i) => i.role === 'table-row').some((i) => i.label === 'PC-015000');
  });
  assert.equal(descending.rows[0].label, 'PC-015000');
  assert.equal(descending.rows[1].label, 'PC-014999');
  await clickItem(page, '資産番号');
  const ascending = await waitForView(page, () => window.madoguchi.items()
    .some((i) => i.role === 'table-row' && i.label === 'PC-000001'));
  assert.equal(ascending.rows[0].label, 'PC-000001');
  assert.equal(ascending.header.value, 'ascending');

  // A filter narrows the rows and says how many match.
  await clickItem(page, '資産番号 の絞り込み');
  await page.keyboard.type('pc-0001');
  const filtered = await waitForView(page, () => window.madoguchi.items()
    .some((i) => i.role === 'status' && i.label === '15,000件中100件'));
  assert.equal(filtered.rows[0].label, 'PC-000100');
  assert.ok(filtered.rows.every((row) => row.label.startsWith('PC-0001')), 'every row shown matches');

  // A click selects a row.
  await clickItem(page, 'PC-000103');
  // The count line sits above the table, so it shows a selection one frame after the row.
  const picked = await waitForView(page, () => window.madoguchi.items()
    .some((i) => i.role === 'table-row' && i.label === 'PC-000103' && i.value === 'selected')
    && window.madoguchi.items().some((i) => i.role === 'status' && i.label === '1件を選択中'));
  assert.equal(picked.selected, '1件を選択中');
  assert.equal(picked.rows.filter((row) => row.value === 'selected').length, 1);

  assert.deepEqual(problems, []);
  await context.close();
});

test('the empty and error states show in place of the rows, with their buttons', async () => {
  const { page, problems, context } = await openApp(running.browser, `${running.server.url}?view=kit`);
  await clickItem(page, '一覧表');
  await clickItem(page, '空の一覧');
  await page.waitForFunction(() => window.madoguchi.items().some((i) => i.label === '登録されている機器はありません。'));
  assert.equal(await page.evaluate(() => window.madoguchi.items().filter((i) => i.role === 'table-row').length), 0);
  await clickItem(page, '見本の行を読み込む');
  await page.waitForFunction(() => window.madoguchi.items().some((i) => i.role === 'table-row'));

  await clickItem(page, '読み込みエラー');
  await page.waitForFunction(() => window.madoguchi.items().some((i) => i.role === 'alert' && i.label.includes('読み込めませんでした')));
  await clickItem(page, '再試行');
  await page.waitForFunction(() => window.madoguchi.items().some((i) => i.role === 'table-row'));
  assert.deepEqual(problems, []);
  await context.close();
});
