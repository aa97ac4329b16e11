// 貸出 end to end in the browser: a staff member asks for a mobile printer with a purpose typed
// in Japanese through the IME, accepting the terms of use; the desk (the printers' approver by
// the rules) approves it in 貸出申請一覧 and sees the device allocated; the staff member then
// finds the request approved with that device under 自分の貸出.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openApp, clickItem, hasItem, signedInFetch, typeThroughIme } from './lib/harness.mjs';

const running = serverAndBrowser();

async function posted(fetcher, path, body) {
  const response = await fetcher(path, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  assert.ok(response.status === 200 || response.status === 201, `${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

// A start a week or more ahead whose start and due (two days later) are business days: not a
// weekend, a national holiday or the year-end closure (12/29–1/3), as the printers' rule wants.
async function businessPeriod(fetcher) {
  const first = new Date(Date.now() + 9 * 3600 * 1000 + 7 * 86400 * 1000);
  const last = new Date(first.getTime() + 60 * 86400 * 1000);
  const response = await fetcher(`/api/v1/calendar/holidays?from=${isoDate(first)}&to=${isoDate(last)}`);
  const holidays = new Set((await response.json()).map((holiday) => holiday.date));
  const open = (date) => {
    const day = date.getUTCDay();
    const monthDay = isoDate(date).slice(5);
    const closure = monthDay >= '12-29' || monthDay <= '01-03';
    return day !== 0 && day !== 6 && !holidays.has(isoDate(date)) && !closure;
  };
  for (let start = first; start < last; start = new Date(start.getTime() + 86400 * 1000)) {
    const due = new Date(start.getTime() + 2 * 86400 * 1000);
    if (open(start) && open(due)) return { start: isoDate(start), due: isoDate(due) };
  }
  throw new Error('no business period found');
}

async function typeDate(page, label, text) {
  await clickItem(page, label, { role: 'date' });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.waitForFunction(([l, v]) => window.madoguchi.items().some((i) => i.label === l && i.value === v),
    [label, text], { timeout: 10000 });
}

test('staff request a printer in Japanese, the desk approves it, and staff see it approved with its device', async () => {
  const { server, browser } = running;
  const desk = await signedInFetch(server.url, 'desk');
  await posted(desk, '/api/v1/lending/terms/loan_request',
    { text_ja: '貸出機器は大切に扱い、期限までに返却してください。', text_en: 'Handle the devices with care and return them on time.' });
  const { location } = await posted(desk, '/api/v1/locations', { building: '別館', floor: '1階', room: '貸出窓口' });
  await posted(desk, '/api/v1/devices',
    { asset_tag: 'PRN-000501', class: 'mobile_printer', state: 'in_stock', location_id: location.id });
  const period = await businessPeriod(desk);
  const purpose = '出張先での印刷';

  // The staff member's request.
  const staff = await openApp(browser, `${server.url}?view=lending`, {}, { login: 'staff' });
  const cdp = await staff.context.newCDPSession(staff.page);
  await clickItem(staff.page, '機器の種類', { role: 'combo' });
  await clickItem(staff.page, 'モバイルプリンタ（最長14日・承認: 運用窓口）', { role: 'option' });
  await typeThroughIme(staff.page, cdp, '利用目的', 'しゅっちょうさきでのいんさつ', purpose);
  await typeDate(staff.page, '貸出開始日', period.start);
  await typeDate(staff.page, '返却予定日', period.due);
  await hasItem(staff.page, 'この期間は少なくとも 1 台が空いています。', { timeout: 10000 });
  await clickItem(staff.page, '窓口で受取');
  await clickItem(staff.page, '受取窓口', { role: 'combo' });
  await clickItem(staff.page, location.name, { role: 'option' });
  await hasItem(staff.page, '貸出機器は大切に扱い、期限までに返却してください。');
  await clickItem(staff.page, '利用規約（第1版）に同意します');
  await clickItem(staff.page, '申請する', { role: 'button' });

  let requests = [];
  for (let tries = 0; tries < 100 && requests.length === 0; tries += 1) {
    requests = (await (await desk('/api/v1/lending/requests')).json()).requests;
    if (requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(requests.length, 1, 'the request reached the server once');
  assert.equal(requests[0].purpose, purpose);
  assert.equal(requests[0].terms_version, 1);
  assert.equal(requests[0].pickup_location_id, location.id);
  assert.equal(requests[0].start_date, period.start);
  const number = requests[0].number;

  // The desk approves: the printers' rule names the operator.
  const operator = await openApp(browser, `${server.url}?view=lending`);
  await clickItem(operator.page, '貸出申請一覧', { role: 'tab' });
  await clickItem(operator.page, number, { role: 'table-row' });
  await hasItem(operator.page, `利用目的: ${purpose}`, { timeout: 10000 });
  await clickItem(operator.page, '承認する', { role: 'button' });
  await hasItem(operator.page, '貸出機器: PRN-000501', { timeout: 10000 });

  // The staff member sees it approved with the device.
  await clickItem(staff.page, '自分の貸出', { role: 'tab' });
  await hasItem(staff.page, `${number} モバイルプリンタ ×1（承認済）`, { timeout: 10000 });
  await hasItem(staff.page, '貸出機器: PRN-000501');

  assert.deepEqual(staff.problems, []);
  assert.deepEqual(operator.problems, []);
  await staff.context.close();
  await operator.context.close();
});
