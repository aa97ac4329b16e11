// ナレッジ in the browser: an operator writes an article in Japanese through the IME, saves it,
// changes it (a second version), reads the version history and its diff, and publishes it;
// then a staff member typing an inquiry's 件名 in other spellings (half-width katakana,
// hiragana, full-width letters) finds it among the FAQ suggestions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  serverAndBrowser, openApp, clickItem, hasItem, focusTextbox, typeThroughIme, composeThroughIme, signedInFetch,
} from './lib/harness.mjs';

const running = serverAndBrowser();

const question = 'iPadのパスワードを忘れた';
const firstLine = '設定アプリを開いてください。';
const secondLine = '「パスワードを忘れた」を選びます。';
const addedLine = '直らなければ運用窓口へ連絡してください。';

// The editor's heading, 記事 N（第V版・状態）, once it shows that version and state.
function headingFor(page, version, state) {
  return page.waitForFunction(([v, s]) => window.madoguchi.items().find(
    (i) => i.role === 'heading' && new RegExp(`^記事 \\d+（第${v}版・${s}）$`).test(i.label))?.label,
  [version, state], { timeout: 15000 }).then((handle) => handle.jsonValue());
}

// Scrolls the editor pane with the mouse wheel, as a person would, until the item with this
// label is wholly in the pane: at 1280×800 the form runs past the window's bottom edge. The
// pane's top is level with the list's count line beside it.
async function reveal(page, label, role) {
  const heading = await page.evaluate(() => window.madoguchi.items().find((i) => i.role === 'heading' && /^(記事 |新しい記事)/.test(i.label)));
  await page.mouse.move(heading.x + 200, 600);
  const bottom = page.viewportSize().height;
  for (let step = 0; step < 30; step += 1) {
    const { item, top } = await page.evaluate(([l, r]) => {
      const items = window.madoguchi.items();
      return { item: items.find((i) => i.label === l && (!r || i.role === r)),
        top: items.find((i) => i.role === 'status' && /件中/.test(i.label)).y };
    }, [label, role]);
    if (item && item.y >= top && item.y + item.h <= bottom) return;
    await page.mouse.wheel(0, item && item.y < top ? -120 : 120);
    const frame = await page.evaluate(() => window.madoguchi.frame);
    await page.waitForFunction((n) => window.madoguchi.frame > n + 1, frame);
  }
  assert.fail(`${label} never came into the pane`);
}

// A new line after the last one of the multi-line field that has the keyboard, as a person
// starts one with Ctrl+End and Enter.
async function newLineAtEnd(page) {
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
}

test('an operator writes, revises and publishes an article; a staff member finds it by other spellings', async () => {
  const desk = await openApp(running.browser, `${running.server.url}?view=knowledge`);
  const deskIme = await desk.context.newCDPSession(desk.page);
  await clickItem(desk.page, '新しい記事', { role: 'button' });
  await typeThroughIme(desk.page, deskIme, '質問', 'あいぱっどのぱすわーどをわすれた', question);
  await typeThroughIme(desk.page, deskIme, '回答', 'せっていあぷりを', firstLine);
  await newLineAtEnd(desk.page);
  await composeThroughIme(desk.page, deskIme, '回答', 'ぱすわーどをわすれた', secondLine, `${firstLine}\n${secondLine}`);
  await typeThroughIme(desk.page, deskIme, 'カテゴリ', 'たぶれっと', 'タブレット');
  await reveal(desk.page, '保存', 'button');
  await clickItem(desk.page, '保存');

  const created = await headingFor(desk.page, 1, '下書き');
  const id = Number(created.match(/^記事 (\d+)/)[1]);
  const api = await signedInFetch(running.server.url, 'desk');
  const stored = (await (await api(`/api/v1/knowledge/articles/${id}`)).json()).article;
  assert.equal(stored.question, question);
  assert.equal(stored.answer, `${firstLine}\n${secondLine}`);
  assert.equal(stored.state, 'draft');
  assert.deepEqual(stored.audiences, ['staff']);

  // A second version: a line added to the answer, with the reason kept beside it.
  await reveal(desk.page, '回答', 'textbox');
  await focusTextbox(desk.page, '回答');
  await newLineAtEnd(desk.page);
  await composeThroughIme(desk.page, deskIme, '回答', 'なおらなければ', addedLine, `${firstLine}\n${secondLine}\n${addedLine}`);
  await reveal(desk.page, '変更の理由', 'textbox');
  await typeThroughIme(desk.page, deskIme, '変更の理由', 'れんらくさきをついか', '連絡先を追加');
  await reveal(desk.page, '保存', 'button');
  await clickItem(desk.page, '保存');
  await headingFor(desk.page, 2, '下書き');

  await reveal(desk.page, '版の履歴', 'button');
  await clickItem(desk.page, '版の履歴');
  const versions = await desk.page.waitForFunction(() => {
    const labels = window.madoguchi.items().filter((i) => /^第\d版 /.test(i.label)).map((i) => i.label);
    return labels.length === 2 ? labels : null;
  }, null, { timeout: 15000 }).then((handle) => handle.jsonValue());
  assert.match(versions[0], /^第2版 \S+ desk 連絡先を追加$/);
  assert.match(versions[1], /^第1版 \S+ desk $/);
  // Version 1 against 2: the answer's new line added, its other lines kept.
  await hasItem(desk.page, `+ ${addedLine}`, { timeout: 15000 });
  const diff = await desk.page.evaluate(() => window.madoguchi.items().filter((i) => i.role === 'text' && /^[+ -] /.test(i.label))
    .map((i) => [i.label, i.value]));
  assert.deepEqual(diff, [[`  ${firstLine}`, 'same'], [`  ${secondLine}`, 'same'], [`+ ${addedLine}`, 'added']]);

  await reveal(desk.page, '内容', 'button');
  await clickItem(desk.page, '内容');
  await reveal(desk.page, '公開する', 'button');
  await clickItem(desk.page, '公開する');
  await headingFor(desk.page, 3, '公開中');
  assert.deepEqual(desk.problems, []);
  await desk.context.close();

  // The staff member's 件名, spelt three other ways: each brings the article up.
  const staff = await openApp(running.browser, `${running.server.url}?view=tickets`, {}, { login: 'staff' });
  const staffIme = await staff.context.newCDPSession(staff.page);
  for (const [reading, title] of [['ぱすわーど', 'ﾊﾟｽﾜｰﾄﾞ'], ['ぱすわーど', 'ぱすわーど'], ['あいぱっど', 'ＩＰＡＤ']]) {
    await typeThroughIme(staff.page, staffIme, '件名', reading, title);
    await staff.page.waitForFunction((q) => window.madoguchi.items().some((i) => i.label === q && i.role === 'tree'), question,
      { timeout: 15000 });
    await hasItem(staff.page, 'よくある質問に答えがあるかもしれません（1件）');
    await staff.page.keyboard.press('Control+A');
    await staff.page.keyboard.press('Backspace');
    await staff.page.waitForFunction(() => !window.madoguchi.items().some((i) => i.role === 'tree'), null, { timeout: 15000 });
  }
  assert.deepEqual(staff.problems, []);
  await staff.context.close();
});
