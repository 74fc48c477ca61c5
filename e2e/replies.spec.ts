/**
 * Issue #5 end to end: on each platform's demo review page the overlay tags the rows (inside shadow
 * roots), "生成回复" fills the console's own controlled reply box with a compliant draft, and the
 * console's submit is never pressed (`world.submittedReplies` stays empty). Then the side-panel inbox,
 * a blocked edit reaching the console, and model drafting against a loopback stub.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { DEMO_SITES } from '../demo/server';
import { ADAPTERS } from '../lib/platforms/index';
import { checkCompliance } from '../lib/replies/compliance';
import { expect, test } from './fixtures';

const OVERLAY = 'koubei-ui[data-koubei-host="reviews"]';
/** An enabled "生成回复" in an overlay (Playwright's CSS pierces open shadow roots). */
const GENERATE = `${OVERLAY} [data-testid="koubei-generate"]:not([disabled])`;

/** The demo consoles that exist now: each adapter's 评价管理 page whose host the demo serves. */
const REVIEW_PAGES = ADAPTERS.flatMap((a) => {
  const page = a.startPages.find((p) => p.label === '评价管理');
  return page && new URL(page.url).hostname in DEMO_SITES ? [{ id: a.id, name: a.name, url: page.url }] : [];
});

async function textareaHolds(page: Page, text: string): Promise<boolean> {
  return page.evaluate((t) => [...document.querySelectorAll('textarea')].some((x) => x.value === t), text);
}

for (const { id, name, url } of REVIEW_PAGES) {
  test(`${name} (${id}): overlay tags the rows; 生成回复 fills the console's reply box and never submits`, async ({
    context,
    demo,
  }) => {
    const page = await context.newPage();
    await page.goto(url);
    // A drawn bar (a host whose shadow root holds the row's tags).
    const drawn = page.locator(OVERLAY).filter({ has: page.getByTestId('koubei-review') });
    await expect(drawn.first()).toBeAttached({ timeout: 20_000 });
    // Tags live inside the hosts' shadow roots, not in the console's own DOM.
    const inShadow = await drawn.first().evaluate((h) => h.shadowRoot?.textContent ?? '');
    expect(inShadow).toMatch(/情感/);
    expect(await drawn.first().evaluate((h) => h.textContent)).toBe('');
    const tagged = await page.locator(`${OVERLAY} [data-testid="koubei-review"]`).count();
    expect(tagged).toBeGreaterThan(0);

    const button = page.locator(GENERATE).first();
    const draft = (await button.getAttribute('title'))!;
    expect(checkCompliance(draft, { platform: id }).verdict).not.toBe('block');
    await button.click();
    await expect.poll(() => textareaHolds(page, draft)).toBe(true);
    // The console's own state took it: its counter counts the draft.
    await expect(page.getByText(`${draft.length}/500`).first()).toBeVisible();
    await expect(page.locator(`${OVERLAY} [data-testid="koubei-note"]`).first()).toContainText(
      '已填入回复框',
    );
    await page.waitForTimeout(500);
    expect(demo.world.submittedReplies).toEqual([]);
  });
}

test('抖店: the inbox lists unreplied 中差评 with countdowns; a blocked edit cannot be inserted on the console', async ({
  context,
  demo,
  extPage,
}) => {
  const page = await context.newPage();
  await page.goto('https://fxg.jinritemai.com/ffa/maftersale/comment');
  await page.getByRole('tab', { name: '差评' }).click();
  await expect(page.locator(GENERATE).first()).toBeAttached({ timeout: 20_000 });

  const panel = await extPage('sidepanel.html?tab=inbox');
  const items = panel.getByTestId('inbox-item');
  await expect(items.first()).toBeVisible();
  await expect(items.first().getByTestId('inbox-clock')).toContainText(/剩|已超时/);
  await expect(items.first().getByTestId('draft-verdict')).toHaveText(/合规检查通过|有提示/);
  const first = items.first();
  const reviewId = (await first.getAttribute('data-review-key'))!.split('|')[1]!;

  // The merchant types an inducement: checked as typed, cannot be copied, reason in Chinese.
  await first.getByRole('textbox', { name: '回复草稿' }).fill('亲，追评五星好评就返现20元');
  await expect(first.getByTestId('draft-verdict')).toHaveText('不合规：不能插入');
  await expect(first.getByTestId('draft-issues')).toContainText(/好评|返现/);
  await expect(first.getByRole('button', { name: '复制' })).toBeDisabled();
  await first.getByRole('button', { name: '保存' }).click();
  await expect(first.getByRole('status')).toContainText('不能插入');

  // On the console (after a reload) that review's 生成回复 is disabled with the reason.
  await page.reload();
  await page.getByRole('tab', { name: '差评' }).click();
  const row = page.locator(`tr[data-comment-id="${reviewId}"]`);
  // The overlay draws rows as they near the viewport: the merchant scrolls to the review.
  await row.scrollIntoViewIfNeeded();
  await expect(row.locator(`${OVERLAY} button[disabled]`)).toBeAttached({ timeout: 20_000 });
  await expect(row.locator(`${OVERLAY} [data-testid="koubei-note"]`)).toContainText('不能插入');
  expect(demo.world.submittedReplies).toEqual([]);
});

/** A loopback OpenAI-compatible stub: answers with `replies` in turn and records each request body. */
async function stubModel(replies: string[]): Promise<{ server: Server; base: string; bodies: unknown[] }> {
  const bodies: unknown[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<string>((res) => {
      let s = '';
      req.on('data', (c: Buffer) => (s += c.toString()));
      req.on('end', () => res(s));
    });
  const server = createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'authorization, content-type');
    res.setHeader('access-control-allow-methods', 'POST');
    if (req.method === 'OPTIONS') return void res.end();
    void read(req).then((body) => {
      bodies.push(JSON.parse(body));
      const content = replies[Math.min(bodies.length - 1, replies.length - 1)];
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, bodies };
}

test('抖店: model drafting through a loopback endpoint; a non-compliant answer falls back to templates', async ({
  context,
  demo,
  extPage,
  sw,
}) => {
  void demo;
  const model = await stubModel([
    '亲，非常抱歉给您带来不好的体验，我们已安排为您补发，客服会主动联系您跟进。',
    '亲，追评五星好评就给您返现20元哦',
  ]);
  try {
    const worker = await sw();
    await worker.evaluate(
      (base) =>
        chrome.storage.local.set({
          replyModel: { enabled: true, baseUrl: base, model: 'stub-model', apiKey: 'sk-local' },
        }),
      model.base,
    );
    const page = await context.newPage();
    await page.goto('https://fxg.jinritemai.com/ffa/maftersale/comment');
    await page.getByRole('tab', { name: '差评' }).click();
    await expect(page.locator(GENERATE).first()).toBeAttached({ timeout: 20_000 });

    const panel = await extPage('sidepanel.html?tab=inbox');
    const first = panel.getByTestId('inbox-item').first();
    await first.getByRole('button', { name: 'AI 起草' }).click();
    await expect(first.getByRole('status')).toHaveText('AI 已起草，请检查后保存');
    await expect(first.getByRole('textbox', { name: '回复草稿' })).toHaveValue(/已安排为您补发/);
    const sent = model.bodies[0] as { model: string; messages: { content: string }[] };
    expect(sent.model).toBe('stub-model');
    const reviewText = (await first.locator('.text').first().textContent())!.trim();
    expect(sent.messages[1]!.content).toContain(reviewText.slice(0, 10));
    expect(sent.messages[1]!.content).toContain('店铺话术示例');

    await first.getByRole('button', { name: 'AI 起草' }).click();
    await expect(first.getByRole('status')).toContainText('已改用模板：模型回复未通过合规检查');
    await expect(first.getByTestId('draft-verdict')).not.toHaveText('不合规：不能插入');
  } finally {
    model.server.close();
  }
});
