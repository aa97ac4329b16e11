// テレメトリ as the desk uses it: a printer with an SNMP profile, polled once by
// `madoguchi poll --once` while nothing answers at its agent, shows in the fleet as not
// responding; its row opens the device's detail with the poller's verdict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serverAndBrowser, openApp, clickItem, signedInFetch, hasItem } from './lib/harness.mjs';

const running = serverAndBrowser();

test('the desk sees a polled printer in the fleet and opens its detail', async () => {
  const desk = await signedInFetch(running.server.url, 'desk');
  const created = await desk('/api/v1/devices', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ asset_tag: 'MFP-000901', class: 'mfp', state: 'installed',
      network_address: '10.20.9.1', snmp_profile: 'ricoh-v2c' }),
  });
  const answer = await created.text();
  assert.equal(created.status, 201, answer);
  const { device } = JSON.parse(answer);

  // Real cycles; port 9 on loopback has no agent, so the printer does not answer. Three
  // silent cycles in a row make it unreachable (the poller's default).
  for (let cycle = 0; cycle < 3; cycle += 1) {
    const poll = spawnSync(running.server.binary, ['poll', '--once', '--db', running.server.dbPath,
      '--agent', '127.0.0.1:9', '--timeout-ms', '200', '--retries', '0'], { encoding: 'utf8', timeout: 30000 });
    assert.equal(poll.status, 0, poll.stderr);
  }

  const { page, problems, context } = await openApp(running.browser, `${running.server.url}?view=telemetry`);
  await hasItem(page, 'フリート', { timeout: 15000 });
  await hasItem(page, 'MFP-000901', { timeout: 15000 });
  await hasItem(page, '応答なし 1');

  await clickItem(page, 'MFP-000901', { role: 'table-row' });
  await hasItem(page, '状態：応答なし', { timeout: 10000 });
  await hasItem(page, '今すぐ取得');
  await hasItem(page, '← フリートへ戻る');

  // What the detail shows is what the server holds.
  const fleet = await (await desk('/api/v1/telemetry/devices?q=MFP-000901')).json();
  assert.equal(fleet.devices[0].state, 'unreachable');
  assert.equal(fleet.devices[0].device_id, device.id);
  assert.deepEqual(problems, []);
  await context.close();
});
