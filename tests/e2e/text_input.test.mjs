// Typing as staff do: Japanese through the IME, paste and copy with other applications,
// barcode scanners. Driven through Chromium's own input paths (CDP Input.* and real key events).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openApp, clickItem } from './lib/harness.mjs';

const running = serverAndBrowser();

async function openInputSection() {
  const opened = await openApp(running.browser, `${running.server.url}?view=kit`);
  await clickItem(opened.page, '文字入力');
  return opened;
}

// The value items() reports for the text field with this label, once the app shows `expected`.
async function waitForValue(page, label, expected) {
  try {
    await page.waitForFunction(([l, v]) => {
      const item = window.madoguchi.items().find((i) => i.label === l);
      return item && item.value === v;
    }, [label, expected], { timeout: 5000 });
  } catch {
    const item = await page.evaluate((l) => window.madoguchi.items().find((i) => i.label === l), label);
    assert.fail(`${label}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(item && item.value)}`);
  }
}

async function focusField(page, label) {
  await clickItem(page, label);
  await page.waitForFunction((l) => {
    const item = window.madoguchi.items().find((i) => i.label === l);
    return item && item.focused && document.activeElement && document.activeElement.id === 'text-bridge';
  }, label);
}

// What the page's items() says about a label right now.
function itemNow(page, label) {
  return page.evaluate((l) => window.madoguchi.items().find((i) => i.label === l), label);
}

test('a kana-kanji conversion lands once, is visible while composing, and its Enter does not submit', async () => {
  const { page, problems, context } = await openInputSection();
  await focusField(page, '氏名');
  const cdp = await context.newCDPSession(page);
  await page.keyboard.type('yama');  // plain keys first, as before switching the IME on
  await cdp.send('Input.imeSetComposition', { text: 'やまだ', selectionStart: 3, selectionEnd: 3 });
  const composing = await page.evaluate(() => {
    const input = document.getElementById('text-bridge');
    const box = input.getBoundingClientRect();
    return { visible: getComputedStyle(input).opacity === '1', value: input.value, x: box.x, y: box.y };
  });
  assert.equal(composing.visible, true, 'the composition is shown');
  assert.equal(composing.value, 'やまだ');
  const field = await itemNow(page, '氏名');
  // The composition sits at the field's caret (after "yama"), not at the page corner.
  assert.ok(composing.x > field.x && composing.x < field.x + field.w, `composition x ${composing.x} in field ${field.x}+${field.w}`);
  assert.ok(Math.abs(composing.y - field.y) < field.h, `composition y ${composing.y} near field y ${field.y}`);
  assert.equal((await itemNow(page, '氏名')).value, 'yama', 'nothing lands before the conversion is confirmed');

  await cdp.send('Input.imeSetComposition', { text: '山田', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.insertText', { text: '山田' });
  await waitForValue(page, '氏名', 'yama山田');
  // The Enter that confirms a conversion reaches the page as keyCode 229.
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', windowsVirtualKeyCode: 229, key: 'Enter', code: 'Enter' });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', windowsVirtualKeyCode: 13, key: 'Enter', code: 'Enter' });
  const frame = await page.evaluate(() => window.madoguchi.frame);
  await page.waitForFunction((n) => window.madoguchi.frame > n + 3, frame);
  assert.ok(await itemNow(page, 'Enter で確定した回数: 0'), 'the IME Enter did not submit');
  assert.equal((await itemNow(page, '氏名')).value, 'yama山田', 'committed exactly once');

  // Editing keys work on the converted text as in a native field.
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Home');
  await page.keyboard.press('Delete');
  await waitForValue(page, '氏名', 'ama山');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.madoguchi.items().some((i) => i.label === 'Enter で確定した回数: 1'));
  assert.equal(await page.evaluate(() => document.getElementById('text-bridge').classList.contains('composing')), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Japanese text pastes from the clipboard and copies back to it, always the current contents', async () => {
  const { page, problems, context } = await openInputSection();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: running.server.url });
  await focusField(page, '備考');
  await page.evaluate(() => navigator.clipboard.writeText('プリンター（10階）トナー交換'));
  await page.keyboard.press('Control+V');
  await waitForValue(page, '備考', 'プリンター（10階）トナー交換');
  // A second paste brings the new clipboard, not the one before.
  await page.evaluate(() => navigator.clipboard.writeText('／髙橋'));
  await page.keyboard.press('Control+V');
  await waitForValue(page, '備考', 'プリンター（10階）トナー交換／髙橋');

  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await page.waitForFunction(async () => (await navigator.clipboard.readText()) === 'プリンター（10階）トナー交換／髙橋');
  await page.keyboard.press('Control+X');
  await waitForValue(page, '備考', '');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'プリンター（10階）トナー交換／髙橋');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a scanner typing fast with Enter gives whole codes, also with the Japanese IME on', async () => {
  const { page, problems, context } = await openInputSection();
  await focusField(page, '資産番号（スキャン）');
  assert.equal(await page.evaluate(() => document.getElementById('text-bridge').type), 'password',
    'the IME is off in scan fields');
  await page.keyboard.type('PC-000123\n', { delay: 0 });
  await page.keyboard.type('TB-004560\n', { delay: 0 });
  // With the IME on, a scanner's characters can arrive as full-width text.
  await page.keyboard.insertText('ＭＦ－００７');
  await page.keyboard.press('Enter');
  try {
    await page.waitForFunction(() => ['PC-000123', 'TB-004560', 'MF-007']
      .every((code) => window.madoguchi.items().some((i) => i.label === code && i.role === 'listitem')), null, { timeout: 5000 });
  } catch {
    const read = await page.evaluate(() => window.madoguchi.items().filter((i) => i.role === 'listitem').map((i) => i.label));
    assert.fail(`codes read: ${JSON.stringify(read)}`);
  }
  assert.equal((await itemNow(page, '資産番号（スキャン）')).value, '', 'the field is ready for the next scan');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Tab and Shift+Tab move between the fields', async () => {
  const { page, problems, context } = await openInputSection();
  await focusField(page, '氏名');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => window.madoguchi.items().find((i) => i.label === '備考')?.focused);
  await page.keyboard.type('メモ');
  await waitForValue(page, '備考', 'メモ');
  await page.keyboard.press('Shift+Tab');
  await page.waitForFunction(() => window.madoguchi.items().find((i) => i.label === '氏名')?.focused);
  assert.deepEqual(problems, []);
  await context.close();
});
