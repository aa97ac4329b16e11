// The web app as a person gets it: the real server, the real build, headless Debian chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { serverAndBrowser, openApp, canvasPixelStats, clickItem, itemsByLabel } from './lib/harness.mjs';

const running = serverAndBrowser();

test('the page loads, becomes ready and draws the dashboard without console errors', async () => {
  const { page, problems, context } = await openApp(running.browser, running.server.url);
  const state = await page.evaluate(() => ({ ...window.madoguchi }));
  assert.equal(state.ready, true);
  assert.ok(state.frame > 0, 'frames are counted');
  const frameBefore = state.frame;
  await page.waitForFunction((n) => window.madoguchi.frame > n + 5, frameBefore);

  const pixels = await canvasPixelStats(page);
  assert.equal(pixels.width, 1280);
  assert.equal(pixels.height, 800);
  // Cards, borders and text cover far more than a sliver of the screen; text is dark.
  assert.ok(pixels.drawn > pixels.total * 0.05, `drawn pixels: ${pixels.drawn} of ${pixels.total}`);
  assert.ok(pixels.dark > 2000, `dark (text) pixels: ${pixels.dark}`);
  assert.equal(await page.evaluate(() => document.getElementById('status').className), 'hidden');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the canvas follows devicePixelRatio and the window size', async () => {
  const { page, problems, context } = await openApp(running.browser, running.server.url, { deviceScaleFactor: 2 });
  const size = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
  assert.deepEqual(size, [2560, 1600]);

  await page.setViewportSize({ width: 900, height: 700 });
  await page.waitForFunction(() => document.getElementById('canvas').width === 1800);
  const frame = await page.evaluate(() => window.madoguchi.frame);
  await page.waitForFunction((n) => window.madoguchi.frame > n + 3, frame);
  const pixels = await canvasPixelStats(page);
  assert.equal(pixels.height, 1400);
  assert.ok(pixels.dark > 4000, `dark (text) pixels at 2x: ${pixels.dark}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the app files come compressed, with their types and cache rules', async () => {
  const page = await fetch(running.server.url, { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type'), /^text\/html/);
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  const html = await page.text();
  const wasm = html.match(/content="(app\.[0-9a-f]+\.wasm)"/)[1];
  const script = html.match(/src="(app\.[0-9a-f]+\.js)"/)[1];

  for (const [file, type] of [[wasm, 'application/wasm'], [script, 'text/javascript']]) {
    // Node's fetch would decompress silently; ask for the raw bytes with a plain request.
    const raw = await fetch(new URL(file, running.server.url), { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(raw.status, 200, file);
    assert.match(raw.headers.get('content-type'), new RegExp(`^${type}`), file);
    assert.match(raw.headers.get('cache-control'), /max-age=31536000/, file);
    assert.match(raw.headers.get('cache-control'), /immutable/, file);
  }
  const { request } = await import('node:http');
  const gzipped = await new Promise((resolve, reject) => {
    request(new URL(wasm, running.server.url), { headers: { 'Accept-Encoding': 'gzip' } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
  assert.equal(gzipped.headers['content-encoding'], 'gzip');
  const body = gunzipSync(gzipped.body);
  assert.deepEqual([...body.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d], 'a WebAssembly module');

  const licence = await fetch(new URL('fonts/OFL.txt', running.server.url));
  assert.equal(licence.status, 200);
  assert.match(await licence.text(), /SIL OPEN FONT LICENSE Version 1\.1/);
});

test('clicks by label switch the language and the area, and the choice survives a reload', async () => {
  const { page, problems, context } = await openApp(running.browser, running.server.url);
  const items = await itemsByLabel(page);
  assert.equal(items['ダッシュボード'].role, 'tab');
  assert.equal(items['ダッシュボード'].value, 'selected');
  assert.equal(items.English.role, 'radio');
  assert.equal(items.English.value, 'false');
  assert.ok(items.English.x > 640 && items.English.w > 0, 'the language switch sits in the header, right half');

  const before = await canvasPixelStats(page);
  await clickItem(page, 'English');
  await page.waitForFunction(() => window.madoguchi.language === 'en', null, { timeout: 10000 });
  await page.waitForFunction(() => window.madoguchi.items().some((i) => i.label === 'Tickets'));
  const after = await canvasPixelStats(page);
  assert.notEqual(after.dark, before.dark, 'the text on screen changed');

  await clickItem(page, 'Tickets');
  await page.waitForFunction(
    () => window.madoguchi.items().find((i) => i.label === 'Tickets')?.value === 'selected', null, { timeout: 10000 });
  assert.equal((await itemsByLabel(page)).Dashboard.value, '');

  await page.reload();
  await page.waitForFunction(() => window.madoguchi.ready === true, null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => window.madoguchi.language), 'en');
  assert.ok((await itemsByLabel(page)).Dashboard, 'the reloaded app is in English');
  assert.deepEqual(problems, []);
  await context.close();
});

test('losing the network shows a banner, and it goes once the server answers again', async () => {
  const { page, problems, context } = await openApp(running.browser, running.server.url);
  const alerts = () => page.evaluate(() => window.madoguchi.items().filter((i) => i.role === 'alert').length);
  assert.equal(await alerts(), 0);

  await context.setOffline(true);
  await page.waitForFunction(() => window.madoguchi.items().some((i) => i.role === 'alert'), null, { timeout: 10000 });
  const banner = await page.evaluate(() => window.madoguchi.items().find((i) => i.role === 'alert'));
  assert.match(banner.label, /サーバーに接続できません/);

  await context.setOffline(false);
  await page.waitForFunction(() => !window.madoguchi.items().some((i) => i.role === 'alert'), null, { timeout: 15000 });
  const toast = await page.waitForFunction(
    () => window.madoguchi.items().find((i) => i.role === 'status' && i.label.includes('再接続しました')), null,
    { timeout: 10000 });
  const { x, y } = await toast.jsonValue();
  assert.ok(x > 640 && y > 400, 'the toast sits in the bottom-right corner');
  // It goes away by itself after a few seconds.
  await page.waitForFunction(
    () => !window.madoguchi.items().some((i) => i.label.includes('再接続しました')), null, { timeout: 10000 });
  // Requests that failed while offline were the running.browser's, not the server's: no HTTP errors.
  assert.deepEqual(problems.filter((p) => p.startsWith('HTTP')), []);
  await context.close();
});

test('text size and high contrast follow the settings and survive a reload', async () => {
  const { page, problems, context } = await openApp(running.browser, running.server.url);
  const itemsBefore = await itemsByLabel(page);
  assert.ok(itemsBefore['100%'], 'text size starts at 100%');
  assert.equal(itemsBefore['小さく'].enabled, false);
  const titleBefore = itemsBefore['ダッシュボード'];

  await clickItem(page, '大きく');
  await page.waitForFunction(() => window.madoguchi.items().some((i) => i.label === '125%'), null, { timeout: 10000 });
  await clickItem(page, '大きく');
  await page.waitForFunction(() => window.madoguchi.items().some((i) => i.label === '150%'), null, { timeout: 10000 });
  const larger = (await itemsByLabel(page))['ダッシュボード'];
  assert.ok(larger.h > titleBefore.h * 1.3, `navigation rows grow with the text: ${titleBefore.h} -> ${larger.h}`);

  const light = await canvasPixelStats(page);
  await clickItem(page, 'ハイコントラスト');
  await page.waitForFunction(
    () => window.madoguchi.items().find((i) => i.label === 'ハイコントラスト')?.value === 'true', null, { timeout: 10000 });
  const frame = await page.evaluate(() => window.madoguchi.frame);
  await page.waitForFunction((n) => window.madoguchi.frame > n + 2, frame);
  const contrast = await canvasPixelStats(page);
  assert.ok(light.dark < light.total * 0.2, `the standard theme is light (${light.dark} dark pixels)`);
  assert.ok(contrast.dark > contrast.total * 0.6, `the high-contrast theme is dark (${contrast.dark} dark pixels)`);

  await page.reload();
  await page.waitForFunction(() => window.madoguchi.ready === true, null, { timeout: 60000 });
  const reloaded = await itemsByLabel(page);
  assert.ok(reloaded['150%'], 'text size kept');
  assert.equal(reloaded['ハイコントラスト'].value, 'true');
  assert.deepEqual(problems, []);
  await context.close();
});
