/**
 * The speed half of the benchmark: every corpus page served from 127.0.0.1
 * to headless Chromium (page scripts off, other hosts unreachable), the bench
 * bundle injected, and bare Readability timed against our whole analysis in
 * the same page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type Browser, chromium } from 'playwright-core';
import { decodeHtml } from '../../utils/charset.ts';
import { findChromium } from '../browser/harness.ts';
import { PROJECT_ROOT, sharedPath } from '../shared-data.ts';
import { type BenchResult, emptyResult } from './result.ts';

export interface CorpusPage {
  corpus: string;
  name: string;
  html(): string;
}

export interface PageTiming {
  corpus: string;
  name: string;
  /** Per-page medians over the repetitions, in ms. */
  bareMs: number;
  oursMs: number;
  ratio: number;
  /** The page's main-thread cost of our path and of a bare in-page Readability parse (medians, ms). */
  pageBareMs: number;
  pageOursMs: number;
  pageRatio: number;
  /** Parse of the copy plus the messages, off the page (median, ms). */
  transportMs: number;
  htmlChars: number;
  reps: number;
  readerable: boolean;
  flags: number;
  error: string | null;
  /** Rough ms per stage of our analysis (see entry.ts). */
  stages: Record<string, number>;
}

const gz = (path: string) => () => decodeHtml(new Uint8Array(gunzipSync(readFileSync(path))));

/** readability-test-pages, aeb and the seed page; `limit` pages per corpus at most. */
export function corpusPages(limit = Number.POSITIVE_INFINITY): CorpusPage[] {
  const readabilityRoot = sharedPath('data', 'readability-test-pages');
  const readability = readdirSync(readabilityRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .slice(0, limit)
    .map((name) => ({
      corpus: 'readability-test-pages',
      name,
      html: gz(join(readabilityRoot, name, 'source.html.gz')),
    }));
  const aebRoot = sharedPath('data', 'aeb', 'html');
  const aeb = readdirSync(aebRoot)
    .filter((file) => file.endsWith('.html.gz'))
    .sort()
    .slice(0, limit)
    .map((file) => ({ corpus: 'aeb', name: file.replace(/\.html\.gz$/, ''), html: gz(join(aebRoot, file)) }));
  const seedPath = resolve(PROJECT_ROOT, 'test', 'fixtures', 'seed-article', 'page.html');
  const seed = { corpus: 'seed', name: 'seed-article', html: () => decodeHtml(new Uint8Array(readFileSync(seedPath))) };
  return [...readability, ...aeb, seed];
}

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Saved pages point at many hosts: fail them at once instead of waiting on DNS.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/** Serves the given pages at /p/<index>, decoded and re-labelled UTF-8. */
async function serve(pages: CorpusPage[]): Promise<{ server: Server; base: string }> {
  const server = createServer((request, response) => {
    const index = Number(/^\/p\/(\d+)$/.exec(request.url ?? '')?.[1] ?? -1);
    const page = pages[index];
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(page.html());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref()),
  ]);
}

export async function timeCorpus(
  pages: CorpusPage[],
  bundle: string,
  options: { reps: number; budgetMs: number; onPage?: (timing: PageTiming, done: number) => void },
): Promise<PageTiming[]> {
  const { server, base } = await serve(pages);
  let browser: Browser | null = null;
  const timings: PageTiming[] = [];
  try {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium found: install it or set CHROMIUM_PATH.');
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    // Page scripts off: the page stays as served; evaluate() still runs our bundle.
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    let tab = await context.newPage();
    for (const [index, page] of pages.entries()) {
      let run: BenchResult;
      try {
        await tab.goto(`${base}/p/${index}`, { waitUntil: 'load', timeout: 20_000 }).catch(async (error) => {
          // A page that never finishes loading is still parsed: time what is there.
          if (!(await tab.evaluate('document.readyState').catch(() => null))) throw error;
        });
        await tab.evaluate(bundle);
        run = await withTimeout(
          tab.evaluate(`__bench.run(${options.reps}, ${options.budgetMs})`) as Promise<BenchResult>,
          options.budgetMs * 4 + 30_000,
        );
      } catch (error) {
        run = emptyResult(String(error));
        await tab.close().catch(() => {});
        tab = await context.newPage();
      }
      const timing: PageTiming = {
        corpus: page.corpus,
        name: page.name,
        bareMs: run.bare.length ? median(run.bare) : Number.NaN,
        oursMs: run.ours.length ? median(run.ours) : Number.NaN,
        ratio: Number.NaN,
        pageBareMs: run.pageBare?.length ? median(run.pageBare) : Number.NaN,
        pageOursMs: run.pageOurs?.length ? median(run.pageOurs) : Number.NaN,
        pageRatio: Number.NaN,
        transportMs: run.transport?.length ? median(run.transport) : Number.NaN,
        htmlChars: run.htmlChars ?? 0,
        reps: Math.min(run.bare.length, run.ours.length),
        readerable: run.readerable,
        flags: run.flags,
        error: run.error,
        stages: run.stages ?? {},
      };
      timing.ratio = timing.oursMs / timing.bareMs;
      timing.pageRatio = timing.pageOursMs / timing.pageBareMs;
      timings.push(timing);
      options.onPage?.(timing, index + 1);
    }
  } finally {
    await browser?.close();
    server.close();
  }
  return timings;
}

export { median };
