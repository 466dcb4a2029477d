/**
 * Issue 5 security end to end: a page cannot act through messages shaped like
 * ours, page text shows as text (never markup) in the popup, and the
 * extension makes no network requests of its own.
 */
import type { Page, Request } from 'playwright-core';
import { expect, it } from 'vitest';
import { messageAttack, seedWith } from './pages.ts';
import { describeBrowser, expandAll, layerInfo, pageFile, probe, seedPage, useExtension } from './support.ts';

interface BadgeApi {
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  storage: { sync: { get(keys: null): Promise<Record<string, unknown>> } };
  tabs: { query(q: Record<string, unknown>): Promise<{ id?: number; url?: string }[]> };
}
declare const chrome: BadgeApi;

describeBrowser('security (issue 5)', () => {
  const env = useExtension({
    '/seed': { body: seedPage() },
    '/xss': { body: pageFile('xss.html') },
    '/home': { body: pageFile('home.html') },
  });

  async function storedSettings(): Promise<Record<string, unknown>> {
    const sw = await env.worker();
    return sw.evaluate(() => chrome.storage.sync.get(null));
  }

  async function badgeText(page: Page): Promise<string> {
    const tabId = await env.tabId(page);
    const sw = await env.worker();
    return sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  it("a page's postMessage and runtime messages shaped like ours change nothing", async () => {
    env.server.set('/attack', { body: seedWith(messageAttack(env.extensionId)) });
    const { page, console } = await env.open('/attack');
    const state = await env.analysed(page, (s) => s.status === 'done');
    await expect.poll(async () => (await layerInfo(page)).boxes.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const settingsBefore = await storedSettings();
    await expect.poll(() => badgeText(page)).not.toBe('');
    const badgeBefore = await badgeText(page);

    // Without externally_connectable, pages get no messaging API at all.
    expect(
      await page.evaluate(
        () => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
      ),
    ).toBe('undefined');
    for (let round = 0; round < 3; round++)
      await page.evaluate(() => (window as { __runAttack?: () => void }).__runAttack?.());
    const attack = await page.evaluate(() => (window as { __attack?: { sent: number } }).__attack);
    expect(attack?.sent).toBe(30);
    await page.waitForTimeout(1500);

    const after = await env.state(page);
    expect(after.status).toBe('done');
    if (after.status === 'done' && state.status === 'done') {
      expect(after.highlights).toBe(true);
      expect(after.clutterHidden).toBe(false);
      expect(after.report).toEqual(state.report);
    }
    expect((await layerInfo(page)).boxes.length).toBeGreaterThan(0);
    expect(await storedSettings()).toEqual(settingsBefore);
    expect(await badgeText(page)).toBe(badgeBefore);
    expect(console.fromExtension()).toEqual([]);

    // The same shapes from the extension itself do act: the test above could fail.
    const off = await env.send(page, { type: 'set-highlights', on: false });
    expect(off.status === 'done' && off.highlights).toBe(false);
    await page.close();
  });

  it('shows markup and script from the page as text in the popup, never as elements', async () => {
    const dialogs: string[] = [];
    env.context.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const { page } = await env.open('/xss');
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
    });
    const state = await env.analysed(page, (s) => s.status === 'done');
    if (state.status !== 'done' || !state.report.article) throw new Error('xss page not analysed as an article');
    const { article } = state.report;
    expect(`${article.title} ${article.byline ?? ''}`).toMatch(/<(img|b|script|a)\b/);

    const popup = await env.popupFor(page);
    popup.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
    });
    await expect.poll(() => popup.locator('main[data-state]').getAttribute('data-state')).toBe('article');
    // Expand every collapsed list so all page text is rendered.
    await expandAll(popup);
    await popup.waitForTimeout(300);
    const text = (await popup.locator('main').textContent()) ?? '';
    expect(text).toContain(article.title);
    if (article.byline) expect(text).toContain(article.byline);
    const injected = await popup.evaluate(() => ({
      imgs: document.querySelectorAll('img[src="x"], img[onerror]').length,
      scripts: Array.from(document.scripts).filter((s) => /alert/.test(s.textContent ?? '')).length,
      handlers: document.querySelectorAll(
        '[onerror], [onload], [onmouseover], iframe, svg[onload], a[href^="javascript"]',
      ).length,
      bold: document.querySelectorAll('main b').length,
    }));
    expect(injected).toEqual({ imgs: 0, scripts: 0, handlers: 0, bold: 0 });
    // Flag texts with markup are listed as text too.
    const markedFlags = state.report.flags.filter((flag) => /<\w+/.test(flag.text));
    expect(markedFlags.length).toBeGreaterThan(0);
    for (const flag of markedFlags) {
      const firstWords = flag.text.trim().split(/\s+/).slice(0, 6).join(' ');
      expect(text.replace(/\s+/g, ' '), flag.id).toContain(firstWords);
    }
    // The on-page layer: labels are text as well.
    const layerElements = await probe(page, () => {
      const root = document.querySelector('article-lens-layer')?.shadowRoot;
      return root ? root.querySelectorAll('img, script, svg, iframe, b, a').length : -1;
    });
    expect(layerElements).toBe(0);
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('makes no network requests of its own while analysing pages', async () => {
    const seen: Request[] = [];
    const record = (request: Request) => seen.push(request);
    env.context.on('request', record);
    try {
      for (const path of ['/seed', '/home', '/xss']) {
        const { page } = await env.open(path);
        await env.analysed(page);
        const popup = await env.popupFor(page);
        await expect.poll(() => popup.locator('main[data-state]').getAttribute('data-state')).not.toBe('loading');
        await popup.close();
        await page.close();
      }
      const options = await env.options();
      await options.waitForLoadState('load');
      await options.close();
    } finally {
      env.context.off('request', record);
    }
    expect(seen.length).toBeGreaterThan(0);
    const origin = new URL(env.server.origin).origin;
    const leaving = seen.filter((request) => {
      const url = request.url();
      return !(url.startsWith(`${origin}/`) || url.startsWith('chrome-extension://') || /^(data|blob):/.test(url));
    });
    expect(leaving.map((r) => r.url())).toEqual([]);
    const fromWorker = seen.filter((request) => request.serviceWorker() !== null);
    expect(fromWorker.map((r) => r.url())).toEqual([]);
    const fromExtensionPages = seen.filter((request) => {
      const frameUrl = request.serviceWorker() ? '' : request.frame().url();
      return frameUrl.startsWith('chrome-extension://') && !request.url().startsWith('chrome-extension://');
    });
    expect(fromExtensionPages.map((r) => r.url())).toEqual([]);
    // Every request to the page server is one the test made by opening a page (or the page's own favicon).
    const toServer = seen.filter((request) => request.url().startsWith(origin));
    for (const request of toServer) {
      expect(['/seed', '/home', '/xss', '/favicon.ico']).toContain(new URL(request.url()).pathname);
    }
  });
});
