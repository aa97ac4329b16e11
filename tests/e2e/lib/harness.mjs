// Starts the real madoguchi server and headless Debian chromium for browser tests and the
// benchmark. Everything listens on 127.0.0.1 only.
import { spawn, spawnSync } from 'node:child_process';
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

// Every server starts with these accounts (password `testPassword`), made with the real
// command line as an operator would: `desk` may open every area, `staff` only a staff member's.
export const testPassword = 'correct horse battery';
export const testDivision = { code: 'D-DESK', nameJa: '運用窓口課', parent: 'B-HQ', parentNameJa: '大臣官房' };
export const testUsers = {
  desk: { login: 'desk', name: '窓口 太郎', roles: ['staff', 'operator', 'auditor', 'admin'] },
  staff: { login: 'staff', name: '職員 花子', roles: ['staff'] },
};

function runCommand(binary, args, input = '', timeout = 30000) {
  const run = spawnSync(binary, args, { input, encoding: 'utf8', timeout, maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`madoguchi ${args.join(' ')} failed (${run.status}): ${run.stderr}${run.stdout}`);
  return run.stdout;
}

// `madoguchi division add` and `madoguchi user add` (the password on standard input).
export function addDivision(server, { code, nameJa, parent }) {
  const args = ['division', 'add', '--db', server.dbPath, '--code', code, '--name-ja', nameJa];
  if (parent) args.push('--parent', parent);
  runCommand(server.binary, args);
}

export function addUser(server, { login, name, roles, division = testDivision.code, password = testPassword }) {
  runCommand(server.binary, ['user', 'add', '--db', server.dbPath, '--login', login, '--name', name,
    '--division', division, '--roles', roles.join(',')], `${password}\n`);
}

// `demo: true` fills the database with `madoguchi seed-demo` first (the whole fleet and 11,300
// staff), for the benchmark; the test accounts are added beside the demo ones.
export async function startServer({ binary = process.env.MADOGUCHI_BINARY, webDir = process.env.MADOGUCHI_WEB_DIR,
  demo = false } = {}) {
  if (!binary || !existsSync(binary)) throw new Error(`server binary not found: ${binary}`);
  if (!webDir || !existsSync(join(webDir, 'index.html'))) throw new Error(`web app not built in ${webDir}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-e2e-'));
  if (demo) runCommand(binary, ['seed-demo', '--db', join(dataDir, 'madoguchi.db')], '', 300000);
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
  const server = {
    url,
    binary,
    dbPath: join(dataDir, 'madoguchi.db'),
    log: () => log,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  addDivision(server, { code: testDivision.parent, nameJa: testDivision.parentNameJa });
  addDivision(server, testDivision);
  for (const user of Object.values(testUsers)) addUser(server, user);
  return server;
}

// Signs in over HTTP as a script would; returns a fetch that sends the session cookie and the
// CSRF token, for checking what the server holds.
export async function signedInFetch(url, login = 'desk', password = testPassword) {
  const response = await fetch(new URL('/api/v1/session', url), {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${login} answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await response.json();
  return (path, init = {}) => fetch(new URL(path, url),
    { ...init, headers: { ...(init.headers || {}), Cookie: cookie, 'X-CSRF-Token': csrf } });
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

// Opens the app and collects console errors and page errors from the first moment. The page
// is signed in as `login` first (the browser context keeps the session cookie, as after
// signing in on the sign-in screen); `login: null` opens it signed out.
export async function openApp(browser, url, contextOptions = {}, { login = 'desk' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  if (login) {
    const response = await context.request.post(new URL('/api/v1/session', url).href,
      { data: { login, password: testPassword } });
    if (response.status() !== 200) throw new Error(`sign-in of ${login} answered ${response.status()}`);
  }
  const page = await context.newPage();
  const problems = [];
  page.madoguchiProblems = problems;
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

// An item as a failed wait names it: its label, and its role when one was asked for.
function named(label, role) {
  return `"${label}"${role ? ` (${role})` : ''}`;
}

// The item with this label once it has stayed in place for two frames: a layout change
// (text size, language) can move things for one frame, as a person would wait for it to settle.
// `role`, when given, tells apart items that share a label (a column header and a field).
async function settledItem(page, label, role) {
  const handle = await explained(page, page.waitForFunction(([wanted, wantedRole]) => {
    const state = window.madoguchi;
    const item = state.items().find((i) => i.label === wanted && (!wantedRole || i.role === wantedRole));
    if (!item) return null;
    const where = `${item.x},${item.y},${item.w},${item.h}`;
    const seen = state.settling;
    if (!seen || seen.label !== wanted || seen.where !== where) {
      state.settling = { label: wanted, where, frame: state.frame };
      return null;
    }
    return state.frame >= seen.frame + 2 ? item : null;
  }, [label, role], { timeout: 10000 }), `waiting for ${named(label, role)} to settle`);
  return handle.jsonValue();
}

// The widget settled and wholly inside the viewport: one partly outside it or its pane (a
// form's button below the fold, the tabs of a page scrolled down, a button at a pane's edge)
// is scrolled to with the mouse wheel first, as a person would, with the pointer on the part
// shown, so the wheel scrolls the page or pane that holds it; a click on its clipped edge
// would land on nothing.
async function visibleItem(page, label, role) {
  const { height } = page.viewportSize();
  let item = await settledItem(page, label, role);
  for (let tries = 0; tries < 8 && (item.clipped || item.y < 0 || item.y + item.h > height); tries += 1) {
    const shown = item.visibleH > 0 ? item.visibleY + item.visibleH / 2 : height / 2;
    await page.mouse.move(item.x + item.w / 2, Math.min(Math.max(shown, 0), height - 1));
    await page.mouse.wheel(0, item.y + item.h / 2 - shown);
    item = await settledItem(page, label, role);
  }
  return item;
}

// Clicks the centre of the widget with this label, as found in window.madoguchi.items().
// `modifiers` (e.g. ['Control']) are held down during the click.
export async function clickItem(page, label, { role, modifiers = [] } = {}) {
  const item = await visibleItem(page, label, role);
  for (const key of modifiers) await page.keyboard.down(key);
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
  for (const key of [...modifiers].reverse()) await page.keyboard.up(key);
}

// Waits until an item with this label (and `role`, when given) is on screen; `options` also
// takes waitForFunction's (timeout).
export function hasItem(page, label, { role, ...options } = {}) {
  return explained(page, page.waitForFunction(([l, r]) => window.madoguchi.items().some((i) => i.label === l && (!r || i.role === r)),
    [label, role], options), `waiting for ${named(label, role)}`);
}

// Waits until the item with this label and role reads `value` (a checkbox's "true").
export function hasItemValue(page, label, role, value, options = {}) {
  return explained(page, page.waitForFunction(([l, r, v]) => window.madoguchi.items().find((i) => i.label === l && i.role === r)?.value === v,
    [label, role, value], options), `waiting for "${label}" (${role}) to read "${value}"`);
}

// What the screen shows, for a failed wait's message: its headings, statuses, alerts and tabs,
// the disabled items, and the requests the server refused.
async function screenSummary(page) {
  const lines = await page.evaluate(() => window.madoguchi.items()
    .filter((i) => ['heading', 'status', 'alert', 'tab'].includes(i.role) || !i.enabled)
    .map((i) => `${i.role}${i.enabled ? '' : ' (disabled)'}: ${i.label}${i.value ? ` [${i.value}]` : ''}`))
    .catch((error) => [`(the screen could not be read: ${error.message})`]);
  return [...lines, ...(page.madoguchiProblems ?? [])].join('\n  ');
}

// A wait that failed says what it waited for and what was on screen instead: an intermittent
// failure is then understood from the run's log alone.
async function explained(page, waiting, what) {
  try {
    return await waiting;
  } catch (error) {
    error.message = `${what}: ${error.message}\n  On screen:\n  ${await screenSummary(page)}`;
    throw error;
  }
}

// Clicks the text field, waits until it has the keyboard (the text bridge), and types as an
// IME or a paste would: the whole text at once.
export async function typeInto(page, label, text) {
  await focusTextbox(page, label);
  await page.keyboard.insertText(text);
  await textboxValue(page, label, text);
}

// Clicks the text field with this label and waits until it has the keyboard: ImGui made it
// active and the page moved the focus to the text bridge (a frame later), where typed text lands.
export async function focusTextbox(page, label) {
  await clickItem(page, label, { role: 'textbox' });
  await page.waitForFunction((l) => window.madoguchi.items().find((i) => i.label === l && i.role === 'textbox')?.focused
    && document.activeElement?.id === 'text-bridge', label, { timeout: 5000 });
}

function textboxValue(page, label, value) {
  return page.waitForFunction(([l, v]) => window.madoguchi.items().find((i) => i.label === l && i.role === 'textbox')?.value === v,
    [label, value], { timeout: 5000 });
}

// Types as a Japanese IME does into the text field with this label: the reading is composed,
// converted, then committed once (CDP Input.imeSetComposition and Input.insertText through
// `cdp`, a CDP session of the page's context). `expected` is the field's value afterwards.
export async function typeThroughIme(page, cdp, label, reading, converted, expected = converted) {
  await focusTextbox(page, label);
  await composeThroughIme(page, cdp, label, reading, converted, expected);
}

// The same into the field that has the keyboard already, at its caret.
export async function composeThroughIme(page, cdp, label, reading, converted, expected = converted) {
  await cdp.send('Input.imeSetComposition', { text: reading, selectionStart: reading.length, selectionEnd: reading.length });
  await cdp.send('Input.imeSetComposition', { text: converted, selectionStart: converted.length, selectionEnd: converted.length });
  await cdp.send('Input.insertText', { text: converted });
  await textboxValue(page, label, expected);
}

export function itemsByLabel(page) {
  return page.evaluate(() => Object.fromEntries(window.madoguchi.items().map((i) => [i.label, i])));
}
