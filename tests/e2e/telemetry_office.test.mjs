// The telemetry office tabs in the browser: the desk marks a toner order shipped, the vendor
// (signed in as the vendor) sees its company's order only and marks it delivered, with no
// other tab; the desk reads billing against the contract and enters a chatbot maintenance
// window typed in Japan time, which the month then lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serverAndBrowser, openApp, clickItem, signedInFetch, hasItem, typeInto, testDivision, testPassword } from './lib/harness.mjs';

const running = serverAndBrowser();
const vendorCompany = 'リコージャパン株式会社';

function sql(server, statements) {
  const run = spawnSync('sqlite3', [server.dbPath, statements], { encoding: 'utf8', timeout: 30000 });
  if (run.status !== 0) throw new Error(`sqlite3 failed: ${run.stderr}`);
}

// What the poller would have written: a printer with its delivery address, and two toner
// orders, one handed to Ricoh's company and one to another's.
function seedOrders(server) {
  const at = new Date(Date.now() - 26 * 3600 * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  sql(server, `
    INSERT INTO device_models (maker, name, class) VALUES ('リコー', 'RICOH IM C3510F', 'mfp');
    INSERT INTO devices (asset_tag, class, model_id, division_code, network_address, snmp_profile, state,
      toner_delivery_address, toner_contact, updated_at)
      SELECT 'MFP-E2E-01', 'mfp', id, '${testDivision.code}', '10.20.3.10', 'ricoh-v2c', 'installed',
        '本館10階 総務課前', '総務課 山田', '${at}' FROM device_models WHERE name = 'RICOH IM C3510F';
    INSERT INTO telemetry_toner_orders (device_id, colour, state, reason, level_at_order, delivery_address, contact,
      vendor_company, created_at, updated_at)
      SELECT id, 'cyan', 'ordered', 'level_threshold', 8, toner_delivery_address, toner_contact, '${vendorCompany}',
        '${at}', '${at}' FROM devices WHERE asset_tag = 'MFP-E2E-01';
    INSERT INTO telemetry_toner_orders (device_id, colour, state, reason, level_at_order, delivery_address, contact,
      vendor_company, created_at, updated_at)
      SELECT id, 'black', 'ordered', 'level_threshold', 9, toner_delivery_address, toner_contact, '他社サービス株式会社',
        '${at}', '${at}' FROM devices WHERE asset_tag = 'MFP-E2E-01';`);
}

function addVendor(server, login) {
  const run = spawnSync(server.binary, ['user', 'add', '--db', server.dbPath, '--login', login, '--name', '吉田 誠',
    '--division', testDivision.code, '--roles', 'vendor', '--vendor-company', vendorCompany],
  { input: `${testPassword}\n`, encoding: 'utf8', timeout: 30000 });
  if (run.status !== 0) throw new Error(`user add ${login} failed: ${run.stderr}`);
}

function itemValue(page, label, role, value) {
  return page.waitForFunction(([l, r, v]) => window.madoguchi.items().some((i) => i.label === l && i.role === r && i.value === v),
    [label, role, value], { timeout: 10000 });
}

async function orderState(desk, colour) {
  const { toner_orders: orders } = await (await desk('/api/v1/telemetry/toner-orders')).json();
  return orders.find((order) => order.colour === colour).state;
}

test('the desk ships a toner order, the vendor delivers its own, and billing and chatbot maintenance work', async () => {
  const { server, browser } = running;
  seedOrders(server);
  addVendor(server, 'ricoh');
  const desk = await signedInFetch(server.url);

  const operator = await openApp(browser, `${server.url}?view=telemetry`);
  // The desk's telemetry opens on フリート; the toner orders are their own tab.
  await clickItem(operator.page, 'トナー発注', { role: 'tab' });
  await hasItem(operator.page, 'MFP-E2E-01 シアン', { timeout: 15000 });
  await hasItem(operator.page, '本館10階 総務課前');
  await clickItem(operator.page, '発送済みにする', { role: 'button' });
  await itemValue(operator.page, 'MFP-E2E-01 シアン', 'listitem', 'shipped');
  assert.equal(await orderState(desk, 'cyan'), 'shipped');

  const vendor = await openApp(browser, `${server.url}?view=telemetry`, {}, { login: 'ricoh' });
  await itemValue(vendor.page, 'MFP-E2E-01 シアン', 'listitem', 'shipped');
  const labels = await vendor.page.evaluate(() => window.madoguchi.items().map((i) => i.label));
  assert.ok(!labels.includes('MFP-E2E-01 ブラック'), 'another company\'s order is not the vendor\'s');
  assert.ok(!labels.includes('請求'), 'billing is not the vendor\'s');
  await clickItem(vendor.page, '配送済みにする', { role: 'button' });
  await itemValue(vendor.page, 'MFP-E2E-01 シアン', 'listitem', 'delivered');
  assert.equal(await orderState(desk, 'cyan'), 'delivered');
  assert.deepEqual(vendor.problems, []);
  await vendor.context.close();

  await clickItem(operator.page, '請求', { role: 'tab' });
  await hasItem(operator.page, '0 / 65,000,000枚（0.0%）', { timeout: 15000 });
  await hasItem(operator.page, '年度内の月別印刷枚数');

  await clickItem(operator.page, 'チャットボット', { role: 'tab' });
  await hasItem(operator.page, '計画メンテナンスの登録', { timeout: 15000 });
  const month = new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 7);
  await typeInto(operator.page, '開始日時', `${month}-01 22:00`);
  await typeInto(operator.page, '終了日時', `${month}-01 23:30`);
  await typeInto(operator.page, '件名', 'チャットボット定期更新');
  await clickItem(operator.page, '登録', { role: 'button' });
  await operator.page.waitForFunction(() => window.madoguchi.items().some(
    (i) => i.role === 'listitem' && i.label.endsWith('チャットボット定期更新')), null, { timeout: 10000 });
  const { maintenance } = await (await desk(`/api/v1/chatbot/maintenance?month=${month}`)).json();
  assert.equal(maintenance.length, 1);
  assert.equal(maintenance[0].starts_at, new Date(`${month}-01T22:00:00+09:00`).toISOString().replace(/\.\d+Z$/, 'Z'));
  assert.deepEqual(operator.problems, []);
  await operator.context.close();
});
