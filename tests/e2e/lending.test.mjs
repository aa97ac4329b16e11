// 貸出 end to end in the browser: a staff member asks for a mobile printer with a purpose typed
// in Japanese through the IME, accepting the terms of use; the desk (the printers' approver by
// the rules) approves it in 貸出申請一覧; the staff member finds it approved under 自分の貸出
// with its dates in both calendars, and, once the device is handed over at the counter, asks
// for a later due date, sees the ask waiting for a decision and books the return at the counter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  serverAndBrowser, openApp, clickItem, hasItem, signedInFetch, typeThroughIme,
} from './lib/harness.mjs';

const running = serverAndBrowser();

// The answer's JSON; the body is read once, as text, so a failure can show it.
async function expectOk(response, what) {
  const text = await response.text();
  if (!response.ok) assert.fail(`${what}: ${response.status} ${text}`);
  return JSON.parse(text);
}

function send(fetcher, method, path, body) {
  return fetcher(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    .then((response) => expectOk(response, `${method} ${path}`));
}

const weekdays = ['日', '月', '火', '水', '木', '金', '土'];

// Tokyo's civil date `days` from today, as {iso, weekday}.
function tokyoDate(days) {
  const date = new Date(Date.now() + 9 * 3600 * 1000 + days * 86400 * 1000);
  return { iso: date.toISOString().slice(0, 10), weekday: weekdays[date.getUTCDay()] };
}

// "2026-12-08（火） 令和8年12月8日（火）" as the app shows a date in both calendars.
function bothCalendars({ iso, weekday }) {
  const [year, month, day] = iso.split('-').map(Number);
  return `${iso}（${weekday}） 令和${year - 2018}年${month}月${day}日（${weekday}）`;
}

// Types a date into the date field with this label once the text bridge has the keyboard.
async function typeDate(page, label, iso) {
  await clickItem(page, label, { role: 'date' });
  await page.waitForFunction(() => document.activeElement?.id === 'text-bridge', null, { timeout: 5000 });
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(iso);
  await page.keyboard.press('Enter');
  await page.waitForFunction(([l, v]) => window.madoguchi.items().some((i) => i.label === l && i.role === 'date' && i.value === v),
    [label, iso], { timeout: 10000 });
}

// The request as the desk reads it, once `ready` says so.
async function requestWhen(desk, ready) {
  for (let tries = 0; tries < 300; tries += 1) {
    const { requests } = await expectOk(await desk('/api/v1/lending/requests'), 'GET /api/v1/lending/requests');
    if (requests.length > 0 && ready(requests[0])) return requests[0];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return assert.fail('the request never reached the state waited for');
}

// What the counter does: kitting ticked through, the staff ID card issued, the device handed over.
async function handOver(desk, request, location) {
  const { kitting_tasks: tasks } = await expectOk(await desk('/api/v1/lending/kitting-tasks?state=open'), 'kitting tasks');
  for (let task of tasks) {
    for (const key of task.open_items) {
      task = (await send(desk, 'POST', `/api/v1/lending/kitting-tasks/${task.id}/ticks`, { key, version: task.version })).kitting_task;
    }
  }
  const { users } = await expectOk(await desk('/api/v1/users?q=staff'), 'GET /api/v1/users');
  const staff = users.find((user) => user.login === 'staff');
  await send(desk, 'PATCH', `/api/v1/users/${staff.id}`, { staff_card: '20231234' });
  await send(desk, 'POST', '/api/v1/lending/counter/handovers', {
    card: '20231234', request_id: request.id, tags: request.devices.map((device) => device.asset_tag),
    counter_location_id: location.id, version: request.version,
  });
}

test('staff request a printer in Japanese, the desk approves it, staff see it in both calendars and ask for an extension', async () => {
  const { server, browser } = running;
  const desk = await signedInFetch(server.url, 'desk');
  await send(desk, 'POST', '/api/v1/lending/terms/loan_request',
    { text_ja: '貸出機器は大切に扱い、期限までに返却してください。', text_en: 'Handle the devices with care and return them on time.' });
  const { location } = await send(desk, 'POST', '/api/v1/locations', { building: '別館', floor: '1階', room: '貸出窓口' });
  await send(desk, 'POST', '/api/v1/devices',
    { asset_tag: 'PRN-000501', class: 'mobile_printer', state: 'in_stock', location_id: location.id });
  // The loan starts today so the counter can hand it over now: the printers' rule is opened to
  // closed days, which today may be.
  const { rules } = await expectOk(await desk('/api/v1/lending/rules'), 'GET /api/v1/lending/rules');
  const printers = rules.find((rule) => rule.class === 'mobile_printer');
  const keep = ['class', 'max_days', 'approver', 'holding_limit', 'overdue_blocks', 'version'];
  await send(desk, 'PUT', '/api/v1/lending/rules',
    { rules: [{ ...Object.fromEntries(keep.map((key) => [key, printers[key]])), closed_day_due_allowed: true }] });
  const start = tokyoDate(0);
  const due = tokyoDate(2);
  const later = tokyoDate(5);
  const purpose = '出張先での印刷';

  // The staff member's request.
  const staff = await openApp(browser, `${server.url}?view=lending`, {}, { login: 'staff' });
  const cdp = await staff.context.newCDPSession(staff.page);
  await clickItem(staff.page, '機器の種類', { role: 'combo' });
  await clickItem(staff.page, 'モバイルプリンタ（最長14日・承認: 運用窓口）', { role: 'option' });
  await typeThroughIme(staff.page, cdp, '利用目的', 'しゅっちょうさきでのいんさつ', purpose);
  await typeDate(staff.page, '貸出開始日', start.iso);
  await typeDate(staff.page, '返却予定日', due.iso);
  await hasItem(staff.page, 'この期間は少なくとも 1 台が空いています。', { timeout: 10000 });
  await clickItem(staff.page, '窓口で受取');
  await clickItem(staff.page, '受取窓口', { role: 'combo' });
  await clickItem(staff.page, location.name, { role: 'option' });
  await hasItem(staff.page, '貸出機器は大切に扱い、期限までに返却してください。');
  await clickItem(staff.page, '利用規約（第1版）に同意します', { role: 'checkbox' });
  await clickItem(staff.page, '申請する', { role: 'button' });

  const submitted = await requestWhen(desk, () => true);
  assert.equal(submitted.purpose, purpose);
  assert.equal(submitted.terms_version, 1);
  assert.equal(submitted.pickup_location_id, location.id);
  assert.equal(submitted.start_date, start.iso);
  assert.equal(submitted.due_date, due.iso);
  const { number } = submitted;

  // The desk approves: the printers' rule names the operator.
  const operator = await openApp(browser, `${server.url}?view=lending`);
  await clickItem(operator.page, '貸出申請一覧', { role: 'tab' });
  await clickItem(operator.page, number, { role: 'table-row' });
  await hasItem(operator.page, `利用目的: ${purpose}`, { timeout: 10000 });
  await clickItem(operator.page, '承認する', { role: 'button' });
  await hasItem(operator.page, '貸出機器: PRN-000501', { timeout: 10000 });

  // The staff member sees it approved, with the period in both calendars and the device.
  await clickItem(staff.page, '自分の貸出', { role: 'tab' });
  await hasItem(staff.page, `${number} モバイルプリンタ ×1（承認済）`, { timeout: 10000 });
  await hasItem(staff.page, `期間: ${bothCalendars(start)} 〜 ${bothCalendars(due)}`);
  await hasItem(staff.page, '貸出機器: PRN-000501');

  // Handed over at the counter, the loan is out; the staff member asks to keep it longer.
  await handOver(desk, await requestWhen(desk, (request) => request.state === 'approved'), location);
  await clickItem(staff.page, '最新の情報に更新', { role: 'button' });
  await hasItem(staff.page, `${number} モバイルプリンタ ×1（貸出中）`, { timeout: 10000 });
  await clickItem(staff.page, '延長・返却予約・督促履歴', { role: 'button' });
  await hasItem(staff.page, '延長申請はありません。', { timeout: 10000 });
  await hasItem(staff.page, '送信された案内・督促はありません。');
  await typeDate(staff.page, '延長後の返却期限', later.iso);
  await typeThroughIme(staff.page, cdp, '延長の理由', 'しゅっちょうがえんちょう', '出張が延長');
  await clickItem(staff.page, '延長を申請する', { role: 'button' });
  await hasItem(staff.page, `返却期限 ${bothCalendars(later)} への延長: 判断待ち`, { timeout: 10000 });

  const { extensions } = await expectOk(await desk(`/api/v1/lending/requests/${submitted.id}/extensions`), 'extensions');
  assert.equal(extensions.length, 1, 'one extension asked for');
  assert.equal(extensions[0].due_date, later.iso);
  assert.equal(extensions[0].reason, '出張が延長');
  assert.equal(extensions[0].state, 'requested');

  // The return is booked at the counter the printer came from, in the first slot of the day offered.
  await clickItem(staff.page, '8:30（残り4枠）', { role: 'button' });
  const booked = await staff.page.waitForFunction(
    () => window.madoguchi.items().find((i) => i.label.startsWith('返却予約: ')), null, { timeout: 10000 });
  const bookedLabel = (await booked.jsonValue()).label;
  assert.match(bookedLabel, /^返却予約: \d{4}-\d{2}-\d{2}（.） 8:30〜9:00　別館 1階 貸出窓口$/);
  const { return_booking: booking } = await expectOk(
    await desk(`/api/v1/lending/requests/${submitted.id}/return-booking`), 'return booking');
  assert.equal(booking.counter.id, location.id);
  const tokyoSlot = new Date(Date.parse(booking.slot_at) + 9 * 3600 * 1000).toISOString();
  assert.equal(tokyoSlot.slice(11, 16), '08:30');
  assert.equal(bookedLabel.slice(6, 16), tokyoSlot.slice(0, 10), 'the slot shown is the slot booked');
  await hasItem(staff.page, '8:30（残り3枠）');

  assert.deepEqual(staff.problems, []);
  assert.deepEqual(operator.problems, []);
  await staff.context.close();
  await operator.context.close();
});
