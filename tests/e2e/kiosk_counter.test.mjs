// A lending counter session in kiosk mode, typed as a barcode scanner types: the staff card,
// a tag that is not this person's (refused with colour and sound, nothing changed), the tag of
// the loan ready for them, the handover with its receipt on screen and printed, then the same
// device brought back damaged and inspected. The world is set up through the API beforehand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openApp, signedInFetch, clickItem, typeInto, hasItem } from './lib/harness.mjs';

const running = serverAndBrowser();
const staffCard = 'MT300001';

async function call(fetcher, method, path, body) {
  const response = await fetcher(path, {
    method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

function tokyoDay(daysFromToday) {
  return new Date(Date.now() + 9 * 3600 * 1000 + daysFromToday * 86400 * 1000).toISOString().slice(0, 10);
}

// A counter, two mobile printers, terms, the staff member's card and their loan of one printer
// approved from today and kitted. Answers the counter's location id, the loan and the tags.
async function setUpCounter(url) {
  const desk = await signedInFetch(url, 'desk');
  const staff = await signedInFetch(url, 'staff');
  const { location } = await call(desk, 'POST', '/api/v1/locations', { building: '経済産業省 別館', floor: '1階', room: '貸出窓口' });
  for (const tag of ['MPR-000001', 'MPR-000002']) {
    await call(desk, 'POST', '/api/v1/devices', { asset_tag: tag, class: 'mobile_printer', location_id: location.id, state: 'in_stock' });
  }
  const { terms } = await call(desk, 'POST', '/api/v1/lending/terms/loan_request',
    { text_ja: '貸出機器は業務にのみ使用すること。', text_en: 'Use lent devices for work only.' });
  const { rules } = await call(desk, 'GET', '/api/v1/lending/rules');
  const { updated_by: _by, updated_at: _at, ...printer } = rules.find((rule) => rule.class === 'mobile_printer');
  await call(desk, 'PUT', '/api/v1/lending/rules',
    { rules: [{ ...printer, approver: 'operator', closed_day_due_allowed: true }] });
  const { users } = await call(desk, 'GET', '/api/v1/users?q=staff');
  const holder = users.find((user) => user.login === 'staff');
  await call(desk, 'PATCH', `/api/v1/users/${holder.id}`, { staff_card: staffCard });
  let { request } = await call(staff, 'POST', '/api/v1/lending/requests', {
    class: 'mobile_printer', quantity: 1, purpose: '出張先での資料印刷', start_date: tokyoDay(0), due_date: tokyoDay(3),
    delivery: 'pickup', pickup_location_id: location.id, accessories: [], terms_version: terms.version,
  });
  ({ request } = await call(desk, 'POST', `/api/v1/lending/requests/${request.id}/transitions`, { to: 'approved', version: request.version }));
  const readyTag = request.devices[0].asset_tag;
  const { kitting_tasks: tasks } = await call(desk, 'GET', '/api/v1/lending/kitting-tasks?state=open');
  let task = tasks.find((t) => t.asset_tag === readyTag);
  for (const key of task.open_items) {
    ({ kitting_task: task } = await call(desk, 'POST', `/api/v1/lending/kitting-tasks/${task.id}/ticks`, { key, version: task.version }));
  }
  return { desk, counter: location.id, request, readyTag, otherTag: readyTag === 'MPR-000001' ? 'MPR-000002' : 'MPR-000001' };
}

function itemStartingWith(page, prefix) {
  return page.waitForFunction((p) => window.madoguchi.items().find((i) => i.label.startsWith(p)), prefix)
    .then((handle) => handle.jsonValue());
}

// As a scanner at a counter with someone watching it: the next code once the last one is
// settled (the field empty, nothing being checked), typed in one burst.
async function scan(page, code) {
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-bridge');
  await page.waitForFunction(() => {
    const items = window.madoguchi.items();
    const field = items.find((i) => i.label === 'スキャン入力');
    return field && field.value === '' && items.some((i) => i.label.startsWith('読み取れないときは'));
  });
  await page.keyboard.type(`${code}\n`, { delay: 0 });
}

function sounds(page) {
  return page.evaluate(() => window.madoguchi.sounds || []);
}

async function deviceState(desk, tag) {
  const { devices } = await call(desk, 'GET', `/api/v1/devices?q=${tag}`);
  return devices[0].state;
}

test('a kiosk counter session: card, a refused tag, handover with a printed receipt, a damaged return', async () => {
  const world = await setUpCounter(running.server.url);
  // A laptop's short screen (1280×800): the visit's buttons and この端末の窓口 stay on it while
  // the scan's verdict band is shown above them.
  const { page, problems, context } = await openApp(running.browser, `${running.server.url}?kiosk=1&counter=${world.counter}`);
  await hasItem(page, '職員証をスキャンしてください');

  await scan(page, staffCard.toLowerCase());
  await hasItem(page, `受付中：職員 花子（運用窓口課）職員証 ${staffCard}`);
  await itemStartingWith(page, `${world.request.number} モバイルプリンタ`);
  await hasItem(page, `${world.readyTag}：準備済み`);

  // Another device, in stock but nobody's loan: the server's refusal, in red, with the low tone.
  await scan(page, world.otherTag);
  const refusal = await itemStartingWith(page, 'この方の貸出ではありません。');
  assert.equal(refusal.label, `この方の貸出ではありません。：${world.otherTag}`);
  assert.equal(refusal.role, 'alert');
  assert.deepEqual(await sounds(page), ['accepted', 'refused']);
  assert.equal(await deviceState(world.desk, world.otherTag), 'in_stock');

  await scan(page, world.readyTag);
  await hasItem(page, `お渡しできます：${world.readyTag}`);
  await hasItem(page, 'お渡しする機器（1台）');
  await clickItem(page, 'お渡しを確定');
  await hasItem(page, '貸出票');
  await hasItem(page, 'お渡ししました。貸出票をお渡しください');
  await hasItem(page, `モバイルプリンタ ${world.readyTag}`);
  const due = await itemStartingWith(page, world.request.due_date);
  assert.match(due.label, /^\d{4}-\d{2}-\d{2}（.） 令和\d+年\d+月\d+日（.）$/);
  await hasItem(page, '第1版に同意済み');
  assert.equal(await deviceState(world.desk, world.readyTag), 'on_loan');

  await clickItem(page, '貸出票を印刷');
  await page.waitForFunction(() => (window.madoguchi.printed || []).length === 1);
  const printed = await page.evaluate(() => window.madoguchi.printed[0]);
  for (const part of ['貸出票', world.readyTag, world.request.number, '第1版に同意済み', '令和']) {
    assert.ok(printed.includes(part), `the printed receipt has ${part}: ${printed}`);
  }

  // The same device comes back damaged: inspected before the return is confirmed.
  await hasItem(page, `${world.readyTag} モバイルプリンタ 返却予定日 ${world.request.due_date.slice(0, 10)}（${dayName(world.request.due_date)}）`);
  await scan(page, world.readyTag);
  await hasItem(page, `返却検品：${world.readyTag}`);
  await clickItem(page, '破損あり');
  await hasItem(page, '破損の内容を入力してください');
  await typeInto(page, '破損の内容', '液晶に割れ');
  await clickItem(page, '返却を確定');
  await hasItem(page, '返却票');
  await hasItem(page, '修理中');
  assert.equal(await deviceState(world.desk, world.readyTag), 'in_repair');
  assert.deepEqual(await sounds(page), ['accepted', 'refused', 'accepted', 'accepted', 'accepted', 'accepted']);
  assert.deepEqual(problems, []);
  await context.close();
});

function dayName(isoDate) {
  return '日月火水木金土'[new Date(`${isoDate}T00:00:00Z`).getUTCDay()];
}
