// 構成管理 as the desk uses it: a licence's seat usage, a chatbot setting changed with a reason,
// the diff that change made, and the first version restored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openApp, clickItem, signedInFetch, hasItem, typeInto } from './lib/harness.mjs';

const running = serverAndBrowser();

async function posted(desk, path, body, method = 'POST') {
  const response = await desk(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  assert.ok(response.status === 200 || response.status === 201, `${path}: ${response.status} ${text}`);
  return JSON.parse(text);
}

test('the desk sees Slack seat usage, changes a chatbot setting with a reason, reads the diff and restores the first version',
  async () => {
    const desk = await signedInFetch(running.server.url, 'desk');
    const { item: slack } = await posted(desk, '/api/v1/configuration-items', { kind: 'software', name: 'Slack Business+' });
    await posted(desk, `/api/v1/configuration-items/${slack.id}/licence`, { seats: 2 }, 'PUT');
    for (const login of ['desk', 'staff']) {
      await posted(desk, `/api/v1/configuration-items/${slack.id}/licence/assignments`, { user_login: login });
    }
    const { item: bot } = await posted(desk, '/api/v1/configuration-items', { kind: 'service', name: 'チャットボット' });
    await posted(desk, `/api/v1/configuration-items/${bot.id}/settings`,
      { values: { 応答タイムアウト秒: '30', 応答言語: 'ja' }, reason: '初期設定', version: 0 });

    // A 1280×1024 office monitor: the settings form sits below the versions table.
    const { page, problems, context } = await openApp(running.browser, running.server.url,
      { viewport: { width: 1280, height: 1024 } });
    await clickItem(page, '構成管理', { role: 'tab' });
    await clickItem(page, 'Slack Business+', { role: 'table-row' });
    await clickItem(page, 'ライセンス', { role: 'button' });
    await hasItem(page, '利用 2 / 2 席（100%）', { timeout: 10000 });
    const bar = await page.evaluate(() => window.madoguchi.items().find((i) => i.role === 'progressbar'));
    assert.equal(bar.value, '2 / 2');

    await clickItem(page, 'チャットボット', { role: 'table-row' });
    // The pane opens the item it was given before its tabs take a click.
    await hasItem(page, 'チャットボット', { role: 'heading', timeout: 10000 });
    await clickItem(page, '設定', { role: 'button' });
    await hasItem(page, '第1版：初期設定', { timeout: 10000 });
    await typeInto(page, '設定項目', '応答タイムアウト秒');
    await typeInto(page, '設定値', '60');
    await typeInto(page, '変更理由', '問い合わせ増加のため');
    await clickItem(page, '変更を保存', { role: 'button' });
    await hasItem(page, '変更 応答タイムアウト秒：30 → 60', { timeout: 10000 });
    await hasItem(page, '第2版：問い合わせ増加のため');

    // Back to the first version: a new version with its values, and the reason asked for.
    await clickItem(page, '第1版：初期設定', { role: 'table-row' });
    await clickItem(page, '第1版に戻す', { role: 'button' });
    await typeInto(page, '戻す理由', '応答遅延の苦情のため');
    await clickItem(page, '戻す', { role: 'button' });
    await hasItem(page, '第3版：応答遅延の苦情のため', { timeout: 10000 });
    await hasItem(page, '変更 応答タイムアウト秒：60 → 30');

    // The server holds the three versions, newest first, each with its values and reason.
    const { versions } = await (await desk(`/api/v1/configuration-items/${bot.id}/settings`)).json();
    assert.deepEqual(versions.map((v) => v.reason), ['応答遅延の苦情のため', '問い合わせ増加のため', '初期設定']);
    assert.deepEqual(versions[0].values, { 応答タイムアウト秒: '30', 応答言語: 'ja' });
    assert.deepEqual(versions[1].values, { 応答タイムアウト秒: '60', 応答言語: 'ja' });
    assert.deepEqual(problems, []);
    await context.close();
  });
