/**
 * The parts of the benchmark that need the real extension loaded: the
 * main-thread cost of turning highlights on for a page with many flags, and
 * the popup's time to first render against a blank extension page.
 */
import type { BrowserContext, Page } from 'playwright-core';
import {
  type LaunchedBrowser,
  launchWithExtension,
  sendToTab,
  servePages,
  tabIdOf,
  waitForAnalysis,
} from '../browser/harness.ts';
import { median } from './corpus.ts';

export interface HighlightCost {
  flags: number;
  runs: number;
  /** Longest main-thread block (ms) while turning highlights on: median over runs, and worst run. */
  longestBlockOnMs: number;
  longestBlockOnMaxMs: number;
  longestBlockOffMs: number;
  /** The same measure with nothing happening: the noise floor. */
  idleGapMs: number;
  /** Longest renderer main-thread task in a trace while turning highlights on (median of runs): wall and CPU time. */
  longestTaskOnMs: number;
  longestTaskOnCpuMs: number;
  longestTaskOffCpuMs: number;
  /** Long tasks the page's own PerformanceObserver saw (it does not see content-script tasks). */
  longTasksReported: number;
  /** Round trip of the set-highlights message, as seen from the service worker (ms). */
  roundTripOnMs: number;
}

export interface PopupRender {
  runs: number;
  /** Median first contentful paint of popup.html?tab=<id> (ms from navigation start). */
  popupFcpMs: number;
  /** Median time until the popup shows the tab's state (a [data-state] other than loading), or null if it never did. */
  popupReadyMs: number | null;
  /** Median first contentful paint of a blank extension page (manifest.json). */
  blankFcpMs: number;
  fcpRatio: number;
  readyRatio: number | null;
}

const TEASERS = [
  'You won’t believe what this city did with its old bus depot',
  'Ten things nobody tells you about moving to the coast',
  'Council approves new budget for road repairs',
  'This simple trick cut our energy bill in half',
  'Local school wins national robotics prize',
  'Doctors hate this one weird habit',
];

/** An article with 60+ blocks of clutter: related lists, newsletter boxes, share bars, teasers. */
export function manyFlagsPage(blocks = 24): string {
  const paragraph = (i: number) =>
    `<p>Paragraph ${i} of the report. The regional transport authority said on Tuesday that the new timetable ` +
    'would add evening services on three lines, after a year of complaints from commuters about gaps between ' +
    'trains. Officials expect the change to cost about four million a year, paid from the existing budget.</p>';
  const related = (i: number) =>
    `<aside class="related-articles"><h3>Related stories</h3><ul>${TEASERS.map(
      (t, j) => `<li><a href="/news/story-${i}-${j}">${t}</a></li>`,
    ).join('')}</ul></aside>`;
  const newsletter = (i: number) =>
    `<div class="newsletter-signup" id="nl-${i}"><p>Sign up for our daily newsletter and never miss a story.</p>` +
    '<form><input type="email" placeholder="Your email address"><button>Subscribe</button></form></div>';
  const share = (i: number) =>
    `<div class="share-buttons social-share" id="share-${i}"><span>Share this article</span> ` +
    '<a href="/share/facebook">Facebook</a> <a href="/share/twitter">Twitter</a> <a href="/share/email">Email</a></div>';
  const body: string[] = [];
  for (let i = 0; i < blocks; i++) {
    body.push(paragraph(i), paragraph(i + 0.5));
    body.push(i % 3 === 0 ? related(i) : i % 3 === 1 ? newsletter(i) : share(i));
  }
  const sidebar = Array.from({ length: blocks }, (_, i) =>
    i % 2 ? related(100 + i) : `<div class="promo-box"><a href="/promo/${i}">${TEASERS[i % TEASERS.length]}</a></div>`,
  ).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Transport authority adds evening trains after commuter complaints | Example News</title>
<meta property="og:site_name" content="Example News"><meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2024-03-05T08:00:00Z"></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>Transport authority adds evening trains after commuter complaints</h1>
<p class="byline">By Jane Reporter</p>${body.join('\n')}</article>
<div class="sidebar">${sidebar}</div></main>
<footer><p>© Example News. All rights reserved.</p><a href="/privacy">Privacy</a></footer></body></html>`;
}

/**
 * Main-thread watch in the page: a MessageChannel heartbeat (the largest gap
 * between beats is the longest time the thread was blocked, whatever world or
 * rendering step blocked it: content-script work is not reported to the page's
 * longtask observer), plus the page's own longtask entries for reference.
 */
async function watchMainThread(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as {
      __lens: { gap: number; tasks: number[]; halted: boolean; channel: MessageChannel };
    };
    const channel = new MessageChannel();
    w.__lens = { gap: 0, tasks: [], halted: false, channel };
    let last = performance.now();
    channel.port1.onmessage = () => {
      const now = performance.now();
      w.__lens.gap = Math.max(w.__lens.gap, now - last);
      last = now;
      if (!w.__lens.halted) channel.port2.postMessage(0);
    };
    channel.port2.postMessage(0);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__lens.tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
}

/** Waits for the work (and the frames after it) to finish, then takes and resets the figures. */
async function takeWatch(page: Page, halt = false): Promise<{ gap: number; tasks: number[] }> {
  await page.evaluate(() => new Promise((done) => setTimeout(() => requestAnimationFrame(() => done(null)), 600)));
  return page.evaluate((stop) => {
    const w = window as unknown as { __lens: { gap: number; tasks: number[]; halted: boolean } };
    const taken = { gap: w.__lens.gap, tasks: w.__lens.tasks };
    w.__lens.gap = 0;
    w.__lens.tasks = [];
    w.__lens.halted = stop;
    return taken;
  }, halt);
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: {
    name?: string;
    data?: { frames?: { url?: string; processId?: number }[]; url?: string; processId?: number };
  };
}

/**
 * Records a Chromium trace of `run` and returns the longest main-thread task of
 * any renderer, as wall time and as the thread's own CPU time (which, unlike
 * wall time, does not grow when other processes take the CPU).
 */
async function longestRendererTask(
  context: BrowserContext,
  page: Page,
  run: () => Promise<void>,
  /** Only the renderer showing this URL (else every renderer, extension documents included). */
  onlyUrl?: string,
): Promise<{ wallMs: number; cpuMs: number }> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: ['toplevel', 'disabled-by-default-devtools.timeline', '__metadata'] },
      transferMode: 'ReturnAsStream',
    });
    const start = performance.now();
    await run();
    const windowUs = (performance.now() - start) * 1000;
    const complete = new Promise<string>((done) =>
      cdp.once('Tracing.tracingComplete', (event: { stream?: string }) => done(event.stream ?? '')),
    );
    await cdp.send('Tracing.end');
    const stream = await complete;
    let text = '';
    for (;;) {
      const chunk = (await cdp.send('IO.read', { handle: stream })) as {
        data: string;
        eof: boolean;
        base64Encoded?: boolean;
      };
      text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
      if (chunk.eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
    const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
    const pagePids = new Set<number>();
    if (onlyUrl) {
      for (const event of events) {
        const data = event.args?.data;
        for (const frame of [...(data?.frames ?? []), ...(data?.url ? [data] : [])]) {
          if (frame.url?.startsWith(onlyUrl) && typeof frame.processId === 'number') pagePids.add(frame.processId);
        }
      }
    }
    const mainThreads = new Set(
      events
        .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
        .filter((event) => pagePids.size === 0 || pagePids.has(event.pid))
        .map((event) => `${event.pid}:${event.tid}`),
    );
    const tasks = events.filter(
      (event) => event.name === 'RunTask' && event.ph === 'X' && mainThreads.has(`${event.pid}:${event.tid}`),
    );
    const lastTs = Math.max(0, ...tasks.map((event) => event.ts));
    // Only the tasks of the measured window (the trace can hold a little before it).
    const inWindow = tasks.filter((event) => event.ts >= lastTs - windowUs - 1000);
    return {
      wallMs: Math.max(0, ...inWindow.map((event) => (event.dur ?? 0) / 1000)),
      // CPU time cannot exceed wall time; Chromium's thread clock sometimes says it does (idle wake-ups).
      cpuMs: Math.max(0, ...inWindow.map((event) => Math.min(event.dur ?? 0, event.tdur ?? 0) / 1000)),
    };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export async function highlightCost(browser: LaunchedBrowser, runs = 3, blocks = 24): Promise<HighlightCost> {
  const server = await servePages({ '/many-flags.html': { body: manyFlagsPage(blocks) } });
  const page = await browser.context.newPage();
  try {
    await page.goto(server.url('/many-flags.html'));
    const worker = await browser.worker();
    const tabId = await tabIdOf(worker, page);
    const state = await waitForAnalysis(worker, tabId, { timeout: 30_000 });
    if (state.status !== 'done') throw new Error(`analysis ended as ${state.status}`);
    const flags = state.report.flags.length;
    await sendToTab(worker, tabId, { type: 'set-highlights', on: false });
    await watchMainThread(page);
    await takeWatch(page);
    const idle = await takeWatch(page);
    const on: number[] = [];
    const off: number[] = [];
    const trips: number[] = [];
    const taskWall: number[] = [];
    const taskCpu: number[] = [];
    const offCpu: number[] = [];
    let longTasksReported = 0;
    for (let i = 0; i < runs; i++) {
      let turnedOn = { gap: 0, tasks: [] as number[] };
      const traced = await longestRendererTask(browser.context, page, async () => {
        const start = Date.now();
        const answer = await sendToTab(worker, tabId, { type: 'set-highlights', on: true });
        trips.push(Date.now() - start);
        if (!answer.ok) throw new Error(`set-highlights failed: ${answer.error}`);
        turnedOn = await takeWatch(page);
      });
      taskWall.push(traced.wallMs);
      taskCpu.push(traced.cpuMs);
      on.push(turnedOn.gap);
      longTasksReported += turnedOn.tasks.length;
      let turnedOff = { gap: 0, tasks: [] as number[] };
      const tracedOff = await longestRendererTask(browser.context, page, async () => {
        await sendToTab(worker, tabId, { type: 'set-highlights', on: false });
        turnedOff = await takeWatch(page, i === runs - 1);
      });
      offCpu.push(tracedOff.cpuMs);
      off.push(turnedOff.gap);
    }
    return {
      flags,
      runs,
      longestBlockOnMs: round1(median(on)),
      longestBlockOnMaxMs: round1(Math.max(...on)),
      longestBlockOffMs: round1(median(off)),
      idleGapMs: round1(idle.gap),
      longestTaskOnMs: round1(median(taskWall)),
      longestTaskOnCpuMs: round1(median(taskCpu)),
      longestTaskOffCpuMs: round1(median(offCpu)),
      longTasksReported,
      roundTripOnMs: median(trips),
    };
  } finally {
    await page.close();
    await server.close();
  }
}

const round1 = (value: number) => Math.round(value * 10) / 10;

async function paintTimes(page: Page, readySelector: string | null): Promise<{ fcp: number; ready: number | null }> {
  return page.evaluate(async (selector) => {
    const fcp = await new Promise<number>((done) => {
      const seen = performance.getEntriesByName('first-contentful-paint')[0];
      if (seen) return done(seen.startTime);
      new PerformanceObserver((list) => done(list.getEntries()[0]?.startTime ?? Number.NaN)).observe({
        type: 'paint',
        buffered: true,
      });
      setTimeout(() => done(Number.NaN), 5000);
    });
    if (!selector) return { fcp, ready: null };
    const ready = await new Promise<number | null>((done) => {
      const deadline = performance.now() + 10_000;
      const poll = () => {
        if (document.querySelector(selector)) return done(performance.now());
        if (performance.now() > deadline) return done(null);
        requestAnimationFrame(poll);
      };
      poll();
    });
    return { fcp, ready };
  }, readySelector);
}

/** Opens popup.html?tab=<id> and a blank extension page `runs` times each, alternating. */
export async function popupRender(browser: LaunchedBrowser, runs = 7): Promise<PopupRender> {
  const server = await servePages({ '/article.html': { body: manyFlagsPage(6) } });
  const article = await browser.context.newPage();
  try {
    await article.goto(server.url('/article.html'));
    const worker = await browser.worker();
    const tabId = await tabIdOf(worker, article);
    await waitForAnalysis(worker, tabId, { timeout: 30_000 }).catch(() => null);
    const base = `chrome-extension://${browser.extensionId}`;
    const popup = { fcp: [] as number[], ready: [] as number[] };
    const blank: number[] = [];
    // One unmeasured round first, so both start from a warm cache.
    for (let i = -1; i < runs; i++) {
      const p = await browser.context.newPage();
      await p.goto(`${base}/popup.html?tab=${tabId}`);
      // Ready: the popup shows the tab's state (article, not an article, …), not its loading view.
      const times = await paintTimes(p, '[data-state]:not([data-state="loading"])');
      await p.close();
      const b = await browser.context.newPage();
      await b.goto(`${base}/manifest.json`);
      const blankTimes = await paintTimes(b, null);
      await b.close();
      if (i < 0) continue;
      popup.fcp.push(times.fcp);
      if (times.ready !== null) popup.ready.push(times.ready);
      blank.push(blankTimes.fcp);
    }
    const popupFcpMs = median(popup.fcp);
    const blankFcpMs = median(blank);
    const popupReadyMs = popup.ready.length === runs ? median(popup.ready) : null;
    return {
      runs,
      popupFcpMs,
      popupReadyMs,
      blankFcpMs,
      fcpRatio: popupFcpMs / blankFcpMs,
      readyRatio: popupReadyMs === null ? null : popupReadyMs / blankFcpMs,
    };
  } finally {
    await article.close();
    await server.close();
  }
}

export async function withExtension<T>(run: (browser: LaunchedBrowser) => Promise<T>): Promise<T> {
  const browser = await launchWithExtension({ snapshot: true });
  try {
    return await run(browser);
  } finally {
    await browser.close();
  }
}

/** Shrinks the viewport to the popup's own width (as the toolbar shows it), margins kept equal. */
export async function fitToPopup(page: Page): Promise<void> {
  const width = await page.evaluate(() => {
    const box = document.body.getBoundingClientRect();
    return Math.ceil(box.right + Math.max(0, box.left));
  });
  const viewport = page.viewportSize();
  if (width > 200 && viewport && width < viewport.width) await page.setViewportSize({ width, height: viewport.height });
}

/**
 * Screenshot of a whole page with the viewport grown to the page's height, so
 * fixed elements (cookie bars, our summary panel) sit where a reader sees them
 * instead of floating mid-page as in a stitched full-page shot.
 */
export async function wholePageShot(page: Page, path: string, maxHeight = 4000): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  const height = await page.evaluate(() =>
    Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0),
  );
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height, viewport.height), maxHeight) });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 300))));
  await page.screenshot({ path });
  await page.setViewportSize(viewport);
}

/** A page of about `count` elements: a short article followed by a huge grid of cells. */
function hugePage(count: number): string {
  const rows: string[] = [];
  for (let row = 0; row < count / 10; row++) {
    rows.push(`<div>${Array.from({ length: 9 }, (_, i) => `<span>${(row * 9 + i) % 997}</span>`).join('')}</div>`);
  }
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Spreadsheet of readings</title></head>
<body><h1>Readings</h1><p>Sensor readings for the year, one cell per reading.</p><main>${rows.join('\n')}</main></body></html>`;
}

export interface HugePageTrace {
  elements: number;
  /** The analysis ended with a report (not "too large", not an error). */
  analysed: boolean;
  notices: string[];
  /** Longest main-thread task of the page's renderer while the analysis ran (trace). */
  longestPageTaskMs: number;
  longestPageTaskCpuMs: number;
  /** From the request to the report, ms. */
  analysisMs: number;
}

/** A 100,000-element page analysed under a trace of its renderer's main thread. */
export async function hugePageTrace(browser: LaunchedBrowser, count = 100_000): Promise<HugePageTrace> {
  const server = await servePages({ '/huge.html': { body: hugePage(count) } });
  const page = await browser.context.newPage();
  try {
    const url = server.url('/huge.html');
    await page.goto(url);
    const worker = await browser.worker();
    const tabId = await tabIdOf(worker, page);
    await waitForAnalysis(worker, tabId, { timeout: 60_000 });
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    let state: TabState | null = null;
    const start = Date.now();
    const traced = await longestRendererTask(
      browser.context,
      page,
      async () => {
        await sendToTab(worker, tabId, { type: 'analyze', force: true });
        state = await waitForAnalysis(worker, tabId, { timeout: 60_000, until: (s) => s.status !== 'analyzing' });
      },
      url,
    );
    const analysisMs = Date.now() - start;
    const done = state as TabState | null;
    const notices = done?.status === 'done' ? [...done.report.notices] : [];
    return {
      elements,
      analysed: done?.status === 'done' && !notices.includes('page-too-large'),
      notices,
      longestPageTaskMs: round1(traced.wallMs),
      longestPageTaskCpuMs: round1(traced.cpuMs),
      analysisMs,
    };
  } finally {
    await page.close();
    await server.close();
  }
}

/** Median ms from the page's load event to the highlight layer on the page (auto-analysis, idle time included). */
export async function highlightsShown(
  browser: LaunchedBrowser,
  runs = 5,
): Promise<{ medianMs: number; runs: number[] }> {
  const server = await servePages({ '/article.html': { body: manyFlagsPage(12) } });
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.context.newPage();
      await page.addInitScript((tag) => {
        const record = () => {
          for (const child of Array.from(document.documentElement?.children ?? [])) {
            if (child.localName === tag) {
              (window as { __layerAt?: number }).__layerAt ??= performance.now();
              return true;
            }
          }
          return false;
        };
        new MutationObserver(record).observe(document, { childList: true, subtree: false });
        document.addEventListener('DOMContentLoaded', () =>
          new MutationObserver(record).observe(document.documentElement, { childList: true }),
        );
      }, LAYER_TAG);
      await page.goto(server.url('/article.html'));
      const shown = await page.evaluate(async () => {
        const deadline = performance.now() + 20_000;
        while ((window as { __layerAt?: number }).__layerAt === undefined && performance.now() < deadline) {
          await new Promise((r) => setTimeout(r, 20));
        }
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const at = (window as { __layerAt?: number }).__layerAt;
        return at === undefined || !navigation ? null : at - navigation.loadEventEnd;
      });
      if (shown !== null) times.push(Math.round(shown));
      await page.close();
    }
  } finally {
    await server.close();
  }
  return { medianMs: times.length ? median(times) : Number.NaN, runs: times };
}

const LAYER_TAG = 'article-lens-layer';
