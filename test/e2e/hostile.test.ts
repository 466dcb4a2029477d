/**
 * Issue 5 end to end: hostile pages. For each one the page's own behaviour is
 * unchanged, no error from the extension reaches the page's console,
 * highlights can be turned off leaving the DOM as it was, and the popup gives
 * a sensible state. Auto-analysis is off in this file so each test can read the
 * untouched DOM first and then ask for the analysis.
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { TabState } from '../../utils/messages.ts';
import { DOM_CLOBBERING, hugePage, LAYER_REMOVER, LAYER_RESTYLER, PROTOTYPE_OVERRIDES, seedWith } from './pages.ts';
import {
  type ConsoleWatch,
  describeBrowser,
  layerInfo,
  PNG_1X1,
  pageFile,
  probe,
  seedPage,
  serializedDom,
  TINY_PDF,
  useExtension,
} from './support.ts';

const STRICT_CSP = "default-src 'none'; script-src 'none'; style-src 'none'; img-src 'none'; frame-ancestors 'none'";
const HUGE = hugePage(100_000);

describeBrowser('hostile pages (issue 5)', () => {
  const env = useExtension({
    '/csp': { body: seedPage(), headers: { 'content-security-policy': STRICT_CSP } },
    '/prototypes': { body: seedWith(PROTOTYPE_OVERRIDES) },
    '/clobber': { body: seedWith('', DOM_CLOBBERING) },
    '/remover': { body: seedWith(LAYER_REMOVER) },
    '/restyler': { body: seedWith(LAYER_RESTYLER) },
    '/spa/one': { body: pageFile('spa.html') },
    '/spa/two': { body: pageFile('spa.html') },
    '/frames': { body: pageFile('frames.html') },
    '/frame-child.html': { body: pageFile('frame-child.html') },
    '/huge': { body: HUGE },
    '/huger': { body: hugePage(260_000) },
    '/plain.txt': {
      body: 'WW3 fears as Russia claims US weapons were used\n\nPlain text, not HTML. <script>alert(1)</script>\n',
      type: 'text/plain; charset=utf-8',
    },
    '/image.png': { body: PNG_1X1, type: 'image/png' },
    '/doc.pdf': { body: TINY_PDF, type: 'application/pdf' },
  });

  beforeAll(async () => {
    await env.setSettings({ autoAnalyze: false });
  });

  async function popupState(page: Page): Promise<string> {
    const popup = await env.popupFor(page);
    const main = popup.locator('main[data-state]');
    await expect.poll(() => main.getAttribute('data-state'), { timeout: 15_000 }).not.toBe('loading');
    const state = (await main.getAttribute('data-state')) ?? '';
    // Whatever the state, the popup explains itself in words.
    expect(((await main.textContent()) ?? '').trim().length).toBeGreaterThan(20);
    await popup.close();
    return state;
  }

  /** Where the content script runs on a non-HTML document, it says so instead of analysing. */
  async function expectNotHtml(page: Page) {
    const state = await env.analysed(page, (s) => s.status === 'done' || s.status === 'error');
    expect(state.status === 'done' && state.report.notices).toContain('not-html');
    expect(state.status === 'done' && state.report.flags).toEqual([]);
  }

  /**
   * The common hostile-page checks: untouched DOM read first, analysis asked
   * for, highlights drawn, then switched off leaving the DOM as before.
   */
  async function analyseAndRoundTrip(page: Page, console: ConsoleWatch, options: { expectBoxes?: boolean } = {}) {
    await page.waitForTimeout(500);
    const before = await serializedDom(page);
    const initial = await env.state(page);
    expect(initial.status).toBe('idle');
    await env.send(page, { type: 'analyze', force: true });
    const state = await env.analysed(page, (s) => s.status === 'done' || s.status === 'error');
    expect(state.status, JSON.stringify(state).slice(0, 300)).toBe('done');
    if (options.expectBoxes !== false) {
      await expect.poll(async () => (await layerInfo(page)).boxes.length, { timeout: 10_000 }).toBeGreaterThan(0);
    }
    await env.send(page, { type: 'set-highlights', on: false });
    await expect.poll(async () => (await layerInfo(page)).hosts).toBe(0);
    expect(await serializedDom(page)).toBe(before);
    expect(console.fromExtension()).toEqual([]);
    return state as Extract<TabState, { status: 'done' }>;
  }

  it('strict CSP page: analysed, highlighted, restored, no CSP errors from the extension', async () => {
    const { page, console } = await env.open('/csp');
    const state = await analyseAndRoundTrip(page, console);
    expect(state.report.article?.title).toContain('WW3 fears');
    expect(await popupState(page)).toBe('article');
  });

  it('page that overrides built-ins, DOM prototypes and globals', async () => {
    const { page, console } = await env.open('/prototypes');
    expect(await probe(page, () => document.title.length > 0)).toBe(true);
    const state = await analyseAndRoundTrip(page, console);
    expect(state.report.article?.title).toContain('WW3 fears');
    expect(state.report.flags.length).toBeGreaterThan(0);
    // The page's overrides are still in place and still its own.
    expect(
      await page.evaluate(() => [
        JSON.stringify({ a: 1 }),
        (window as { __hostile?: { ran: boolean } }).__hostile?.ran,
      ]),
    ).toEqual(['"hijacked"', true]);
    expect(await popupState(page)).toBe('article');
    expect(console.exceptions()).toEqual([]);
  });

  it('page whose named elements clobber document and form properties', async () => {
    const { page, console } = await env.open('/clobber');
    // In the page's world the named elements shadow document methods (the content script's world is spared).
    const clobbered = await page.evaluate(() => [typeof document.querySelector, typeof document.getElementById]);
    expect(clobbered).toEqual(['object', 'object']);
    await page.waitForTimeout(300);
    await env.send(page, { type: 'analyze', force: true });
    const state = await env.analysed(page, (s) => s.status === 'done' || s.status === 'error');
    // Either a full analysis or a clear error: never a hang, never an uncaught error.
    expect(['done', 'error']).toContain(state.status);
    await env.send(page, { type: 'set-highlights', on: false });
    await expect.poll(async () => (await layerInfo(page)).hosts).toBe(0);
    expect(['article', 'error']).toContain(await popupState(page));
    expect(console.fromExtension()).toEqual([]);
  });

  it('page that hides and removes the extension layer: bounded fight, no errors, DOM restored', async () => {
    const { page, console } = await env.open('/remover');
    await page.waitForTimeout(500);
    const before = await serializedDom(page);
    await env.send(page, { type: 'analyze', force: true });
    await env.analysed(page, (s) => s.status === 'done');
    await page.waitForTimeout(2000);
    const removals = await page.evaluate(() => (window as { __removals?: number }).__removals ?? 0);
    // The extension may re-attach a few times but must not loop against the page.
    expect(removals).toBeLessThanOrEqual(40);
    const removalsLater = await page.evaluate(async () => {
      await new Promise((r) => setTimeout(r, 1000));
      return (window as { __removals?: number }).__removals ?? 0;
    });
    expect(removalsLater - removals).toBeLessThanOrEqual(2);
    // The content script still answers and obeys.
    expect((await env.state(page)).status).toBe('done');
    await env.send(page, { type: 'set-highlights', on: false });
    await expect.poll(async () => (await layerInfo(page)).hosts).toBe(0);
    expect(await serializedDom(page)).toBe(before);
    expect(await popupState(page)).toBe('article');
    expect(console.fromExtension()).toEqual([]);
    expect(console.exceptions()).toEqual([]);
  });

  it('page whose CSS targets the extension layer: boxes still drawn and styled', async () => {
    const { page, console } = await env.open('/restyler');
    const state = await analyseAndRoundTrip(page, console);
    expect(state.report.flags.length).toBeGreaterThan(0);
    await env.send(page, { type: 'set-highlights', on: true });
    await expect.poll(async () => (await layerInfo(page)).boxes.filter((box) => box.visible).length).toBeGreaterThan(0);
    const info = await layerInfo(page);
    const visible = info.boxes.filter((box) => box.visible);
    expect(visible.every((box) => box.outline.startsWith('solid'))).toBe(true);
    // The legend is on screen too, with its counts.
    expect(Object.keys(info.legendCounts).length).toBe(3);
    const hostVisible = await probe(page, () => {
      const host = document.querySelector('article-lens-layer');
      return host ? host.checkVisibility({ opacityProperty: true, visibilityProperty: true }) : false;
    });
    expect(hostVisible).toBe(true);
  });

  it('single-page app: a fresh analysis after history.pushState, infinite scroll keeps working', async () => {
    await env.setSettings({ autoAnalyze: true });
    try {
      const { page, console } = await env.open('/spa/one');
      const first = await env.analysed(page, (s) => s.status === 'done');
      expect(first.status === 'done' && first.report.article?.title).toBe('Harbour reopens after storm repairs');
      await page.click('#next');
      expect(page.url()).toBe(env.server.url('/spa/two'));
      const second = await env.analysed(
        page,
        (s) => s.status === 'done' && s.report.article?.title === 'Orchard harvest best in a decade',
        20_000,
      );
      expect(second.status === 'done' && second.report.url).toBe(env.server.url('/spa/two'));
      expect(second.status === 'done' && second.report.article?.text).toContain('Apple growers in the valley');
      // Back through popstate: the first story again.
      await page.goBack();
      await env.analysed(
        page,
        (s) => s.status === 'done' && s.report.article?.title === 'Harbour reopens after storm repairs',
        20_000,
      );
      // Infinite scroll: the page keeps appending, the extension keeps answering.
      for (let i = 0; i < 5; i++) {
        await page.mouse.wheel(0, 5000);
        await page.waitForTimeout(150);
      }
      await page.evaluate(() => (window as { loadMore?: () => void }).loadMore?.());
      const pageState = await page.evaluate(
        () => (window as { __pageState?: { renders: number; scrolls: number } }).__pageState,
      );
      expect(pageState?.renders).toBe(3);
      expect(pageState?.scrolls).toBeGreaterThanOrEqual(2);
      expect(await page.locator('ul.feed-batch li').count()).toBe((pageState?.scrolls ?? 0) * 5);
      expect((await env.state(page)).status).toMatch(/^(done|analyzing)$/);
      expect(await popupState(page)).toBe('article');
      expect(console.fromExtension()).toEqual([]);
      expect(console.exceptions()).toEqual([]);
    } finally {
      await env.setSettings({ autoAnalyze: false });
    }
  });

  it('page with iframes and shadow roots: frames and shadow content untouched', async () => {
    const { page, console } = await env.open('/frames');
    const frameText = () =>
      Promise.all([
        page.frameLocator('#same').locator('body').innerHTML(),
        page.frameLocator('#srcdoc').locator('body').innerHTML(),
        page.evaluate(() => document.getElementById('shadow-host')?.shadowRoot?.innerHTML ?? ''),
      ]);
    const framesBefore = await frameText();
    const state = await analyseAndRoundTrip(page, console, { expectBoxes: false });
    expect(state.report.article?.title).toBe('Bridge closure extended for safety checks');
    expect(await frameText()).toEqual(framesBefore);
    expect(await popupState(page)).toBe('article');
    expect(console.exceptions()).toEqual([]);
  });

  it('page of 100,000 elements: analysed off the page, no long task on it, tab stays responsive', async () => {
    const { page, console } = await env.open('/huge');
    expect(await probe(page, () => document.getElementsByTagName('*').length)).toBeGreaterThan(100_000);
    const before = await serializedDom(page);
    // Long tasks (over 50 ms) on the page's main thread while the analysis runs.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as { __longTasks?: number[] }).__longTasks = seen;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) seen.push(entry.duration);
      }).observe({ type: 'longtask' });
    });
    const sent = env.send(page, { type: 'analyze', force: true });
    const roundTrips: number[] = [];
    const until = Date.now() + 4000;
    while (Date.now() < until) {
      const start = performance.now();
      await page.evaluate(() => 1);
      roundTrips.push(performance.now() - start);
      await page.waitForTimeout(50);
    }
    await sent;
    const state = await env.analysed(page, (s) => s.status === 'done' || s.status === 'error', 30_000);
    expect(state.status).toBe('done');
    if (state.status === 'done') {
      expect(state.report.notices).not.toContain('page-too-large');
      expect(state.report.notices).not.toContain('analysed-in-page');
      expect(state.report.article?.title).toBeTruthy();
    }
    const longTasks = await page.evaluate(() => (window as { __longTasks?: number[] }).__longTasks ?? []);
    process.stderr.write(`100,000-element page: long tasks on the page ${JSON.stringify(longTasks.map(Math.round))}\n`);
    // The target is none over 50 ms (the bench's trace measures it); under a loaded test machine, a guard:
    // an analysis on the page's thread takes seconds.
    expect(Math.max(0, ...longTasks)).toBeLessThan(250);
    const worst = Math.max(...roundTrips);
    // One evaluate round trip normally takes a few ms; a frozen tab takes seconds.
    expect(worst, `slowest round trip ${worst.toFixed(0)} ms`).toBeLessThan(1000);
    const clicks = await page.evaluate(() => {
      document.body.click();
      return (window as { __clicks?: number }).__clicks;
    });
    expect(clicks).toBe(1);
    expect(await popupState(page)).not.toBe('too-large');
    await env.send(page, { type: 'set-highlights', on: false });
    expect(await serializedDom(page)).toBe(before);
    expect(console.fromExtension()).toEqual([]);
  });

  it('page above the bound (260,000 elements): not sent, "too large" in the popup', async () => {
    const { page, console } = await env.open('/huger');
    const sent = env.send(page, { type: 'analyze', force: true });
    await sent;
    const state = await env.analysed(page, (s) => s.status === 'done' || s.status === 'error', 30_000);
    expect(state.status === 'done' && state.report.notices).toContain('page-too-large');
    expect(await popupState(page)).toBe('too-large');
    expect(console.fromExtension()).toEqual([]);
  });

  it.each([
    ['plain text page', '/plain.txt'],
    ['image', '/image.png'],
  ])('%s: the popup explains it is a document, nothing added to the page', async (_name, path) => {
    const { page, console } = await env.open(path);
    const before = await serializedDom(page);
    expect(await popupState(page)).toBe('unsupported');
    await expectNotHtml(page);
    expect((await layerInfo(page)).hosts).toBe(0);
    expect(await serializedDom(page)).toBe(before);
    expect(console.fromExtension()).toEqual([]);
  });

  it('PDF: the popup explains that the viewer cannot be read, or that it is not an article', async () => {
    const page = await env.context.newPage();
    // Headless Chromium may download a PDF instead of showing it; either way the tab is not an article.
    await page.goto(env.server.url('/doc.pdf')).catch(() => undefined);
    await page.waitForTimeout(500);
    expect(['not-article', 'unsupported']).toContain(await popupState(page));
    await page.close();
  });
});
