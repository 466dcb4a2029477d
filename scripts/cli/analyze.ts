/**
 * Command-line front end to the analysis core: argument parsing and IO only.
 * See USAGE below (and the README) for the contract.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { scoreHeadline } from '../../utils/clickbait/index.ts';
import { analyzeFile, type PageJob, type PageOutcome } from './analyze-worker.ts';
import { BadInputError } from './load-page.ts';
import { runSpoil } from './spoil-mode.ts';

const USAGE = `Usage:
  npm run --silent analyze -- <page.html> [more pages...] [--url <url>]
  npm run --silent analyze -- --files-from <list> [--url <url>]
  npm run --silent analyze -- --headlines <file>
  npm run --silent analyze -- --spoil <posts.jsonl>

Prints the analysis report of each saved page as JSON on stdout, one report
per line (JSON Lines) in the order given. Pages are read as raw bytes and
decoded by their byte-order mark or <meta charset>, else as UTF-8 (bytes
that are mostly not UTF-8: windows-1252); gzipped pages are unpacked first. Extraction always runs (even on pages that do not
look like articles); "readerable" still says whether the page looks like one.

Options:
  --url <url>         The page's address (default: its file:// URL). With
                      several pages, every page gets this address.
  --files-from <list> Analyse the pages listed in <list>, one path a line
                      (empty lines skipped; "-" reads the list from standard
                      input), after any pages given as arguments. Output as
                      for several pages, even when the list names one.
  --headlines <file>  Score one headline per line of <file> (empty lines are
                      skipped): prints {"text","score","clickbait","reasons"}
                      per headline, at the default threshold.
  --spoil <file>      "Saved you a click": one SemEval-2023 Task 5 post a
                      line (uuid, postText, targetTitle, targetParagraphs);
                      prints {"uuid","spoiler","spoilerType"} per post in
                      input order ({"line","error"} for a bad line). Where no
                      spoiler is found, "spoiler" is the best guess ("" when
                      the article has no text).
  -h, --help          Show this help.

Exit codes:
  0  every page was analysed
  1  the analysis itself failed on some page (a bug: please report it)
  2  bad usage, or a page that is missing, a directory, empty or binary
With one page, a failure prints one line on stderr and nothing on stdout.
With several pages, a failed page gets the line {"file","error"} on stdout
(and the same message on stderr), the others are still analysed, and the
exit code says the worst that happened. With several pages and stderr on a
terminal, a progress line is shown on stderr (stdout stays JSON Lines).`;

interface Args {
  files: string[];
  filesFrom: string | null;
  url: string | null;
  headlines: string | null;
  /** --spoil: its own mode (scripts/cli/spoil-mode.ts). */
  spoil: string | null;
  help: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { files: [], filesFrom: null, url: null, headlines: null, spoil: null, help: false };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    const value = (): string => {
      const next = argv[++index];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '-h' || arg === '--help') args.help = true;
    else if (arg === '--url') args.url = value();
    else if (arg.startsWith('--url=')) args.url = arg.slice('--url='.length);
    else if (arg === '--files-from') args.filesFrom = value();
    else if (arg.startsWith('--files-from=')) args.filesFrom = arg.slice('--files-from='.length);
    else if (arg === '--headlines') args.headlines = value();
    else if (arg.startsWith('--headlines=')) args.headlines = arg.slice('--headlines='.length);
    else if (arg === '--spoil') args.spoil = value();
    else if (arg.startsWith('--spoil=')) args.spoil = arg.slice('--spoil='.length);
    else if (arg === '--') {
      args.files.push(...argv.slice(index + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else args.files.push(arg);
  }
  if (args.help) return args;
  if (args.url !== null) {
    try {
      new URL(args.url);
    } catch {
      throw new UsageError(`--url is not a valid absolute URL: ${args.url}`);
    }
  }
  const pages = args.files.length > 0 || args.filesFrom !== null;
  if (args.headlines !== null && pages) throw new UsageError('--headlines takes no page files');
  if (args.spoil !== null) {
    if (pages || args.headlines !== null) throw new UsageError('--spoil takes no other input');
    return args;
  }
  if (args.headlines === null && !pages) throw new UsageError('no page file given');
  return args;
}

/** Exit code for one failure: 2 for inputs we refuse, 1 for failures of our own. */
function failureCode(error: unknown): number {
  return error instanceof BadInputError ? 2 : 1;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The pages to analyse: the arguments, then the lines of --files-from. A list that
 * cannot be read is bad usage (exit code 2), like a missing --headlines file.
 */
function pageList(args: Args): string[] {
  if (args.filesFrom === null) return args.files;
  let text: string;
  try {
    text = readFileSync(args.filesFrom === '-' ? 0 : args.filesFrom, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code})`;
    throw new UsageError(`--files-from ${args.filesFrom}: ${reason}`);
  }
  const listed = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line !== '');
  if (listed.length === 0 && args.files.length === 0)
    throw new UsageError(`--files-from ${args.filesFrom} lists no file`);
  return [...args.files, ...listed];
}

/** "analyze: 120/5000 pages" on stderr, redrawn in place; only when stderr is a terminal. */
class Progress {
  private readonly total: number;
  private readonly shown: boolean;
  private drawnAt = 0;
  private drawn = false;

  constructor(total: number) {
    this.total = total;
    this.shown = total > 1 && process.stderr.isTTY === true;
  }

  update(done: number): void {
    const now = Date.now();
    if (!this.shown || (now - this.drawnAt < 200 && done < this.total)) return;
    this.drawnAt = now;
    this.drawn = true;
    process.stderr.write(`\r\x1b[Kanalyze: ${done}/${this.total} pages`);
  }

  /** Wipes the line, before another stderr line and at the end. */
  clear(): void {
    if (this.drawn) process.stderr.write('\r\x1b[K');
    this.drawn = false;
    this.drawnAt = 0;
  }
}

/**
 * Resident memory over a run, for the soak test: with ARTICLE_LENS_MEMORY=1 the CLI
 * ends with one stderr line `analyze: memory {"pages","startMB","peakMB","endMB"}`.
 */
function memoryReport(pages: number, startRss: number): void {
  if (process.env.ARTICLE_LENS_MEMORY !== '1') return;
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  const figures = {
    pages,
    startMB: mb(startRss),
    peakMB: mb(process.resourceUsage().maxRSS * 1024),
    endMB: mb(process.memoryUsage.rss()),
  };
  process.stderr.write(`analyze: memory ${JSON.stringify(figures)}\n`);
}

async function write(line: string): Promise<void> {
  if (!process.stdout.write(`${line}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

/** Pages a batch worker analyses before it is replaced (its memory goes with it). */
const PAGES_PER_WORKER = 200;

/** Analyses pages one at a time in a worker thread, replaced every PAGES_PER_WORKER analysed pages or after a crash. */
class PageWorker {
  private worker: Worker | null = null;
  private used = 0;

  async run(job: PageJob): Promise<PageOutcome> {
    if (this.worker && this.used >= PAGES_PER_WORKER) await this.close();
    this.worker ??= new Worker(fileURLToPath(new URL('./analyze-worker.ts', import.meta.url)));
    const worker = this.worker;
    return new Promise<PageOutcome>((resolve) => {
      const done = (outcome: PageOutcome) => {
        // Only analysed pages count: a refused file (missing, empty, binary) leaves nothing behind.
        if (outcome.ok) this.used++;
        worker.off('message', done);
        worker.off('error', failed);
        resolve(outcome);
      };
      const failed = (error: Error) => {
        // Out of memory or a crash on one page: that page gets an error line, the next a fresh worker.
        this.worker = null;
        this.used = 0;
        void worker.terminate();
        done({ ok: false, error: `analysis failed: ${error.message}`, bad: false });
      };
      worker.on('message', done);
      worker.on('error', failed);
      worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.used = 0;
    if (worker) await worker.terminate();
  }
}

async function analyzeFiles(args: Args): Promise<number> {
  const startRss = process.memoryUsage.rss();
  const files = pageList(args);
  if (files.length === 1 && args.filesFrom === null) {
    const file = files[0] as string;
    try {
      await write(analyzeFile(file, args.url));
      return 0;
    } catch (error) {
      process.stderr.write(`analyze: ${file}: ${oneLine(message(error))}\n`);
      return failureCode(error);
    } finally {
      memoryReport(1, startRss);
    }
  }
  let code = 0;
  const progress = new Progress(files.length);
  const worker = new PageWorker();
  for (const [index, file] of files.entries()) {
    const outcome = await worker.run({ file, url: args.url });
    if (outcome.ok) {
      await write(outcome.json);
    } else {
      const text = oneLine(outcome.error);
      await write(JSON.stringify({ file, error: text }));
      progress.clear();
      process.stderr.write(`analyze: ${file}: ${text}\n`);
      code = Math.max(code, outcome.bad ? 2 : 1);
    }
    progress.update(index + 1);
  }
  await worker.close();
  progress.clear();
  memoryReport(files.length, startRss);
  return code;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function scoreHeadlines(file: string): number {
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new BadInputError('is a directory, not a text file');
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason =
      error instanceof BadInputError
        ? error.message
        : (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'no such file'
          : 'cannot read';
    process.stderr.write(`analyze: --headlines ${file}: ${reason}\n`);
    return 2;
  }
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const headline = line.trim();
    if (!headline) continue;
    const verdict = scoreHeadline(headline);
    process.stdout.write(
      `${JSON.stringify({ text: headline, score: verdict.score, clickbait: verdict.clickbait, reasons: verdict.reasons })}\n`,
    );
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  // Stdout carries only JSON: any stray log from a library goes to stderr instead.
  for (const method of ['log', 'info', 'debug'] as const) console[method] = console.error;
  // `analyze ... | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    const args = parseArgs(argv);
    // One branch per mode.
    if (args.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (args.headlines !== null) return scoreHeadlines(args.headlines);
    if (args.spoil !== null) {
      return runSpoil(
        args.spoil,
        (line) => process.stdout.write(`${line}\n`),
        (line) => process.stderr.write(`${line}\n`),
      );
    }
    return await analyzeFiles(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`analyze: ${error.message} (see --help)\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
