// 設置申請 from end to end in the browser: a manager requests a move of the division's MFP,
// the desk accepts it and ticks GSSネットワーク調整, hands it to the vendor, the vendor
// (signed in as the vendor) reports the works done, the desk ticks the rest and completes
// it, and the 台帳 shows the device at its new place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  serverAndBrowser, openApp, clickItem, signedInFetch, hasItem, typeInto, testDivision, testPassword, addUser,
} from './lib/harness.mjs';

const running = serverAndBrowser();
const vendorCompany = 'リコージャパン株式会社';

function addVendor(server, login) {
  const run = spawnSync(server.binary, ['user', 'add', '--db', server.dbPath, '--login', login, '--name', '吉田 誠',
    '--division', testDivision.code, '--roles', 'vendor', '--vendor-company', vendorCompany],
  { input: `${testPassword}\n`, encoding: 'utf8', timeout: 30000 });
  if (run.status !== 0) throw new Error(`user add ${login} failed: ${run.stderr}`);
}

async function posted(fetcher, path, body) {
  const response = await fetcher(path, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const text = await response.text();
  assert.equal(response.status, 201, text);
  return JSON.parse(text);
}

// The request's state and checklist as the server holds them.
async function stored(desk, number) {
  const { requests } = await (await desk('/api/v1/placement-requests')).json();
  return requests.find((request) => request.number === number);
}

async function waitFor(check, what) {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => { setTimeout(resolve, 100); });
  }
  assert.fail(`timed out waiting for ${what}`);
}

// Opens the request from the list and takes one of its moves through the dialog.
async function take(page, label, expectedState) {
  await clickItem(page, label, { role: 'button' });
  await clickItem(page, '確定する', { role: 'button' });
  await hasItem(page, `状態：${expectedState}`, { timeout: 10000 });
}

async function tick(page, desk, number, label, key) {
  await clickItem(page, label, { role: 'checkbox' });
  await waitFor(async () => (await stored(desk, number)).checklist.find((item) => item.key === key).done,
    `${key} to be done`);
  await page.waitForFunction((l) => window.madoguchi.items().some((i) => i.label === l && i.value === 'checked'),
    label, { timeout: 10000 });
}

test('a manager requests a move, the desk and the vendor process it, and the ledger shows the device at its new place',
  async () => {
    const { server, browser } = running;
    addUser(server, { login: 'boss', name: '渡辺 剛', roles: ['manager'] });
    addVendor(server, 'ricoh');
    const desk = await signedInFetch(server.url, 'desk');
    const { location: from } = await posted(desk, '/api/v1/locations', { building: '本館', floor: '10階', room: '1001' });
    const { location: to } = await posted(desk, '/api/v1/locations', { building: '本館', floor: '11階', room: '1105' });
    await posted(desk, '/api/v1/devices', {
      asset_tag: 'MFP-000301', class: 'mfp', location_id: from.id, division_code: testDivision.code, state: 'installed',
    });

    // The manager's request.
    const manager = await openApp(browser, `${server.url}?view=placement`, {}, { login: 'boss' });
    await clickItem(manager.page, '新規申請', { role: 'button' });
    await clickItem(manager.page, '対象機器', { role: 'combo' });
    await clickItem(manager.page, 'MFP-000301（本館 10階 1001）', { role: 'option' });
    await clickItem(manager.page, '設置先', { role: 'combo' });
    await clickItem(manager.page, '本館 11階 1105', { role: 'option' });
    await typeInto(manager.page, '申請理由', '執務室の移転に伴う移設');
    await clickItem(manager.page, '申請する', { role: 'button' });
    await hasItem(manager.page, '状態：申請済', { timeout: 10000 });
    const { requests } = await (await desk('/api/v1/placement-requests')).json();
    assert.equal(requests.length, 1);
    const { number } = requests[0];
    assert.equal(requests[0].location_id, to.id);
    assert.equal(requests[0].requester_login, 'boss');
    await hasItem(manager.page, number, { timeout: 10000 });
    assert.deepEqual(manager.problems, []);
    await manager.context.close();

    // The desk accepts, coordinates the GSS network and hands the works to the vendor.
    const operator = await openApp(browser, `${server.url}?view=placement`);
    await clickItem(operator.page, number, { role: 'table-row' });
    await take(operator.page, '受付', '受付済');
    await tick(operator.page, desk, number, 'GSSネットワーク調整（府省経由）', 'gss_network');
    await clickItem(operator.page, 'ベンダーへ連携', { role: 'button' });
    await clickItem(operator.page, '製品ベンダー', { role: 'combo' });
    await clickItem(operator.page, vendorCompany, { role: 'option' });
    await clickItem(operator.page, '確定する', { role: 'button' });
    await hasItem(operator.page, '状態：ベンダー対応中', { timeout: 10000 });

    // The vendor sees its task and reports the works done.
    const vendor = await openApp(browser, `${server.url}?view=placement`, {}, { login: 'ricoh' });
    await clickItem(vendor.page, number, { role: 'table-row' });
    await take(vendor.page, '作業完了', '作業完了報告済');
    assert.deepEqual(vendor.problems, []);
    await vendor.context.close();

    // The desk ticks the rest and completes it: the ledger changes.
    await clickItem(operator.page, '再読み込み', { role: 'button' });
    await clickItem(operator.page, number, { role: 'table-row' });
    await hasItem(operator.page, '状態：作業完了報告済', { timeout: 10000 });
    await tick(operator.page, desk, number, '製品ベンダーへの情報連携（監視サービス・トナー配送先）', 'vendor_information');
    await tick(operator.page, desk, number, '複合機設定情報の変更', 'device_settings');
    await tick(operator.page, desk, number, '移設作業の完了（ベンダー）', 'move_works');
    await take(operator.page, '完了（台帳更新）', '完了');
    assert.equal((await stored(desk, number)).state, 'completed');

    await clickItem(operator.page, '台帳', { role: 'tab' });
    await hasItem(operator.page, 'MFP-000301', { timeout: 15000 });
    await clickItem(operator.page, 'MFP-000301', { role: 'table-row' });
    await hasItem(operator.page, '設置場所：本館 11階 1105', { timeout: 10000 });
    const { devices } = await (await desk('/api/v1/devices?q=MFP-000301')).json();
    assert.equal(devices[0].location_id, to.id);
    assert.equal(devices[0].version, 2);
    assert.deepEqual(operator.problems, []);
    await operator.context.close();
  });
