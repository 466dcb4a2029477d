/**
 * The parts of the benchmark that need the real extension loaded: the
 * main-thread cost of turning highlights on for a page with many flags, and
 * the popup's time to first render against a blank extension page.
 */
import type { Page } from 'playwright-core';
import { median } from './bench-corpus.ts';
import {
  type LaunchedBrowser,
  launchWithExtension,
  sendToTab,
  servePages,
  tabIdOf,
  waitForAnalysis,
} from './browser-harness.ts';

export interface HighlightCost {
  flags: number;
  /** Longest main-thread task (ms) while turning highlights on; 0 when none reached 50 ms. */
  longestTaskOnMs: number;
  longestTaskOffMs: number;
  longTasksOn: number;
  /** Longest animation frame (long-animation-frame entries, >= 50 ms) while turning highlights on; 0 when none. */
  longestFrameOnMs: number;
  /** Round trip of the set-highlights message, as seen from the service worker (ms). */
  roundTripOnMs: number;
}

export interface PopupRender {
  runs: number;
  /** Median first contentful paint of popup.html?tab=<id> (ms from navigation start). */
  popupFcpMs: number;
  /** Median time until the popup shows an analysis state ([data-state]), or null if it never did. */
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

async function observeLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[]; __longFrames: number[] };
    w.__longTasks = [];
    w.__longFrames = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    // Long animation frames also count the style and layout work a task causes.
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longFrames.push(entry.duration);
      }).observe({ type: 'long-animation-frame' });
    }
  });
}

async function takeLongTasks(page: Page): Promise<{ tasks: number[]; frames: number[] }> {
  // Let the work the message started, and the frames after it, finish.
  await page.evaluate(() => new Promise((done) => setTimeout(() => requestAnimationFrame(() => done(null)), 800)));
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[]; __longFrames: number[] };
    const taken = { tasks: w.__longTasks, frames: w.__longFrames };
    w.__longTasks = [];
    w.__longFrames = [];
    return taken;
  });
}

export async function highlightCost(browser: LaunchedBrowser): Promise<HighlightCost> {
  const server = await servePages({ '/many-flags.html': { body: manyFlagsPage() } });
  const page = await browser.context.newPage();
  try {
    await page.goto(server.url('/many-flags.html'));
    const worker = await browser.worker();
    const tabId = await tabIdOf(worker, page);
    const state = await waitForAnalysis(worker, tabId, { timeout: 30_000 });
    if (state.status !== 'done') throw new Error(`analysis ended as ${state.status}`);
    const flags = state.report.flags.length;
    await sendToTab(worker, tabId, { type: 'set-highlights', on: false });
    await observeLongTasks(page);
    await takeLongTasks(page);
    const start = Date.now();
    const answer = await sendToTab(worker, tabId, { type: 'set-highlights', on: true });
    const roundTripOnMs = Date.now() - start;
    if (!answer.ok) throw new Error(`set-highlights failed: ${answer.error}`);
    const on = await takeLongTasks(page);
    await sendToTab(worker, tabId, { type: 'set-highlights', on: false });
    const off = await takeLongTasks(page);
    return {
      flags,
      longestTaskOnMs: Math.max(0, ...on.tasks),
      longestTaskOffMs: Math.max(0, ...off.tasks),
      longTasksOn: on.tasks.length,
      longestFrameOnMs: Math.max(0, ...on.frames),
      roundTripOnMs,
    };
  } finally {
    await page.close();
    await server.close();
  }
}

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
      const times = await paintTimes(p, '[data-state]');
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
  const browser = await launchWithExtension();
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
