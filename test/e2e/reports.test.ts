/**
 * Where the tab's report lives: the background keeps the latest one per tab
 * (in storage.session, so a stopped service worker loses nothing), the popup
 * reads it there, a new page replaces it and a closed tab drops it.
 */
import type { Page, Worker } from 'playwright-core';
import { expect, it } from 'vitest';
import type { PageReport } from '../../utils/report.ts';
import { describeBrowser, pageFile, seedExpected, seedPage, useExtension } from './support.ts';

declare const chrome: {
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

/** The report the background keeps for a tab, read from the browser's session area. */
async function keptReport(worker: Worker, tabId: number): Promise<PageReport | null> {
  return worker.evaluate(async (key) => {
    const items = await chrome.storage.session.get(key);
    return (items[key] as PageReport | undefined) ?? null;
  }, `report:${tabId}`);
}

describeBrowser('the tab reports the background keeps', () => {
  const env = useExtension({
    '/seed': { body: seedPage() },
    '/other': { body: seedPage() },
    '/spa/one': { body: pageFile('spa.html') },
    '/spa/two': { body: pageFile('spa.html') },
  });

  async function popupTitle(popup: Page): Promise<string> {
    const title = popup.locator('#article-title');
    await title.waitFor({ timeout: 15_000 });
    return (await title.textContent()) ?? '';
  }

  it('a new page replaces the old report (full load and single-page navigation); a closed tab drops it', async () => {
    await env.setSettings({ autoAnalyze: true });
    const { page } = await env.open('/spa/one');
    await env.analysed(page, (s) => s.status === 'done');
    const tabId = await env.tabId(page);
    const worker = await env.worker();
    await expect.poll(async () => (await keptReport(worker, tabId))?.url).toBe(env.server.url('/spa/one'));

    await page.click('#next');
    await expect
      .poll(async () => (await keptReport(worker, tabId))?.article?.title, { timeout: 20_000 })
      .toBe('Orchard harvest best in a decade');
    expect((await keptReport(worker, tabId))?.url).toBe(env.server.url('/spa/two'));
    const popup = await env.popupFor(page);
    expect(await popupTitle(popup)).toBe('Orchard harvest best in a decade');
    await popup.close();

    await page.goto(env.server.url('/other'), { waitUntil: 'load' });
    await expect
      .poll(async () => (await keptReport(worker, tabId))?.url, { timeout: 20_000 })
      .toBe(env.server.url('/other'));

    await page.close();
    await expect.poll(async () => keptReport(worker, tabId)).toBeNull();
  });

  // Last in the file: Playwright keeps the stopped worker's handle, so nothing after this uses env.worker().
  it('keeps the seed report for its tab; the popup shows it, also after the service worker was stopped', async () => {
    const { page } = await env.open('/seed');
    const report = await env.report(page);
    const tabId = await env.tabId(page);
    const worker = await env.worker();
    await expect.poll(async () => (await keptReport(worker, tabId))?.article?.title).toBe(seedExpected().article.title);

    // Stop the extension's service worker (DevTools' "stop"), as Chrome does to an idle one, through
    // the ServiceWorker domain of an extension page, which sees the extension's origin.
    const options = await env.options();
    const cdp = await env.context.newCDPSession(options);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      for (const version of event.versions) {
        if (version.scriptURL.endsWith('/background.js')) statuses.push(version.runningStatus);
      }
    });
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => statuses.at(-1)).toBe('running');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => statuses.at(-1)).toBe('stopped');

    // A fresh worker, nothing in its memory: it answers get-report from the session area (asked from
    // an extension page, as the popup does; the popup's fallback to the tab is not involved).
    const answer = (await options.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'get-report', tabId: id }),
      tabId,
    )) as { ok: boolean; report: PageReport | null };
    expect(answer.ok && answer.report?.article?.title).toBe(report.article?.title);
    expect(statuses.slice(statuses.lastIndexOf('stopped'))).toContain('running');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => statuses.at(-1)).toBe('stopped');

    // The popup for that tab, the worker stopped again: the card as before.
    const popup = await env.context.newPage();
    await popup.goto(`chrome-extension://${env.extensionId}/popup.html?tab=${tabId}`);
    expect(await popupTitle(popup)).toBe(report.article?.title);
    await expect.poll(() => popup.locator('main').getAttribute('data-state')).toBe('article');
    expect(statuses.slice(statuses.lastIndexOf('stopped'))).toContain('running');
    // The summary is made in the popup when read: the kept report has none.
    const kept = await popup.evaluate(
      async (key) => (await chrome.storage.session.get(key))[key] as PageReport,
      `report:${tabId}`,
    );
    expect(kept.summary).toEqual([]);
    await expect.poll(() => popup.locator('#summary-heading').count()).toBe(1);
    await cdp.detach();
    await options.close();
    await popup.close();
    await page.close();
  });
});
