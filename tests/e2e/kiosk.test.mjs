// A lending counter in kiosk mode: the counter screen only, in large type; scans judged at
// once with colour and sound; back to the start screen after the idle time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openApp } from './lib/harness.mjs';

const running = serverAndBrowser();

function labels(page) {
  return page.evaluate(() => window.madoguchi.items().map((i) => i.label));
}

function waitForLabel(page, label, options = {}) {
  return page.waitForFunction((l) => window.madoguchi.items().some((i) => i.label === l), label, options);
}

async function scan(page, code) {
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-bridge');
  await page.keyboard.type(`${code}\n`, { delay: 0 });
}

test('the kiosk shows only the counter, takes scans, refuses a bad one with sound, and resets when idle', async () => {
  const { page, problems, context } = await openApp(running.browser, `${running.server.url}?kiosk=1&idle=4`);
  await waitForLabel(page, '職員証をスキャンしてください');
  const shown = await labels(page);
  for (const absent of ['ダッシュボード', 'チケット', '文字サイズ', 'English']) {
    assert.ok(!shown.includes(absent), `${absent} is not on the kiosk screen`);
  }
  // Large type: the instruction is far taller than normal 17 px text.
  const heading = await page.evaluate(() => window.madoguchi.items().find((i) => i.label === '職員証をスキャンしてください'));
  assert.ok(heading.h >= 30, `heading height ${heading.h}`);

  await scan(page, 'PC-000123');
  await waitForLabel(page, '先に職員証をスキャンしてください：PC-000123');
  const refusal = await page.evaluate(() => window.madoguchi.items().find((i) => i.label.startsWith('先に職員証')));
  assert.equal(refusal.role, 'alert');
  assert.deepEqual(await page.evaluate(() => window.madoguchi.sounds), ['refused']);

  await scan(page, '20231234');
  await waitForLabel(page, '受付中：職員番号 20231234');
  await scan(page, 'PC-000123');
  await waitForLabel(page, 'PC-000123');
  assert.deepEqual(await page.evaluate(() => window.madoguchi.sounds), ['refused', 'accepted', 'accepted']);

  // Nobody touches it: the countdown shows, then the start screen is back.
  await page.waitForFunction(() => window.madoguchi.items().some((i) => i.label.startsWith('操作がないため')), null, { timeout: 10000 });
  await page.waitForFunction(() => !window.madoguchi.items().some((i) => i.label.startsWith('受付中')), null, { timeout: 10000 });
  await waitForLabel(page, '職員証をスキャンしてください');
  assert.deepEqual(problems, []);
  await context.close();
});

test('kiosk mode stays on for the terminal until ?kiosk=0', async () => {
  const { page, problems, context } = await openApp(running.browser, `${running.server.url}?kiosk=1`);
  await waitForLabel(page, '職員証をスキャンしてください');
  await page.goto(running.server.url);
  await page.waitForFunction(() => window.madoguchi.ready === true);
  await waitForLabel(page, '職員証をスキャンしてください');
  assert.ok(!(await labels(page)).includes('ダッシュボード'));
  await page.goto(`${running.server.url}?kiosk=0`);
  await page.waitForFunction(() => window.madoguchi.ready === true);
  await waitForLabel(page, 'ダッシュボード');
  assert.deepEqual(problems, []);
  await context.close();
});
