/**
 * Command-line front end to the analysis core: argument parsing and IO only.
 * See USAGE below (and the README) for the contract.
 */
import { readFileSync, statSync } from 'node:fs';
import { analyzePage } from '../utils/analyze.ts';
import { scoreHeadline } from '../utils/clickbait/index.ts';
import { BadInputError, fileUrl, loadPage } from './load-page.ts';
import { runSpoil } from './spoil-mode.ts';

const USAGE = `Usage:
  npm run --silent analyze -- <page.html> [more pages...] [--url <url>]
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
exit code says the worst that happened.`;

interface Args {
  files: string[];
  url: string | null;
  headlines: string | null;
  /** --spoil: its own mode (scripts/spoil-mode.ts). */
  spoil: string | null;
  help: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { files: [], url: null, headlines: null, spoil: null, help: false };
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
  if (args.headlines !== null && args.files.length > 0) throw new UsageError('--headlines takes no page files');
  if (args.spoil !== null) {
    if (args.files.length > 0 || args.headlines !== null) throw new UsageError('--spoil takes no other input');
    return args;
  }
  if (args.headlines === null && args.files.length === 0) throw new UsageError('no page file given');
  return args;
}

function analyzeFile(file: string, url: string | null): string {
  const { document, close } = loadPage(file, url ?? fileUrl(file));
  try {
    return JSON.stringify(analyzePage(document, { force: true, url: url ?? fileUrl(file) }));
  } finally {
    close();
  }
}

/** Exit code for one failure: 2 for inputs we refuse, 1 for failures of our own. */
function failureCode(error: unknown): number {
  return error instanceof BadInputError ? 2 : 1;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function analyzeFiles(args: Args): number {
  if (args.files.length === 1) {
    const file = args.files[0] as string;
    try {
      process.stdout.write(`${analyzeFile(file, args.url)}\n`);
      return 0;
    } catch (error) {
      process.stderr.write(`analyze: ${file}: ${oneLine(message(error))}\n`);
      return failureCode(error);
    }
  }
  let code = 0;
  for (const file of args.files) {
    try {
      process.stdout.write(`${analyzeFile(file, args.url)}\n`);
    } catch (error) {
      const text = oneLine(message(error));
      process.stdout.write(`${JSON.stringify({ file, error: text })}\n`);
      process.stderr.write(`analyze: ${file}: ${text}\n`);
      code = Math.max(code, failureCode(error));
    }
  }
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
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`analyze: ${error.message} (see --help)\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.spoil !== null) {
    return runSpoil(
      args.spoil,
      (line) => process.stdout.write(`${line}\n`),
      (line) => process.stderr.write(`${line}\n`),
    );
  }
  return args.headlines !== null ? scoreHeadlines(args.headlines) : analyzeFiles(args);
}

process.exitCode = await main(process.argv.slice(2));
