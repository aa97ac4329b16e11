// A lending counter in kiosk mode: the counter screen only, in large type; scans judged with
// colour and sound (a misread at once, a card by the server); back to the start screen after
// the idle time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openApp, signedInFetch, hasItem } from './lib/harness.mjs';

const running = serverAndBrowser();

function labels(page) {
  return page.evaluate(() => window.madoguchi.items().map((i) => i.label));
}

async function scan(page, code) {
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-bridge');
  await page.keyboard.type(`${code}\n`, { delay: 0 });
}

test('the kiosk shows only the counter, takes scans, refuses a bad one with sound, and resets when idle', async () => {
  const desk = await signedInFetch(running.server.url, 'desk');
  const { users } = await (await desk('/api/v1/users?q=staff')).json();
  const holder = users.find((user) => user.login === 'staff');
  const issued = await desk(`/api/v1/users/${holder.id}`,
    { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ staff_card: '20231234' }) });
  assert.equal(issued.status, 200);

  const { page, problems, context } = await openApp(running.browser, `${running.server.url}?kiosk=1&idle=4`);
  await hasItem(page, '職員証をスキャンしてください');
  const shown = await labels(page);
  for (const absent of ['ダッシュボード', 'チケット', '文字サイズ', 'English']) {
    assert.ok(!shown.includes(absent), `${absent} is not on the kiosk screen`);
  }
  // Large type: the instruction is far taller than normal 17 px text.
  const heading = await page.evaluate(() => window.madoguchi.items().find((i) => i.label === '職員証をスキャンしてください'));
  assert.ok(heading.h >= 30, `heading height ${heading.h}`);

  await scan(page, 'PC-000123');
  await hasItem(page, '先に職員証をスキャンしてください：PC-000123');
  const refusal = await page.evaluate(() => window.madoguchi.items().find((i) => i.label.startsWith('先に職員証')));
  assert.equal(refusal.role, 'alert');
  assert.deepEqual(await page.evaluate(() => window.madoguchi.sounds), ['refused']);

  // A card nobody holds: the server says so (its 404 is the expected answer).
  await scan(page, '20239999');
  await hasItem(page, 'この職員証は登録されていません。番号を確かめてもう一度読み取ってください。：20239999');

  await scan(page, '20231234');
  await hasItem(page, '受付中：職員 花子（運用窓口課）職員証 20231234');
  await hasItem(page, 'お渡しする貸出も貸出中の機器もありません');
  assert.deepEqual(await page.evaluate(() => window.madoguchi.sounds), ['refused', 'refused', 'accepted']);

  // Nobody touches it: the countdown shows, then the start screen is back.
  await page.waitForFunction(() => window.madoguchi.items().some((i) => i.label.startsWith('操作がないため')), null, { timeout: 10000 });
  await page.waitForFunction(() => !window.madoguchi.items().some((i) => i.label.startsWith('受付中')), null, { timeout: 10000 });
  await hasItem(page, '職員証をスキャンしてください');
  // The browser also logs that 404 on the console, without its address.
  assert.deepEqual(problems.filter((problem) => !problem.includes('/lending/counter/people/20239999')
    && !problem.includes('status of 404')), []);
  await context.close();
});

test('kiosk mode stays on for the terminal until ?kiosk=0', async () => {
  const { page, problems, context } = await openApp(running.browser, `${running.server.url}?kiosk=1`);
  await hasItem(page, '職員証をスキャンしてください');
  await page.goto(running.server.url);
  await page.waitForFunction(() => window.madoguchi.ready === true);
  await hasItem(page, '職員証をスキャンしてください');
  assert.ok(!(await labels(page)).includes('ダッシュボード'));
  await page.goto(`${running.server.url}?kiosk=0`);
  await page.waitForFunction(() => window.madoguchi.ready === true);
  await hasItem(page, 'ダッシュボード');
  assert.deepEqual(problems, []);
  await context.close();
});
