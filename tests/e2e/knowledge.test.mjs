// ナレッジ as the desk uses it: an article written and published in the browser, then found
// by the search typed in half-width kana, and offered to staff as a suggestion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openApp, clickItem, signedInFetch, hasItem, typeInto } from './lib/harness.mjs';

const running = serverAndBrowser();

test('the desk writes an article in the browser, publishes it and finds it by a search in half-width kana', async () => {
  const desk = await signedInFetch(running.server.url, 'desk');
  const created = await desk('/api/v1/knowledge/articles', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ question: 'VPNにつながらない', answer: '再起動してください。', category: 'ネットワーク', audiences: ['staff'] }),
  });
  assert.equal(created.status, 201, await created.text());

  const { page, problems, context } = await openApp(running.browser, running.server.url,
    { viewport: { width: 1280, height: 1024 } });
  await clickItem(page, 'ナレッジ', { role: 'tab' });
  await hasItem(page, 'VPNにつながらない', { timeout: 10000 });

  await clickItem(page, '新しい記事', { role: 'button' });
  await hasItem(page, '新しい記事', { timeout: 10000 });
  await clickItem(page, '保存', { role: 'button' });
  await hasItem(page, '必須です。', { timeout: 10000 });  // marked beside the fields, nothing sent
  await typeInto(page, '質問', 'プリンターで紙詰まりが起きたら？');
  await typeInto(page, '回答', '前面カバーを開けて、詰まった用紙を取り除いてください。');
  await typeInto(page, 'カテゴリ', 'プリンタ');
  await clickItem(page, '保存', { role: 'button' });
  await hasItem(page, '記事 2（第1版・下書き）', { timeout: 10000 });
  await clickItem(page, '公開する', { role: 'button' });
  await hasItem(page, '記事 2（第2版・公開中）', { timeout: 10000 });

  await typeInto(page, '検索', 'ﾌﾟﾘﾝﾀｰ');
  await clickItem(page, '検索する', { role: 'button' });
  await page.waitForFunction(() => {
    const rows = window.madoguchi.items().filter((i) => i.role === 'table-row');
    return rows.length === 1 && rows[0].label === 'プリンターで紙詰まりが起きたら？';
  }, null, { timeout: 10000 });

  // Published for staff: the inquiry form's suggestions offer it.
  const staff = await signedInFetch(running.server.url, 'staff');
  const { items } = await (await staff(`/api/v1/knowledge/suggest?q=${encodeURIComponent('紙詰まり')}`)).json();
  assert.deepEqual(items.map((item) => item.question), ['プリンターで紙詰まりが起きたら？']);
  const { versions } = await (await desk('/api/v1/knowledge/articles/2')).json();
  assert.deepEqual(versions.map((v) => [v.version, v.state, v.changed_by]), [[2, 'published', 'desk'], [1, 'draft', 'desk']]);
  assert.deepEqual(problems, []);
  await context.close();
});
