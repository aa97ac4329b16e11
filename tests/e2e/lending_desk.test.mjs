// The desk's lending screens in the browser: an operator ticks a loan's kitting checklist to
// done, and sends a return reminder from the overdue list after confirming it. The loans are
// made through the API as staff and the desk would; only the passing of time (a loan out
// since last week and due three days ago) is written into the database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serverAndBrowser, openApp, signedInFetch, clickItem, hasItem, hasItemValue } from './lib/harness.mjs';

const running = serverAndBrowser();

const iso = (date) => date.toISOString().slice(0, 10);
const addDays = (date, days) => new Date(date.getTime() + days * 86400000);
const tokyoToday = () => new Date(`${new Date(Date.now() + 9 * 3600000).toISOString().slice(0, 10)}T00:00:00Z`);

async function json(response, status) {
  const text = await response.text();
  assert.equal(response.status, status, text);
  return JSON.parse(text);
}

// The first business day on or after `date`, and the second business day after that one: the
// shared calendar's holidays, weekends and 12/29–1/3 are closed.
async function businessPeriod(fetchAs) {
  const today = tokyoToday();
  const holidays = await json(await fetchAs(`/api/v1/calendar/holidays?from=${iso(today)}&to=${iso(addDays(today, 60))}`), 200);
  const closed = new Set(holidays.map((h) => h.date));
  const isClosed = (date) => {
    const [month, day] = [date.getUTCMonth() + 1, date.getUTCDate()];
    return [0, 6].includes(date.getUTCDay()) || closed.has(iso(date)) || (month === 12 && day >= 29) || (month === 1 && day <= 3);
  };
  let start = today;
  while (isClosed(start)) start = addDays(start, 1);
  let due = start;
  for (let days = 0; days < 2;) {
    due = addDays(due, 1);
    if (!isClosed(due)) days += 1;
  }
  return { start: iso(start), due: iso(due) };
}

async function seed(server) {
  const desk = await signedInFetch(server.url, 'desk');
  const staff = await signedInFetch(server.url, 'staff');
  const post = (as, path, body) => as(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const { location } = await json(await post(desk, '/api/v1/locations', { building: '経済産業省 別館', floor: '1階', room: '貸出窓口' }), 201);
  for (const tag of ['MPR-000001', 'MPR-000002']) {
    await json(await post(desk, '/api/v1/devices', { asset_tag: tag, class: 'mobile_printer', location_id: location.id, state: 'in_stock' }), 201);
  }
  const { terms } = await json(await post(desk, '/api/v1/lending/terms/loan_request', { text_ja: '業務にのみ使用すること。', text_en: 'For work only.' }), 201);
  const { start, due } = await businessPeriod(desk);
  const loans = [];
  for (const purpose of ['出張先での印刷', '説明会での印刷']) {
    const { request } = await json(await post(staff, '/api/v1/lending/requests', {
      class: 'mobile_printer', quantity: 1, purpose, start_date: start, due_date: due, delivery: 'pickup',
      pickup_location_id: location.id, accessories: [], terms_version: terms.version,
    }), 201);
    const approved = await json(await post(desk, `/api/v1/lending/requests/${request.id}/transitions`, { to: 'approved', version: request.version }), 200);
    loans.push(approved.request);
  }
  // The second loan went out last week and is three days overdue: time, not an API call.
  const [, late] = loans;
  const sql = `UPDATE loan_requests SET state = 'on_loan', start_date = '${iso(addDays(tokyoToday(), -10))}', `
    + `due_date = '${iso(addDays(tokyoToday(), -3))}', version = version + 1 WHERE id = ${late.id};`
    + `UPDATE devices SET state = 'on_loan' WHERE id IN (SELECT device_id FROM loan_allocations WHERE request_id = ${late.id});`;
  const run = spawnSync('sqlite3', [server.dbPath, sql], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const { kitting_tasks: tasks } = await json(await desk('/api/v1/lending/kitting-tasks?state=open'), 200);
  const task = tasks.find((t) => t.request_id === loans[0].id);
  return { desk, ready: loans[0], late, task };
}

function waitForLabel(page, label, role) {
  return hasItem(page, label, { role, timeout: 15000 });
}

test('an operator kits a loan to done and sends a reminder from the overdue list', async () => {
  const { desk, ready, late, task } = await seed(running.server);
  assert.ok(task, 'the approval opened a kitting task');
  const { page, problems, context } = await openApp(running.browser, `${running.server.url}?view=lending`);

  await clickItem(page, 'キッティング作業', { role: 'tab' });
  await waitForLabel(page, task.asset_tag, 'table-row');
  await clickItem(page, task.asset_tag, { role: 'table-row' });
  await waitForLabel(page, `貸出申請 ${ready.number} の準備`, 'status');
  for (const step of ['初期化', '充電', '動作確認']) {
    await clickItem(page, step, { role: 'checkbox' });
    await hasItemValue(page, step, 'checkbox', 'true', { timeout: 15000 });
  }
  await waitForLabel(page, 'キッティング完了: 窓口で貸し出せます。', 'status');
  await waitForLabel(page, `キッティングが完了しました：${task.asset_tag}`, 'status');
  const kitted = await json(await desk(`/api/v1/lending/kitting-tasks/${task.id}`), 200);
  assert.equal(kitted.kitting_task.state, 'done');
  assert.equal(kitted.kitting_task.complete, true);

  await clickItem(page, '未返却一覧', { role: 'tab' });
  await waitForLabel(page, late.number, 'table-row');
  await clickItem(page, late.number, { role: 'table-row' });
  await waitForLabel(page, '今すぐ督促する');
  // The server's reminder job may have reminded already (it runs every five minutes): count from here.
  const before = (await json(await desk(`/api/v1/lending/requests/${late.id}/reminders`), 200)).reminders.length;
  await clickItem(page, '今すぐ督促する');
  await waitForLabel(page, '督促を送る');
  let history = await json(await desk(`/api/v1/lending/requests/${late.id}/reminders`), 200);
  assert.equal(history.reminders.length, before, 'nothing is sent before the confirmation');
  await clickItem(page, '督促を送る');
  await waitForLabel(page, `返却督促を送りました：${late.number}`, 'status');
  await page.waitForFunction(() => window.madoguchi.items().some((i) => i.role === 'listitem' && i.label.includes('（窓口から手動で送信）')),
    null, { timeout: 15000 });
  history = await json(await desk(`/api/v1/lending/requests/${late.id}/reminders`), 200);
  assert.equal(history.reminders.length, before + 1);
  const sent = history.reminders.at(-1);
  assert.equal(sent.kind, 'overdue');
  assert.ok(sent.key.startsWith('manual@'), sent.key);
  assert.equal(sent.sent_by, 'desk');
  assert.deepEqual(problems, []);
  await context.close();
});
