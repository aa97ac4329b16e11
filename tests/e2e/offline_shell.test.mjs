// The offline app shell (assets/web/sw.js): the app opens with no network from the service
// worker's cache of its build, shows the offline banner, and recovers when the network returns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openApp, canvasPixelStats, itemsByLabel } from './lib/harness.mjs';

const offlineBanner = 'サーバーに接続できません。再接続を試みています…';

const running = serverAndBrowser();

// Failed requests and console errors with the address they concern, from now on.
function watchFailures(page) {
  const failures = [];
  page.on('requestfailed', (request) => failures.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(`${message.location().url || '?'}: ${message.text()}`);
  });
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  return failures;
}

test('with no network the app opens from the cache, draws, and shows the offline banner until it is back', async () => {
  const { context, page, problems } = await openApp(running.browser, running.server.url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  const build = await page.evaluate(() => window.madoguchi.build);
  assert.match(build, /^[0-9a-f]{12}$/);
  assert.deepEqual(await page.evaluate(() => caches.keys()), [`madoguchi-build-${build}`]);
  assert.deepEqual(problems, []);

  await context.setOffline(true);
  const failures = watchFailures(page);
  await page.reload();
  await page.waitForFunction(() => window.madoguchi && window.madoguchi.frame > 10, null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => window.madoguchi.build), build, 'the cached page shell of the same build');
  const frame = await page.evaluate(() => window.madoguchi.frame);
  await page.waitForFunction((n) => window.madoguchi.frame > n + 5, frame);
  await page.waitForFunction((label) => window.madoguchi.items().some((i) => i.label === label && i.role === 'alert'),
    offlineBanner, { timeout: 30000 });
  // Once asking the server who is signed in has failed, the remembered user's app is drawn.
  await page.waitForFunction(() => window.madoguchi.items().some((i) => i.label === 'ダッシュボード'), null, { timeout: 30000 });
  const items = await itemsByLabel(page);
  assert.ok(items['窓口 太郎'], 'the remembered user is signed in on the device');
  const pixels = await canvasPixelStats(page);
  assert.ok(pixels.dark > 2000, `text is drawn: ${pixels.dark} dark pixels`);
  assert.equal(await page.evaluate(() => document.getElementById('status').className), 'hidden');
  assert.equal(await page.evaluate(() => window.madoguchi.ready), false, 'no server data, so not ready');

  // Every file of the app came from the cache: what failed is the API (and the worker's update check).
  const unexpected = failures.filter((failure) => !failure.includes('/api/') && !failure.includes('/sw.js'));
  assert.deepEqual(unexpected, []);
  assert.ok(failures.some((failure) => failure.includes('/api/')), 'the API was tried and failed');

  await context.setOffline(false);
  await page.waitForFunction(() => window.madoguchi.ready === true, null, { timeout: 30000 });
  await page.waitForFunction((label) => !window.madoguchi.items().some((i) => i.label === label),
    offlineBanner, { timeout: 30000 });
  await context.close();
});
