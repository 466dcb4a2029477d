/**
 * Issue 13 end to end: the page is analysed as a copy in the extension's own
 * document (Chrome: an offscreen document), parsed inert; that document answers
 * only this extension's content scripts; without it the analysis runs in the page
 * and says so.
 */
import { expect, it } from 'vitest';
import { seedWith } from './pages.ts';
import { describeBrowser, layerInfo, seedPage, useExtension } from './support.ts';

declare const chrome: {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    getContexts(filter: { contextTypes: string[] }): Promise<unknown[]>;
  };
  offscreen: { closeDocument(): Promise<void>; createDocument(parameters: unknown): Promise<void> };
};

/** Resources that only a live (not inert) parse of the copy would fetch. */
const INERT_HEAD = [
  '<link rel="stylesheet" href="/inert/style.css">',
  '<script src="/inert/script.js"></script>',
  '<link rel="preload" as="image" href="/inert/preload.png">',
].join('');
const INERT_BODY = [
  '<img src="/inert/picture.png" alt="">',
  '<noscript><img src="/inert/noscript.png" alt=""><link rel="stylesheet" href="/inert/noscript.css"></noscript>',
  '<iframe src="/inert/frame.html"></iframe>',
  '<video poster="/inert/poster.png"></video>',
].join('');
// The live page may fetch nothing either: whatever reaches /inert/ came from a parse of the copy.
const NO_FETCH_CSP = "default-src 'none'; style-src 'unsafe-inline'";

describeBrowser('analysis off the page (issue 13)', () => {
  const env = useExtension({
    '/seed': { body: seedPage() },
    '/inert': { body: seedWith(INERT_HEAD, INERT_BODY), headers: { 'content-security-policy': NO_FETCH_CSP } },
  });

  it('analyses a copy in the offscreen document: same report, highlights drawn on the page', async () => {
    const { page, console } = await env.open('/seed');
    const report = await env.report(page);
    expect(report.notices).not.toContain('analysed-in-page');
    expect(report.flagsDropped).toBe(0);
    expect(report.flags.length).toBeGreaterThan(3);
    await expect.poll(async () => (await layerInfo(page)).boxes.length).toBeGreaterThan(3);
    const sw = await env.worker();
    expect(await sw.evaluate(() => chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }))).toHaveLength(
      1,
    );
    expect(console.fromExtension()).toEqual([]);
    await page.close();
  });

  it('parses the page inert: no script runs and nothing loads in the extension document', async () => {
    const before = env.server.requested.length;
    const { page } = await env.open('/inert');
    const report = await env.report(page);
    expect(report.article?.title).toBeTruthy();
    expect(report.notices).not.toContain('analysed-in-page');
    await page.waitForTimeout(1000);
    // The server saw the page and nothing else: the live page's CSP blocks its own fetches, and the
    // copy (where <noscript> holds elements too) fetched nothing.
    const served = env.server.requested.slice(before).filter((path) => path !== '/favicon.ico');
    expect(served).toEqual(['/inert']);
    await page.close();
  });

  it('the offscreen document answers nobody but a content script in a tab', async () => {
    const { page } = await env.open('/seed');
    await env.report(page);
    const request = {
      type: 'analyze-page',
      html: '<html><body><h1>Forged</h1><p>Text</p></body></html>',
      url: 'https://forged.example/',
      force: true,
      clickbaitThreshold: 0.5,
    };
    // From the service worker (no tab): nobody answers.
    const sw = await env.worker();
    const fromWorker = await sw.evaluate(
      (message) =>
        chrome.runtime.sendMessage(message).then(
          (answer) => answer ?? null,
          (error: Error) => error.message,
        ),
      request,
    );
    expect(JSON.stringify(fromWorker)).not.toContain('Forged');
    // From an extension page open in a tab: nobody answers either.
    const popup = await env.popupFor(page);
    const fromPage = await popup.evaluate(
      (message) =>
        chrome.runtime.sendMessage(message).then(
          (answer) => answer ?? null,
          (error: Error) => error.message,
        ),
      request,
    );
    expect(JSON.stringify(fromPage)).not.toContain('Forged');
    await popup.close();
    await page.close();
  });

  // Last: it takes the offscreen document away for the rest of this browser's life.
  it('without an offscreen document, analyses in the page and says so', async () => {
    const sw = await env.worker();
    await sw.evaluate(async () => {
      await chrome.offscreen.closeDocument().catch(() => {});
      // As an enterprise policy or an old browser would: no document can be had.
      chrome.offscreen.createDocument = () => Promise.reject(new Error('not allowed'));
    });
    const { page, console } = await env.open('/seed');
    const report = await env.report(page);
    expect(report.notices).toContain('analysed-in-page');
    expect(report.flags.length).toBeGreaterThan(3);
    await expect.poll(async () => (await layerInfo(page)).boxes.length).toBeGreaterThan(3);
    const popup = await env.popupFor(page);
    await expect.poll(() => popup.locator('main').textContent()).toContain('in the page');
    await popup.close();
    expect(console.fromExtension()).toEqual([]);
  });
});
