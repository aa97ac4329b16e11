// 設定 in the browser: an admin types a model's printing speed as the IME gives it (full-width
// digits), saves it with its row's 保存 (named after the model for tests and screen readers),
// and the API and the field then hold 30; the loop rules show as their defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serverAndBrowser, openApp, clickItem, signedInFetch, hasItem, typeInto } from './lib/harness.mjs';

const running = serverAndBrowser();

test('an admin enters a model\'s printing speed on the 設定 tab', async () => {
  const { server, browser } = running;
  const run = spawnSync('sqlite3', [server.dbPath, "INSERT INTO device_models (maker, name, class) VALUES ('リコー', 'IM C3010', 'mfp');"],
    { encoding: 'utf8', timeout: 30000 });
  assert.equal(run.status, 0, run.stderr);
  const desk = await signedInFetch(server.url);

  // The test's desk account is also an admin, so the tab is editable.
  const admin = await openApp(browser, `${server.url}?view=telemetry`);
  await clickItem(admin.page, '設定', { role: 'tab' });
  await hasItem(admin.page, '初期値のままです（まだ変更されていません）。', { timeout: 15000 });
  await typeInto(admin.page, 'リコー IM C3010の印刷速度', '３０');
  await clickItem(admin.page, 'リコー IM C3010の印刷速度を保存', { role: 'button' });
  await admin.page.waitForFunction(() => window.madoguchi.items().some(
    (i) => i.label === 'リコー IM C3010の印刷速度' && i.role === 'textbox' && i.value === '30'), null, { timeout: 10000 });
  const { models } = await (await desk('/api/v1/telemetry/model-speeds')).json();
  assert.equal(models.length, 1);
  assert.equal(models[0].pages_per_minute, 30);
  assert.equal(models[0].updated_by, 'desk');
  assert.deepEqual(admin.problems, []);
  await admin.context.close();
});
