// Starts the real madoguchi server and headless Debian chromium for browser tests and the
// benchmark. Everything listens on 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export async function startServer({ binary = process.env.MADOGUCHI_BINARY, webDir = process.env.MADOGUCHI_WEB_DIR } = {}) {
  if (!binary || !existsSync(binary)) throw new Error(`server binary not found: ${binary}`);
  if (!webDir || !existsSync(join(webDir, 'index.html'))) throw new Error(`web app not built in ${webDir}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-e2e-'));
  const child = spawn(binary, ['serve', '--port', '0', '--db', join(dataDir, 'madoguchi.db'), '--web-dir', webDir],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}${log}`)), 30000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (match) { clearTimeout(timer); resolve(match[0]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}: ${out}${log}`)); });
  });
  return {
    url,
    log: () => log,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
}

// One server and one browser for a test file: started before its first test, stopped after
// its last. Read them as `running.server` and `running.browser` inside the tests.
export function serverAndBrowser() {
  const running = {};
  before(async () => {
    running.server = await startServer();
    running.browser = await launchBrowser();
  });
  after(async () => {
    await running.browser?.close();
    await running.server?.stop();
  });
  return running;
}

// Opens the app and collects console errors and page errors from the first moment.
export async function openApp(browser, url, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  const started = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.madoguchi && window.madoguchi.ready === true, null, { timeout: 60000 });
  return { context, page, problems, readyMs: Date.now() - started };
}

// Counts canvas pixels that differ from the clear colour, and the dark ones among them (text).
export function canvasPixelStats(page) {
  return page.evaluate(() => {
    const source = document.getElementById('canvas');
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const context = copy.getContext('2d');
    context.drawImage(source, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    let drawn = 0;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      if (Math.abs(r - 244) + Math.abs(g - 245) + Math.abs(b - 247) > 6) drawn += 1;
      if (r + g + b < 200) dark += 1;
    }
    return { width: copy.width, height: copy.height, total: data.length / 4, drawn, dark };
  });
}

// The item with this label once it has stayed in place for two frames: a layout change
// (text size, language) can move things for one frame, as a person would wait for it to settle.
async function settledItem(page, label) {
  const handle = await page.waitForFunction((wanted) => {
    const state = window.madoguchi;
    const item = state.items().find((i) => i.label === wanted);
    if (!item) return null;
    const where = `${item.x},${item.y},${item.w},${item.h}`;
    const seen = state.settling;
    if (!seen || seen.label !== wanted || seen.where !== where) {
      state.settling = { label: wanted, where, frame: state.frame };
      return null;
    }
    return state.frame >= seen.frame + 2 ? item : null;
  }, label, { timeout: 10000 });
  return handle.jsonValue();
}

// Clicks the centre of the widget with this label, as found in window.madoguchi.items().
export async function clickItem(page, label) {
  const item = await settledItem(page, label);
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
}

export function itemsByLabel(page) {
  return page.evaluate(() => Object.fromEntries(window.madoguchi.items().map((i) => [i.label, i])));
}
