/**
 * Issue 2 end to end: the content script analyses the seed article in real
 * Chromium, the popup (opened for that tab) shows it, a non-article page says
 * so, and a setting changed in the options page reaches the open tab.
 */
import { expect, it } from 'vitest';
import { badgeFor, summaryFor } from '../../utils/messages.ts';
import { DEFAULT_SETTINGS } from '../../utils/settings.ts';
import { describeBrowser, layerInfo, PNG_1X1, pageFile, seedExpected, seedPage, useExtension } from './support.ts';

const expected = seedExpected();

declare const chrome: {
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  storage: { sync: { set(items: Record<string, unknown>): Promise<void>; clear(): Promise<void> } };
};

describeBrowser('foundation (issue 2)', () => {
  const env = useExtension({
    '/news/ww3-fears': { body: seedPage() },
    '/news/ww3-fears-copy': { body: seedPage() },
    '/': { body: pageFile('home.html') },
    '/news/slow': {
      body: seedPage().replace('</article>', '<img src="/slow.png" alt="" width="1" height="1"></article>'),
    },
    '/slow.png': { body: PNG_1X1, type: 'image/png', delayMs: 2500 },
  });

  it('analyses the seed article in idle time after load', async () => {
    const { page, console } = await env.open('/news/ww3-fears');
    const state = await env.analysed(page);
    expect(state.status).toBe('done');
    if (state.status !== 'done') return;
    expect(state.report.url).toBe(env.server.url('/news/ww3-fears'));
    expect(state.report.readerable).toBe(true);
    expect(state.report.article?.title).toBe(expected.article.title);
    expect(state.report.article?.publishedTime?.startsWith(expected.article.publishedTime)).toBe(true);
    expect(state.report.article?.siteName).toBe(expected.article.siteName);
    for (const text of expected.article.textIncludes) expect(state.report.article?.text).toContain(text);
    expect(state.report.article?.readingMinutes).toBeGreaterThan(0);
    expect(console.fromExtension()).toEqual([]);
    await page.close();
  });

  it('waits for the page to finish loading before analysing it', async () => {
    const page = await env.context.newPage();
    const loaded = page.waitForEvent('load');
    await page.goto(env.server.url('/news/slow'), { waitUntil: 'domcontentloaded' });
    const seen: string[] = [];
    const loading = () => page.evaluate(() => document.readyState !== 'complete');
    // While the slow image holds the load event back, the page is not analysed.
    while (await loading()) {
      const answer = await env.state(page).catch(() => null);
      // Count only answers given while the page was still loading (checked after the answer came).
      if (await loading()) seen.push(answer?.status ?? 'no content script yet');
      await page.waitForTimeout(150);
    }
    await loaded;
    expect(seen.length).toBeGreaterThan(3);
    // The content script was there and answering, and it was waiting.
    expect(seen).toContain('idle');
    expect(seen.filter((status) => status === 'done' || status === 'analyzing')).toEqual([]);
    expect((await env.analysed(page)).status).toBe('done');
    await page.close();
  });

  it('shows title, date and reading time in the popup for that tab', async () => {
    const { page } = await env.open('/news/ww3-fears');
    const state = await env.analysed(page);
    const popup = await env.popupFor(page);
    const main = popup.locator('main[data-state]');
    await expect.poll(() => main.getAttribute('data-state'), { timeout: 15_000 }).toBe('article');
    const text = ((await main.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain(expected.article.title);
    expect(text).toMatch(/10 Jun(e)? 2023|June 10, 2023|10\.\s?0?6\.\s?2023|2023-06-10|10\/06\/2023|6\/10\/2023/);
    const minutes = state.status === 'done' ? state.report.article?.readingMinutes : undefined;
    expect(text).toMatch(new RegExp(`${minutes}\\s*min`));
    expect(text).not.toMatch(/Saturday, 10 Jun 2023/);
    await popup.close();
    await page.close();
  });

  it('shows the result on the toolbar badge for that tab and clears it on navigation', async () => {
    const { page } = await env.open('/news/ww3-fears');
    const state = await env.analysed(page);
    if (state.status !== 'done') throw new Error(`seed page ended in ${state.status}`);
    const wanted = badgeFor(summaryFor(state.report, DEFAULT_SETTINGS)).text;
    expect(wanted).not.toBe('');
    const tabId = await env.tabId(page);
    const badge = async () => (await env.worker()).evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    await expect.poll(badge).toBe(wanted);
    await page.goto(env.server.url('/'));
    await expect.poll(badge).toBe('');
    await page.close();
  });

  it('says plainly that a home page is not an article and offers "Analyse anyway"', async () => {
    const { page, console } = await env.open('/');
    const popup = await env.popupFor(page);
    const main = popup.locator('main[data-state]');
    await expect.poll(() => main.getAttribute('data-state'), { timeout: 15_000 }).toBe('not-article');
    const anyway = popup.getByRole('button', { name: /analy[sz]e anyway/i });
    await expect.poll(() => anyway.count()).toBe(1);
    await anyway.click();
    // Forcing it runs the analysis and leaves the popup in a definite, non-error state.
    await expect.poll(() => main.getAttribute('data-state')).toMatch(/^(article|not-article)$/);
    const forced = await env.state(page);
    expect(forced.status).toBe('done');
    if (forced.status === 'done' && forced.report.article) {
      // Treated as an article: the popup shows what was found.
      expect(await main.getAttribute('data-state')).toBe('article');
      expect(await main.textContent()).toContain(forced.report.article.title);
    }
    expect(console.fromExtension()).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('applies a site setting from the options page to an open tab without reload', async () => {
    const { page } = await env.open('/news/ww3-fears-copy');
    expect((await env.analysed(page)).status).toBe('done');
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    const options = await env.options();
    const siteInput = options.getByRole('textbox', { name: /site|host|domain/i }).first();
    await siteInput.fill('127.0.0.1');
    await siteInput.press('Enter');
    await expect.poll(() => options.getByText('127.0.0.1', { exact: true }).count()).toBeGreaterThan(0);
    await expect.poll(async () => (await env.state(page)).status, { timeout: 10_000 }).toBe('disabled-site');
    expect(navigations).toEqual([]);
    // And back: removing the site brings the analysis back, still without reload.
    await options.getByRole('button', { name: /remove.*127\.0\.0\.1|127\.0\.0\.1.*remove/i }).click();
    await expect.poll(async () => (await env.state(page)).status, { timeout: 10_000 }).toBe('done');
    expect(navigations).toEqual([]);
    await options.close();
    await page.close();
  });

  it('applies kinds and highlight style from the options page to an open tab live', async () => {
    const { page } = await env.open('/news/ww3-fears');
    await env.analysed(page);
    const kinds = async () => (await layerInfo(page)).boxes.map((box) => box.kind);
    await expect.poll(async () => (await kinds()).includes('related')).toBe(true);
    const options = await env.options();
    const related = options.getByRole('checkbox', { name: /related links/i });
    await related.uncheck();
    await expect.poll(async () => (await kinds()).includes('related')).toBe(false);
    expect(await kinds()).toContain('boilerplate');
    await related.check();
    await expect.poll(async () => (await kinds()).includes('related')).toBe(true);

    // Underline style: a bottom border instead of an outline.
    const styles = async () => (await layerInfo(page)).boxes.map((box) => box.outline);
    expect((await styles()).every((style) => style.startsWith('solid'))).toBe(true);
    await options.getByRole('radio', { name: /underline/i }).check();
    await expect.poll(async () => (await styles()).every((style) => /^none \S+ solid/.test(style))).toBe(true);
    await options.getByRole('radio', { name: /outline/i }).check();
    await expect.poll(async () => (await styles()).every((style) => style.startsWith('solid'))).toBe(true);
    await options.close();
    await page.close();
  });

  it('falls back field by field from a corrupt stored settings value', async () => {
    const sw = await env.worker();
    await sw.evaluate(async () => {
      await chrome.storage.sync.set({
        settings: {
          autoAnalyze: 'yes',
          showKinds: { clickbait: 'no', boilerplate: false, related: 7 },
          clickbaitSensitivity: 'very high',
          disabledSites: [42, null, '%%%', ...Array.from({ length: 150 }, (_, i) => `junk ${i} !!`)],
          highlightStyle: '<script>alert(1)</script>',
          highlightPageChrome: { nested: true },
          unknownKey: 'x'.repeat(500),
        },
      });
    });
    try {
      const { page, console } = await env.open('/news/ww3-fears-copy');
      // autoAnalyze fell back to on: the page is analysed by itself.
      const state = await env.analysed(page);
      expect(state.status).toBe('done');
      // The one valid field (boilerplate off) holds; the broken ones took their defaults.
      await expect.poll(async () => (await layerInfo(page)).boxes.some((box) => box.kind === 'related')).toBe(true);
      expect((await layerInfo(page)).boxes.filter((box) => box.kind === 'boilerplate')).toEqual([]);
      const options = await env.options();
      await expect.poll(() => options.getByRole('slider', { name: /sensitiv/i }).inputValue()).toBe('50');
      expect(await options.getByRole('checkbox', { name: /boilerplate/i }).isChecked()).toBe(false);
      expect(await options.getByRole('checkbox', { name: /related links/i }).isChecked()).toBe(true);
      expect(await options.getByRole('radio', { name: /outline/i }).isChecked()).toBe(true);
      expect(console.fromExtension()).toEqual([]);
      await options.close();
      await page.close();
    } finally {
      await sw.evaluate(() => chrome.storage.sync.clear());
    }
  });

  it('explains, instead of failing, on pages where extensions cannot run', async () => {
    for (const url of ['chrome://version/', 'about:blank']) {
      const page = await env.context.newPage();
      await page.goto(url);
      const popup = await env.popupFor(page);
      const main = popup.locator('main[data-state]');
      await expect.poll(() => main.getAttribute('data-state'), { timeout: 15_000 }).toBe('unsupported');
      const text = (await main.textContent()) ?? '';
      expect(text, url).toMatch(/can.t run|browser/i);
      expect(await popup.getByRole('alert').count(), url).toBe(0);
      await popup.close();
      await page.close();
    }
  });
});
