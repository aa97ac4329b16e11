// 台帳 as an operator uses it: devices made through the API appear in the ledger's table, the
// table's filter finds one by its tag, its detail pane changes its state with a reason, and
// the history tab shows that change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openApp, clickItem, signedInFetch, hasItem, typeInto } from './lib/harness.mjs';

const running = serverAndBrowser();

test('an operator finds a device by filtering the ledger, changes its state with a reason and sees it in the history',
  async () => {
    const desk = await signedInFetch(running.server.url, 'desk');
    for (const [asset_tag, device_class, state] of [
      ['MFP-000101', 'mfp', 'installed'], ['TAB-000201', 'tablet', 'in_stock'], ['TAB-000202', 'tablet', 'on_loan']]) {
      const created = await desk('/api/v1/devices', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ asset_tag, class: device_class, state }),
      });
      assert.equal(created.status, 201, await created.text());
    }

    const { page, problems, context } = await openApp(running.browser, `${running.server.url}?view=inventory`);
    await hasItem(page, 'MFP-000101', { timeout: 15000 });
    await hasItem(page, '3件中3件');

    await clickItem(page, '資産番号 の絞り込み');
    await page.keyboard.type('tab-000201');
    await hasItem(page, '3件中1件', { timeout: 10000 });
    const rows = await page.evaluate(() => window.madoguchi.items().filter((i) => i.role === 'table-row').map((i) => i.label));
    assert.deepEqual(rows, ['TAB-000201'], 'the filter leaves only the tablet asked for');

    await clickItem(page, 'TAB-000201', { role: 'table-row' });
    await hasItem(page, '状態：在庫', { timeout: 10000 });
    await clickItem(page, '「修理中」にする', { role: 'button' });
    await hasItem(page, 'TAB-000201 の状態を「在庫」から「修理中」に変更します。理由を入力してください。', { timeout: 10000 });
    await typeInto(page, '理由', '画面が点灯しない');
    await clickItem(page, '変更する', { role: 'button' });
    await hasItem(page, '状態：修理中', { timeout: 10000 });

    await clickItem(page, '履歴');
    await hasItem(page, 'desk 状態変更（在庫 → 修理中）', { timeout: 10000 });

    // The server holds the move with its reason.
    const { devices } = await (await desk('/api/v1/devices?q=TAB-000201')).json();
    assert.equal(devices[0].state, 'in_repair');
    const { history } = await (await desk(`/api/v1/devices/${devices[0].id}/history`)).json();
    assert.equal(history[0].action, 'device.transitioned');
    assert.equal(history[0].reason, '画面が点灯しない');
    assert.deepEqual(problems, []);
    await context.close();
  });
