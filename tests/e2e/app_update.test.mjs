// A new build served while the app is open: the page keeps running its own build, offers a
// reload, and the reload switches everything at once (page shell, script and WebAssembly
// of the new build), leaving no cache of the old one behind.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, openApp, clickItem } from './lib/harness.mjs';

const packager = fileURLToPath(new URL('../../scripts/lib/package_web.py', import.meta.url));
const shellDir = fileURLToPath(new URL('../../assets/web', import.meta.url));
const updateBanner = '新しいバージョンがあります。再読み込みしてください。';

let work;
let served;
let inputsA;
let inputsB;
let server;
let browser;

function fileMatching(dir, pattern) {
  const name = readdirSync(dir).find((entry) => pattern.test(entry));
  if (!name) throw new Error(`no ${pattern} in ${dir}`);
  return join(dir, name);
}

// Lays out a web folder with the real packager, as scripts/build does into build/web.
function packageBuild(inputs, output) {
  execFileSync('/usr/bin/python3', [packager, '--js', inputs.js, '--wasm', inputs.wasm, '--font', inputs.font,
    '--licence', inputs.licence, '--shell-dir', shellDir, '--output', output]);
}

// Build B: the same program with a different script and WebAssembly file (a comment, and a
// custom section, which the engine ignores), so every hashed name of the app changes.
function variantInputs(inputs, dir) {
  mkdirSync(dir);
  const js = join(dir, 'app.js');
  writeFileSync(js, `${readFileSync(inputs.js, 'utf8')}\n// build B\n`);
  const name = Buffer.from('madoguchi-test-build');
  const payload = Buffer.from('B');
  const section = Buffer.concat([Buffer.from([0, 1 + name.length + payload.length, name.length]), name, payload]);
  const wasm = join(dir, 'app.wasm');
  writeFileSync(wasm, Buffer.concat([readFileSync(inputs.wasm), section]));
  return { ...inputs, js, wasm };
}

function builtFiles(dir) {
  return {
    build: readFileSync(join(dir, 'index.html'), 'utf8').match(/name="madoguchi-build" content="([0-9a-f]+)"/)[1],
    js: fileMatching(dir, /^app\.[0-9a-f]+\.js$/).split('/').pop(),
    wasm: fileMatching(dir, /^app\.[0-9a-f]+\.wasm$/).split('/').pop(),
  };
}

// What the page runs: its build id, the script element's file and the WebAssembly it fetched.
function running(page) {
  return page.evaluate(() => ({
    build: window.madoguchi.build,
    scripts: [...document.scripts].map((script) => new URL(script.src).pathname.slice(1)),
    wasm: performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname.slice(1))
      .filter((path) => path.endsWith('.wasm')),
  }));
}

async function eventually(condition, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${condition}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

before(async () => {
  const built = process.env.MADOGUCHI_WEB_DIR;
  work = mkdtempSync(join(tmpdir(), 'madoguchi-update-'));
  inputsA = {
    js: fileMatching(built, /^app\.[0-9a-f]+\.js$/),
    wasm: fileMatching(built, /^app\.[0-9a-f]+\.wasm$/),
    font: fileMatching(join(built, 'fonts'), /\.ttf$/),
    licence: join(built, 'fonts', 'OFL.txt'),
  };
  served = join(work, 'web');
  packageBuild(inputsA, served);
  inputsB = variantInputs(inputsA, join(work, 'b'));
  server = await startServer({ webDir: served });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('a new build is offered to the open page and the reload runs all of it', async () => {
  packageBuild(inputsA, served);
  const a = builtFiles(served);
  const { page, problems, context } = await openApp(browser, server.url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  const before = await running(page);
  assert.equal(before.build, a.build);
  assert.ok(before.scripts.includes(a.js), `scripts: ${before.scripts}`);
  assert.deepEqual(before.wasm, [a.wasm]);
  assert.deepEqual(await page.evaluate(() => caches.keys()), [`madoguchi-build-${a.build}`]);

  // The deployment: the packager rewrites the served folder, A's files are gone from it.
  packageBuild(inputsB, served);
  const b = builtFiles(served);
  assert.notEqual(b.build, a.build);
  assert.notEqual(b.js, a.js);
  assert.notEqual(b.wasm, a.wasm);

  // What the page's periodic check does; B's worker installs beside A's and waits.
  await page.evaluate(() => window.madoguchi.checkForUpdate());
  // Chromium starts the check late while a busy page renders (a minute on a loaded machine).
  await page.waitForFunction((label) => window.madoguchi.items().some((i) => i.label === label),
    updateBanner, { timeout: 120000 });
  assert.deepEqual((await page.evaluate(() => caches.keys())).sort(),
    [`madoguchi-build-${a.build}`, `madoguchi-build-${b.build}`].sort(), 'A stays until the page reloads');
  // The open page still runs A, and keeps drawing.
  assert.equal((await running(page)).build, a.build);
  const frame = await page.evaluate(() => window.madoguchi.frame);
  await page.waitForFunction((n) => window.madoguchi.frame > n + 5, frame);

  await Promise.all([page.waitForEvent('load', { timeout: 60000 }), clickItem(page, '再読み込み')]);
  await page.waitForFunction(() => window.madoguchi && window.madoguchi.ready === true, null, { timeout: 60000 });
  const after = await running(page);
  assert.equal(after.build, b.build);
  assert.ok(after.scripts.includes(b.js), `scripts: ${after.scripts}`);
  assert.ok(!after.scripts.includes(a.js));
  assert.deepEqual(after.wasm, [b.wasm]);
  assert.equal(await page.evaluate(() => window.madoguchi.updateReady), false);
  assert.ok(!(await page.evaluate(() => window.madoguchi.items().some((i) => i.label === '再読み込み'))));
  assert.deepEqual(await page.evaluate(() => caches.keys()), [`madoguchi-build-${b.build}`], 'A is gone after activation');
  const controllerBuild = await page.evaluate(() => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data.build);
    navigator.serviceWorker.controller.postMessage({ type: 'build' }, [channel.port2]);
  }));
  assert.equal(controllerBuild, b.build);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a page opened on the new build switches the worker at once; the old page keeps running and is told', async () => {
  packageBuild(inputsA, served);
  const a = builtFiles(served);
  const old = await openApp(browser, server.url);
  await old.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });

  packageBuild(inputsB, served);
  const b = builtFiles(served);
  // A second tab of the same browser, opened after the deployment, gets B from the network.
  const fresh = await old.context.newPage();
  await fresh.goto(server.url);
  await fresh.waitForFunction(() => window.madoguchi && window.madoguchi.ready === true, null, { timeout: 60000 });
  assert.equal((await running(fresh)).build, b.build);
  const freshController = async () => fresh.evaluate(() => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data.build);
    navigator.serviceWorker.controller.postMessage({ type: 'build' }, [channel.port2]);
  }));
  // The B page's check at start finds B's worker, and the B page lets it take over; the A
  // page sees a newer build waiting, then in control.
  await old.page.waitForFunction((label) => window.madoguchi.items().some((i) => i.label === label),
    updateBanner, { timeout: 120000 });
  await eventually(async () => (await fresh.evaluate(() => caches.keys())).length === 1, 60000);
  assert.equal(await freshController(), b.build);
  assert.deepEqual(await fresh.evaluate(() => caches.keys()), [`madoguchi-build-${b.build}`]);
  assert.equal(await fresh.evaluate(() => window.madoguchi.updateReady), false, 'the B page is up to date');

  // The A page lost its cache but needs nothing from it any more: it keeps drawing and talking to the server.
  assert.equal((await running(old.page)).build, a.build);
  const frame = await old.page.evaluate(() => window.madoguchi.frame);
  await old.page.waitForFunction((n) => window.madoguchi.frame > n + 5, frame);
  assert.equal(await old.page.evaluate(() => fetch('/api/v1/health').then((r) => r.status)), 200);

  await Promise.all([old.page.waitForEvent('load', { timeout: 60000 }), clickItem(old.page, '再読み込み')]);
  await old.page.waitForFunction(() => window.madoguchi && window.madoguchi.ready === true, null, { timeout: 60000 });
  const after = await running(old.page);
  assert.equal(after.build, b.build);
  assert.deepEqual(after.wasm, [b.wasm]);
  assert.deepEqual(old.problems, []);
  await old.context.close();
});
