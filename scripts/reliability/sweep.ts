/**
 * Reliability sweep: the CLI's analysis over every page in ../shared/data (and
 * the seed page), each in a worker thread with a time limit, so a hung page is
 * killed and counted instead of stalling the run.
 *   npm run sweep -- [--jobs N] [--timeout SECONDS] [--limit N] [--set NAME] [--slowest N] [--json]
 * A page that times out is retried once in a fresh worker (a busy machine can
 * stall a page that normally takes a second); it counts as a time-out only when
 * the retry times out too. Exit code 1 when any page threw or timed out.
 */
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { analyzePage } from '../../utils/analyze.ts';
import { loadPage } from '../cli/load-page.ts';
import { listSharedPages as listPages, type SharedPage as Page, runScript } from '../shared-data.ts';

interface PageResult {
  ok: boolean;
  error?: string;
  /** Reading and parsing the HTML (jsdom), then our analysis, in milliseconds. */
  loadMs?: number;
  analyzeMs?: number;
  readerable?: boolean;
  hasArticle?: boolean;
  flags?: number;
  elements?: number;
}

interface Outcome extends PageResult {
  page: Page;
  timedOut: boolean;
}

/** Pages are recycled through fresh workers now and then: jsdom windows are heavy. */
const PAGES_PER_WORKER = 150;

function analyzeInWorker(path: string): PageResult {
  try {
    const started = performance.now();
    const { document, close } = loadPage(path);
    try {
      const loaded = performance.now();
      const elements = document.getElementsByTagName('*').length;
      const report = analyzePage(document, { force: true });
      // The report must survive the trip to the popup.
      JSON.parse(JSON.stringify(report));
      return {
        ok: true,
        loadMs: loaded - started,
        analyzeMs: performance.now() - loaded,
        readerable: report.readerable,
        hasArticle: report.article !== null,
        flags: report.flags.length,
        elements,
      };
    } finally {
      close();
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

if (!isMainThread) {
  parentPort?.on('message', (path: string) => parentPort?.postMessage(analyzeInWorker(path)));
  // Start-up (loading jsdom) must not count against the first page's time limit.
  parentPort?.postMessage('ready');
}

/** One worker slot: runs pages one at a time, replacing its worker after a time-out or crash. */
class Slot {
  private worker: Worker | null = null;
  private used = 0;
  private readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    this.timeoutMs = timeoutMs;
  }

  private async fresh(): Promise<Worker> {
    if (this.worker && this.used < PAGES_PER_WORKER) return this.worker;
    void this.worker?.terminate();
    const worker = new Worker(fileURLToPath(import.meta.url));
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    this.worker = worker;
    this.used = 0;
    return worker;
  }

  async run(page: Page): Promise<Outcome> {
    let worker: Worker;
    try {
      worker = await this.fresh();
    } catch (error) {
      return { ok: false, error: `worker failed to start: ${String(error)}`, page, timedOut: false };
    }
    this.used++;
    return new Promise((resolve) => {
      const finish = (result: PageResult, timedOut: boolean, discard: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (discard) {
          void worker.terminate();
          this.worker = null;
        }
        resolve({ ...result, page, timedOut });
      };
      const onMessage = (result: PageResult) => finish(result, false, false);
      const onError = (error: Error) => finish({ ok: false, error: `worker crashed: ${error.message}` }, false, true);
      const onExit = (code: number) => finish({ ok: false, error: `worker exited with code ${code}` }, false, true);
      const timer = setTimeout(
        () => finish({ ok: false, error: `no result after ${this.timeoutMs / 1000} s` }, true, true),
        this.timeoutMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(page.path);
    });
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }
}

interface Args {
  jobs: number;
  timeoutMs: number;
  limit: number;
  sets: string[] | null;
  slowest: number;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    jobs: 1,
    timeoutMs: 20_000,
    limit: Number.POSITIVE_INFINITY,
    sets: null,
    slowest: 10,
    json: false,
  };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const number = () => {
      const value = Number(argv[++index]);
      if (!Number.isFinite(value) || value <= 0) throw new Error(`${arg} needs a positive number`);
      return value;
    };
    if (arg === '--jobs') args.jobs = Math.floor(number());
    else if (arg === '--timeout') args.timeoutMs = number() * 1000;
    else if (arg === '--limit') args.limit = Math.floor(number());
    else if (arg === '--slowest') args.slowest = Math.floor(number());
    else if (arg === '--set') args.sets = [...(args.sets ?? []), argv[++index] ?? ''];
    else if (arg === '--json') args.json = true;
    else throw new Error(`unknown option ${arg}; see the header of scripts/reliability/sweep.ts`);
  }
  return args;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const pages = listPages(args.sets).slice(0, args.limit);
  const started = performance.now();
  const outcomes: Outcome[] = [];
  const retried: string[] = [];
  let next = 0;
  const slots = Array.from({ length: Math.max(1, args.jobs) }, () => new Slot(args.timeoutMs));
  await Promise.all(
    slots.map(async (slot) => {
      while (next < pages.length) {
        const page = pages[next++] as Page;
        let outcome = await slot.run(page);
        if (outcome.timedOut) {
          // The machine may just have been busy: a page that hangs hangs again in a fresh worker.
          retried.push(`${page.set}/${page.name}`);
          outcome = await slot.run(page);
        }
        outcomes.push(outcome);
        if (!outcome.ok)
          process.stderr.write(
            `  ${outcome.timedOut ? 'TIME-OUT' : 'EXCEPTION'} ${page.set}/${page.name}: ${outcome.error}\n`,
          );
        if (!args.json && outcomes.length % 50 === 0)
          process.stderr.write(`  ${outcomes.length}/${pages.length} pages\n`);
      }
      slot.close();
    }),
  );

  const analysed = outcomes.filter((o) => o.ok);
  const exceptions = outcomes.filter((o) => !o.ok && !o.timedOut);
  const timeouts = outcomes.filter((o) => o.timedOut);
  const times = analysed.map((o) => o.analyzeMs ?? 0).sort((a, b) => a - b);
  const perSet: Record<string, number> = {};
  for (const page of pages) perSet[page.set] = (perSet[page.set] ?? 0) + 1;
  const slowest = [...analysed]
    .sort((a, b) => (b.analyzeMs ?? 0) - (a.analyzeMs ?? 0))
    .slice(0, args.slowest)
    .map((o) => ({
      page: `${o.page.set}/${o.page.name}`,
      analyzeMs: Math.round(o.analyzeMs ?? 0),
      loadMs: Math.round(o.loadMs ?? 0),
      elements: o.elements ?? 0,
    }));
  const summary = {
    pages: pages.length,
    perSet,
    analysed: analysed.length,
    exceptions: exceptions.length,
    timeouts: timeouts.length,
    retriedAfterTimeout: retried,
    notReaderable: analysed.filter((o) => o.readerable === false).length,
    noArticle: analysed.filter((o) => o.hasArticle === false).length,
    noArticlePages: analysed.filter((o) => o.hasArticle === false).map((o) => `${o.page.set}/${o.page.name}`),
    flags: analysed.reduce((sum, o) => sum + (o.flags ?? 0), 0),
    analyzeMsMedian: Math.round(percentile(times, 0.5)),
    analyzeMsP95: Math.round(percentile(times, 0.95)),
    analyzeMsMax: Math.round(times.at(-1) ?? 0),
    wallSeconds: Math.round((performance.now() - started) / 100) / 10,
    timeoutSeconds: args.timeoutMs / 1000,
    jobs: slots.length,
    slowest,
    failures: [...exceptions, ...timeouts].map((o) => ({ page: `${o.page.set}/${o.page.name}`, error: o.error ?? '' })),
  };

  if (args.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } else {
    const sets = Object.entries(perSet)
      .map(([set, count]) => `${set} ${count}`)
      .join(', ');
    const out = [
      `Sweep over ${summary.pages} pages (${sets}), ${summary.jobs} worker(s), ${summary.timeoutSeconds} s limit per page, ${summary.wallSeconds} s in all`,
      `  pages analysed:   ${summary.analysed}`,
      `  exceptions:       ${summary.exceptions}`,
      `  time-outs:        ${summary.timeouts} (pages retried once in a fresh worker after a first time-out: ${retried.length}${retried.length ? `: ${retried.join(', ')}` : ''})`,
      `  not articles:     ${summary.notReaderable} judged not readerable; ${summary.noArticle} with no article even when forced${summary.noArticle > 0 && summary.noArticle <= 10 ? ` (${summary.noArticlePages.join(', ')})` : ''}`,
      `  flags raised:     ${summary.flags}`,
      `  analysis time:    median ${summary.analyzeMsMedian} ms, p95 ${summary.analyzeMsP95} ms, max ${summary.analyzeMsMax} ms (jsdom parsing not included)`,
      '  slowest pages (analysis ms, jsdom load ms, elements):',
      ...summary.slowest.map(
        (s) =>
          `    ${String(s.analyzeMs).padStart(6)}  ${String(s.loadMs).padStart(6)}  ${String(s.elements).padStart(7)}  ${s.page}`,
      ),
      ...summary.failures.map((f) => `  FAILED ${f.page}: ${f.error.split('\n')[0]}`),
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  }
  process.exitCode = summary.exceptions + summary.timeouts > 0 ? 1 : 0;
}

if (isMainThread) await runScript(main);
