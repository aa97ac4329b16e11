// The UI kit gallery's date pickers, charts and dialogs, driven as a person would: through
// the mouse and keyboard, checked through window.madoguchi.items() and the canvas pixels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openApp, clickItem } from './lib/harness.mjs';

const running = serverAndBrowser();

// The first item whose fields equal those of `wanted` ({label, role, value}; `labelStart` matches
// a label's beginning). The page's CSP forbids eval, so the test sends data, not a function.
async function waitForItem(page, wanted, timeout = 10000) {
  const handle = await page.waitForFunction((fields) => window.madoguchi.items().find((item) =>
    Object.entries(fields).every(([key, value]) => (key === 'labelStart' ? item.label.startsWith(value) : item[key] === value)),
  ) ?? null, wanted, { timeout });
  return handle.jsonValue();
}

async function openKit(section) {
  const opened = await openApp(running.browser, new URL('?view=kit', running.server.url).href);
  await waitForItem(opened.page, { label: '日付' });
  // Something else first: the pointer jumps from another widget to the tab and presses at
  // once, which ImGui 1.86 alone would ignore (the input queue holds the press a frame).
  await clickItem(opened.page, '和暦で表示');
  await clickItem(opened.page, '和暦で表示');
  if (section) await clickItem(opened.page, section);
  return opened;
}

async function typeInto(page, label, text) {
  await clickItem(page, label);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('dates: 和暦 typed, holidays marked in the calendar, a clicked day becomes the value', async () => {
  const { page, problems, context } = await openKit('日付');
  await waitForItem(page, { label: '貸出日', role: 'date', value: '' });

  await typeInto(page, '貸出日', 'R8.11.10');
  await waitForItem(page, { label: '貸出日', value: '2026-11-10' });
  await waitForItem(page, { label: '選んだ日付：2026-11-10', role: 'status' });

  await clickItem(page, 'カレンダー');
  const labourDay = await waitForItem(page, { role: 'day', label: '2026-11-23' });
  assert.equal(labourDay.value, 'holiday');
  const days = Object.fromEntries((await page.evaluate(() => window.madoguchi.items()))
    .filter((i) => i.role === 'day').map((i) => [i.label, i.value]));
  assert.equal(days['2026-11-03'], 'holiday');
  assert.equal(days['2026-11-28'], 'saturday');
  assert.equal(days['2026-11-29'], 'sunday');
  assert.equal(days['2026-11-24'], '');
  assert.equal(Object.keys(days).length, 42, 'six weeks of seven days');

  await clickItem(page, '2026-11-24');
  await waitForItem(page, { label: '貸出日', value: '2026-11-24' });
  await page.waitForFunction(() => !window.madoguchi.items().some((i) => i.role === 'day'));

  // The keyboard: a day right, a month on, Enter picks; Esc closes without picking.
  await clickItem(page, 'カレンダー');
  await waitForItem(page, { role: 'day', label: '2026-11-24' });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('PageDown');
  await waitForItem(page, { role: 'heading', label: '2026年12月' });
  await page.keyboard.press('Enter');
  await waitForItem(page, { label: '貸出日', value: '2026-12-25' });
  await clickItem(page, 'カレンダー');
  await waitForItem(page, { role: 'day', label: '2026-12-29', value: 'closed' });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !window.madoguchi.items().some((i) => i.role === 'day'));
  await waitForItem(page, { label: '貸出日', value: '2026-12-25' });

  await typeInto(page, '貸出日', '2026-02-30');
  await waitForItem(page, { role: 'alert', label: 'その日付は存在しません。' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('charts: three charts and an empty one are drawn and described', async () => {
  const { page, problems, context } = await openKit('グラフ');
  await waitForItem(page, { role: 'chart', label: 'データのないグラフ' });
  const charts = (await page.evaluate(() => window.madoguchi.items())).filter((i) => i.role === 'chart');
  assert.deepEqual(charts.map((c) => c.label).sort(), ['データのないグラフ', 'フロア別トナー発注数',
    '機器種別ごとの月別貸出件数', '種別ごとの月別チケット件数'].sort());
  const loans = charts.find((c) => c.label === '機器種別ごとの月別貸出件数');
  assert.match(loans.value, /^4系列・12項目、/);
  assert.equal(charts.find((c) => c.label === 'データのないグラフ').value, '表示するデータがありません');

  // The line chart's area holds the first two series' colours (Okabe-Ito blue and orange).
  const counts = await page.evaluate((area) => {
    const source = document.getElementById('canvas');
    const ratio = source.width / source.clientWidth;
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const context2d = copy.getContext('2d');
    context2d.drawImage(source, 0, 0);
    const { data } = context2d.getImageData(area.x * ratio, area.y * ratio, area.w * ratio, area.h * ratio);
    const near = (i, [r, g, b]) => Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40;
    let blue = 0;
    let orange = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (near(i, [0, 114, 178])) blue += 1;
      if (near(i, [230, 159, 0])) orange += 1;
    }
    return { blue, orange };
  }, loans);
  assert.ok(counts.blue > 100, `blue pixels: ${counts.blue}`);
  assert.ok(counts.orange > 100, `orange pixels: ${counts.orange}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('dialogs: Esc cancels, Enter confirms, the long operation completes and can be cancelled', async () => {
  const { page, problems, context } = await openKit('ダイアログ');
  await clickItem(page, '下書きを削除');
  const keep = await waitForItem(page, { label: '残す' });
  await waitForItem(page, { label: 'この下書きを削除しますか？' });
  assert.equal(keep.role, 'button');
  await page.keyboard.press('Escape');
  await waitForItem(page, { role: 'status', label: '削除を取りやめました' });
  assert.equal(await page.evaluate(() => window.madoguchi.items().some((i) => i.label === '残す')), false);

  await clickItem(page, '下書きを削除');
  await waitForItem(page, { label: '削除する' });
  await page.keyboard.press('Enter');
  await waitForItem(page, { role: 'status', labelStart: '削除しました' });

  await clickItem(page, '一括処理を実行（模擬）');
  await waitForItem(page, { label: '一括処理', role: 'progressbar' });
  await waitForItem(page, { role: 'status', label: '完了しました' }, 30000);
  const bar = await waitForItem(page, { label: '一括処理' });
  assert.equal(bar.value, '100');

  await clickItem(page, '一括処理を実行（模擬）');
  await clickItem(page, '中止');
  await waitForItem(page, { role: 'status', label: '中止しました' });
  assert.deepEqual(problems, []);
  await context.close();
});
