// The audit log as an auditor reads it: a change made through the API appears with who made
// it and what changed, the filters narrow the list, the chain verifies, and the CSV export
// downloads the same records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serverAndBrowser, openApp, clickItem, signedInFetch, hasItem, typeInto } from './lib/harness.mjs';

const running = serverAndBrowser();

test('an auditor finds a role change, sees before and after, verifies the chain and exports it', async () => {
  // desk holds the admin and auditor roles: it makes the change, then reads the trail.
  const admin = await signedInFetch(running.server.url, 'desk');
  const created = await admin('/api/v1/users', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: 'kansa', name: '監査 花子', division_code: 'D-DESK', roles: ['staff'] }),
  });
  const createdBody = await created.text();
  assert.equal(created.status, 201, createdBody);
  const { user } = JSON.parse(createdBody);
  const changed = await admin(`/api/v1/users/${user.id}`, {
    method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ roles: ['staff', 'manager'] }),
  });
  assert.equal(changed.status, 200);
  const record = (await (await admin('/api/v1/audit?action=user.updated')).json()).records[0];
  const row = `${record.id} user.updated`;

  const { page, problems, context } = await openApp(running.browser, `${running.server.url}?view=audit`);
  await hasItem(page, row, { timeout: 15000 });
  await hasItem(page, `${record.id - 1} user.created`);

  await typeInto(page, '操作（例：user.updated）', 'user.updated');
  await clickItem(page, '検索');
  await hasItem(page, '1〜1件目（全1件）', { timeout: 10000 });
  assert.equal(await page.evaluate(() => window.madoguchi.items().some((i) => i.label.endsWith(' user.created'))), false,
    'the filter leaves only the role change');

  await clickItem(page, row, { role: 'table-row' });
  await hasItem(page, '操作：user.updated', { timeout: 10000 });
  await hasItem(page, '操作者：desk');
  await hasItem(page, `対象：user ${user.id}`);
  const roles = await page.evaluate(() => window.madoguchi.items().find((i) => i.role === 'cell' && i.label === 'roles'));
  assert.equal(roles?.value, 'changed', 'the changed field is marked');

  await clickItem(page, 'チェーン検証');
  await page.waitForFunction(() => window.madoguchi.items().some((i) => i.label.startsWith('ハッシュチェーンは正常です')),
    null, { timeout: 15000 });

  // The export takes whole days: it waits for the period.
  await hasItem(page, 'エクスポートするには期間の開始日と終了日を指定してください。');
  const today = new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10);
  for (const label of ['期間（開始日）', '期間（終了日）']) {
    await clickItem(page, label);
    await page.keyboard.type(today);
    await page.keyboard.press('Enter');
    await page.waitForFunction(([l, v]) => window.madoguchi.items().some((i) => i.label === l && i.value === v), [label, today]);
  }
  await page.waitForFunction(() => !window.madoguchi.items().some((i) => i.label.startsWith('エクスポートするには')));
  const [download] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'CSVエクスポート')]);
  const csv = await readFile(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\uFEFF'), 'Excel reads the export as UTF-8');
  assert.ok(csv.includes(`,user.updated,user,${user.id},`), csv.slice(0, 400));
  assert.deepEqual(problems, []);
  await context.close();
});

