// Signing in and out, an ended session in the middle of a draft, and the user administration
// as people use them: the real server (accounts made with the command line) and the real build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openApp, clickItem, signedInFetch, testPassword, hasItem, typeInto } from './lib/harness.mjs';

const running = serverAndBrowser();

const sessionEnded = 'ログインの有効期間が終わりました。もう一度ログインしてください。画面の内容と下書きはそのまま残っています。';

async function focus(page, label) {
  await clickItem(page, label, { role: 'textbox' });
  await page.waitForFunction((l) => window.madoguchi.items().find((i) => i.label === l && i.role === 'textbox')?.focused
    && document.activeElement?.id === 'text-bridge', label, { timeout: 5000 });
}

function labels(page) {
  return page.evaluate(() => window.madoguchi.items().map((i) => i.label));
}

// Passwords show no value, not even in items(): type, then let a few frames pass.
async function typeSecret(page, label, text) {
  await focus(page, label);
  await page.keyboard.insertText(text);
  const frame = await page.evaluate(() => window.madoguchi.frame);
  await page.waitForFunction((n) => window.madoguchi.frame > n + 3, frame);
}

// What a signed-out page is allowed to have logged: the 401 of asking who is signed in.
function unexpected(problems) {
  return problems.filter((p) => !p.includes('/api/v1/me') && !p.includes('401') && !p.includes('/api/v1/session'));
}

test('signing in: a wrong password gets the generic message, the right one opens the app; signing out ends it', async () => {
  const { page, problems, context } = await openApp(running.browser, running.server.url, {}, { login: null });
  await hasItem(page, 'ログインID');
  assert.ok(!(await labels(page)).includes('ダッシュボード'), 'no navigation before signing in');

  await typeInto(page, 'ログインID', 'desk');
  await typeSecret(page, 'パスワード', 'not the password');
  await clickItem(page, 'ログイン', { role: 'button' });
  await hasItem(page, 'ログインIDまたはパスワードが正しくありません。');
  const alert = await page.evaluate(() => window.madoguchi.items().find((i) => i.label.startsWith('ログインIDまたは')));
  assert.equal(alert.role, 'alert');

  await typeSecret(page, 'パスワード', testPassword);
  await page.keyboard.press('Enter');  // Enter submits, as in any sign-in form
  await hasItem(page, 'ダッシュボード', { timeout: 15000 });
  await hasItem(page, '窓口 太郎');
  const remembered = await page.evaluate(() => localStorage.getItem('madoguchi.user'));
  assert.equal(JSON.parse(remembered).login, 'desk');
  assert.ok(!/csrf|token|password/i.test(remembered), `only who, never a secret: ${remembered}`);

  await clickItem(page, '窓口 太郎');
  await hasItem(page, '運用窓口課');
  await clickItem(page, 'ログアウト');
  await hasItem(page, 'ログインID');
  assert.equal(await page.evaluate(() => localStorage.getItem('madoguchi.user')), null);
  // The sign-in screen shows at once; the sign-out request may still be on its way.
  await page.waitForFunction(() => fetch('/api/v1/me').then((r) => r.status === 401), null, { timeout: 5000, polling: 100 })
    .catch(() => assert.fail('the server ended the session'));
  assert.deepEqual(unexpected(problems), []);
  await context.close();
});

test('a session that ends mid-draft: sign in again over the form, and the draft is sent', async () => {
  const desk = await signedInFetch(running.server.url, 'desk');
  const before = (await (await desk('/api/v1/inquiries')).json()).total;
  const { page, problems, context } = await openApp(running.browser, `${running.server.url}?view=tickets`, {}, { login: 'staff' });
  await page.waitForFunction(() => window.madoguchi.items().find((i) => i.label === '氏名')?.value === '職員 花子');
  await typeInto(page, '連絡先（内線・電話・メール）', '内線 4321');
  await typeInto(page, '件名', 'ログインが切れる前の問い合わせ');
  await typeInto(page, '内容', '書いている間にログインの期限が切れました。');
  await clickItem(page, '分類');
  await clickItem(page, '機器');

  // The session ends on the server (as at its timeout); the page does not know yet.
  const cookie = (await context.cookies()).find((c) => c.name === 'madoguchi_session');
  const me = await fetch(new URL('/api/v1/me', running.server.url), { headers: { Cookie: `${cookie.name}=${cookie.value}` } });
  const { csrf_token: csrf } = await me.json();
  const ended = await fetch(new URL('/api/v1/session', running.server.url),
    { method: 'DELETE', headers: { Cookie: `${cookie.name}=${cookie.value}`, 'X-CSRF-Token': csrf } });
  assert.equal(ended.status, 204);

  await clickItem(page, '送信');
  await hasItem(page, sessionEnded, { timeout: 15000 });
  await hasItem(page, '送信待ち（1件）');
  assert.equal(await page.evaluate(() => window.madoguchi.items().find((i) => i.label === 'ログインID')?.value), 'staff');
  await typeSecret(page, 'パスワード', testPassword);
  await clickItem(page, 'ログイン', { role: 'button' });
  await page.waitForFunction((l) => !window.madoguchi.items().some((i) => i.label === l), sessionEnded, { timeout: 15000 });
  await hasItem(page, '送信済み（1件）', { timeout: 30000 });
  assert.equal((await (await desk('/api/v1/inquiries')).json()).total, before + 1, 'sent exactly once');
  assert.deepEqual(unexpected(problems), []);
  await context.close();
});

test('an admin adds a user with a role, then gives them another', async () => {
  const { page, problems, context } = await openApp(running.browser, `${running.server.url}?view=users`);
  await hasItem(page, 'desk', { timeout: 15000 });  // the list's row of the admin
  await clickItem(page, '新規ユーザー');
  await typeInto(page, 'ログインID', 'newbie');
  await typeInto(page, '氏名', '新人 一郎');
  await clickItem(page, '所属', { role: 'combo' });
  await clickItem(page, '　運用窓口課');
  await clickItem(page, '職員');
  await typeSecret(page, '初期パスワード', 'a long first password');
  await clickItem(page, '作成');
  await page.waitForFunction(() => window.madoguchi.items().some((i) => i.label.includes('ユーザーを作成しました')), null, { timeout: 15000 });

  const admin = await signedInFetch(running.server.url, 'desk');
  const created = (await (await admin('/api/v1/users?q=newbie')).json()).users[0];
  assert.equal(created.name, '新人 一郎');
  assert.equal(created.division_code, 'D-DESK');
  assert.deepEqual(created.roles, ['staff']);

  // The new user is picked in the list; the panel edits them.
  await page.waitForFunction(() => window.madoguchi.items().some((i) => i.label === 'newbie' && i.role === 'heading'), null, { timeout: 10000 });
  await clickItem(page, '課室等管理者');
  await clickItem(page, '保存');
  await hasItem(page, '保存しました。', { timeout: 15000 });
  const updated = (await (await admin(`/api/v1/users/${created.id}`)).json()).user;
  assert.deepEqual(updated.roles, ['staff', 'manager']);
  await signedInFetch(running.server.url, 'newbie', 'a long first password');  // and they can sign in
  assert.deepEqual(problems, []);
  await context.close();
});

test('a staff member sees only their areas: no user administration, not even by address', async () => {
  const { page, problems, context } = await openApp(running.browser, `${running.server.url}?view=users`, {}, { login: 'staff' });
  await hasItem(page, 'チケット');
  const shown = await labels(page);
  for (const absent of ['ユーザー管理', '監査ログ', '窓口', '新規ユーザー']) assert.ok(!shown.includes(absent), `${absent} is not shown`);
  const dashboard = await page.evaluate(() => window.madoguchi.items().find((i) => i.label === 'ダッシュボード'));
  assert.equal(dashboard.value, 'selected');
  assert.deepEqual(problems, []);
  await context.close();
});
