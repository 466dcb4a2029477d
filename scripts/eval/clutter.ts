/**
 * Scores cleanText (article text minus flagged clutter) against plain
 * Readability on the shared AEB and trafilatura sets, in the same run, and
 * lists the pages that lost the most.
 *   npm run eval:clutter -- [--set aeb|trafilatura] [--limit N] [--offset N] [--json] [--top N] [--page ID] [--time]
 * jsdom keeps memory across hundreds of windows, so pages run in child
 * processes of CHUNK pages each; --page runs in this process and prints flags.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyzeDocument } from '../../utils/analyze.ts';
import { decodeHtml } from '../../utils/charset.ts';
import { readSharedBytes, readSharedJson, runScript, sharedPath } from '../shared-data.ts';
import { collectRows, crossValidationLine } from '../train/blocks.ts';
import {
  aebMean,
  aebPageScore,
  type PageScore,
  type SnippetCounts,
  snippetCounts,
  snippetTotals,
} from './clutter-metrics.ts';
import { evaluateL3s, formatGroupedFolds, formatL3s, L3S_FOLDS } from './l3s.ts';
import { withLinkRatioRule } from './link-ratio-rule.ts';

const CHUNK = 120;
const SETS = ['aeb', 'trafilatura'] as const;
type SetName = (typeof SETS)[number];

interface Args {
  sets: SetName[];
  limit: number;
  offset: number;
  json: boolean;
  raw: boolean;
  top: number;
  page: string | null;
  time: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    sets: [...SETS],
    limit: Number.POSITIVE_INFINITY,
    offset: 0,
    json: false,
    raw: false,
    top: 10,
    page: null,
    time: false,
  };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const next = () => argv[++index] ?? '';
    if (arg === '--json') args.json = true;
    else if (arg === '--raw') args.raw = true;
    else if (arg === '--time') args.time = true;
    else if (arg === '--limit') args.limit = Number(next());
    else if (arg === '--offset') args.offset = Number(next());
    else if (arg === '--top') args.top = Number(next());
    else if (arg === '--page') args.page = next();
    else if (arg === '--set') {
      const set = next();
      if (!SETS.includes(set as SetName)) throw new Error(`--set must be one of ${SETS.join(', ')}`);
      args.sets = [set as SetName];
    }
  }
  return args;
}

export interface PageRun {
  plain: string | null;
  clean: string | null;
  /** cleanText with the link-ratio rule in place of our clutter detectors (only when asked). */
  rule?: string | null;
  flags: { category: string; text: string }[];
  /** Milliseconds: whole analysis, and a bare Readability parse of the same page. */
  ms: number;
  bareMs: number | null;
}

/** Parse one page with jsdom and analyse it as the extension does. */
export function runPage(html: string, url: string, time = false, withRule = false): PageRun {
  const run = runPageOnce(html, url, time);
  if (withRule) {
    const rule = withLinkRatioRule(() => runPageOnce(html, url, false));
    run.rule = rule.clean;
  }
  return run;
}

function runPageOnce(html: string, url: string, time: boolean): PageRun {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    const document = dom.window.document;
    let bareMs: number | null = null;
    if (time) {
      const start = performance.now();
      new Readability(document.cloneNode(true) as Document).parse();
      bareMs = performance.now() - start;
    }
    const start = performance.now();
    const { report } = analyzeDocument(document, { url, force: true });
    const ms = performance.now() - start;
    return {
      plain: report.article?.text ?? null,
      clean: report.article ? report.cleanText : null,
      flags: report.flags.map((flag) => ({ category: flag.category, text: flag.text })),
      ms,
      bareMs,
    };
  } finally {
    dom.window.close();
  }
}

/** One page's result, as a chunk process reports it. */
interface PageRecord {
  id: string;
  ms: number;
  bareMs: number | null;
  aeb?: { ours: PageScore; plain: PageScore; upstream: PageScore; rule: PageScore };
  snippets?: { ours: SnippetCounts; plain: SnippetCounts; rule: SnippetCounts };
}

interface AebTruth {
  articleBody: string;
  url?: string;
}
interface TrafEntry {
  file: string;
  with: string[];
  without: string[];
}

function aebIds(): string[] {
  const truth = readSharedJson<Record<string, AebTruth>>('data', 'aeb', 'ground-truth.json');
  return readdirSync(sharedPath('data', 'aeb', 'html'))
    .map((file) => file.replace(/\.html\.gz$/, ''))
    .filter((id) => truth[id])
    .sort();
}

function trafilaturaKeys(): string[] {
  return Object.keys(readSharedJson<Record<string, TrafEntry>>('data', 'trafilatura', 'evaldata.json')).sort();
}

function selectIds(set: SetName, args: Args): string[] {
  const all = set === 'aeb' ? aebIds() : trafilaturaKeys();
  if (args.page) return all.filter((id) => id.includes(args.page as string));
  return all.slice(args.offset, args.offset + args.limit);
}

/** Saved trafilatura pages are keyed by URL, or by a file name for the "hard::" ones. */
function trafilaturaUrl(key: string): string {
  const name = key.replace(/^[a-z]+::/, '');
  return /^https?:\/\//.test(name) ? name : `https://${name.replace(/[^\w.-]/g, '-')}/`;
}

function printPageDebug(id: string, run: PageRun, missed: string[], leaked: string[]) {
  process.stdout.write(`\n=== ${id}\n`);
  for (const flag of run.flags) process.stdout.write(`  [${flag.category}] ${flag.text.slice(0, 140)}\n`);
  for (const snippet of missed) process.stdout.write(`  MISSED: ${snippet.slice(0, 140)}\n`);
  for (const snippet of leaked) process.stdout.write(`  LEAKED: ${snippet.slice(0, 140)}\n`);
}

/** Runs the given pages in this process. */
function collect(set: SetName, ids: string[], args: Args): PageRecord[] {
  const records: PageRecord[] = [];
  if (set === 'aeb') {
    const truth = readSharedJson<Record<string, AebTruth>>('data', 'aeb', 'ground-truth.json');
    const upstream = readSharedJson<Record<string, { articleBody: string }>>(
      'data',
      'aeb',
      'readability_js-0.6.0-output.json',
    );
    for (const id of ids) {
      const entry = truth[id] as AebTruth;
      const html = decodeHtml(readSharedBytes('data', 'aeb', 'html', `${id}.html.gz`));
      const run = runPage(html, entry.url ?? 'https://fake-url.com', args.time, true);
      records.push({
        id,
        ms: run.ms,
        bareMs: run.bareMs,
        aeb: {
          ours: aebPageScore(run.clean ?? '', entry.articleBody),
          plain: aebPageScore(run.plain ?? '', entry.articleBody),
          upstream: aebPageScore(upstream[id]?.articleBody ?? '', entry.articleBody),
          rule: aebPageScore(run.rule ?? '', entry.articleBody),
        },
      });
      if (args.page) printPageDebug(id, run, [], []);
    }
    return records;
  }
  const data = readSharedJson<Record<string, TrafEntry>>('data', 'trafilatura', 'evaldata.json');
  for (const key of ids) {
    const entry = data[key] as TrafEntry;
    const html = decodeHtml(readSharedBytes('data', 'trafilatura', 'html', entry.file));
    let run: PageRun;
    try {
      run = runPage(html, trafilaturaUrl(key), args.time, true);
    } catch {
      run = { plain: null, clean: null, flags: [], ms: 0, bareMs: null };
    }
    records.push({
      id: key,
      ms: run.ms,
      bareMs: run.bareMs,
      snippets: {
        ours: snippetCounts(run.clean, entry.with, entry.without),
        plain: snippetCounts(run.plain, entry.with, entry.without),
        rule: snippetCounts(run.rule ?? null, entry.with, entry.without),
      },
    });
    if (args.page) {
      const collapsed = (run.clean ?? '').replace(/\s+/g, ' ');
      printPageDebug(
        key,
        run,
        entry.with.filter((snippet) => !collapsed.includes(snippet)),
        entry.without.filter((snippet) => collapsed.includes(snippet)),
      );
    }
  }
  return records;
}

/** Runs the pages in child processes of CHUNK pages, so memory is returned between chunks. */
function collectInChunks(set: SetName, ids: string[], args: Args): PageRecord[] {
  const script = process.argv[1] ?? '';
  const records: PageRecord[] = [];
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunkArgs = ['--raw', '--set', set, '--offset', String(args.offset + start), '--limit'];
    chunkArgs.push(String(Math.min(CHUNK, ids.length - start)));
    if (args.time) chunkArgs.push('--time');
    const output = execFileSync(process.execPath, [...process.execArgv, script, ...chunkArgs], {
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 256 * 1024 * 1024,
    });
    records.push(...(JSON.parse(output.toString()) as PageRecord[]));
  }
  return records;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? (sorted[Math.floor((sorted.length - 1) / 2)] ?? 0) : 0;
}

const round = (value: number) => Math.round(value * 1000) / 1000;
const f1 = (score: PageScore) =>
  score.precision + score.recall > 0 ? (2 * score.precision * score.recall) / (score.precision + score.recall) : 0;

function timing(records: PageRecord[]) {
  const bare = records.flatMap((record) => (record.bareMs === null ? [] : [record.bareMs]));
  return {
    medianMs: round(median(records.map((record) => record.ms))),
    medianBareMs: bare.length ? round(median(bare)) : null,
  };
}

function summarizeAeb(records: PageRecord[], top: number) {
  const pages = records.filter((record) => record.aeb);
  const scores = (pick: 'ours' | 'plain' | 'upstream' | 'rule') =>
    pages.map((record) => record.aeb?.[pick] as PageScore);
  const perPage = pages.map((record) => ({
    id: record.id,
    ours: round(f1(record.aeb?.ours as PageScore)),
    plain: round(f1(record.aeb?.plain as PageScore)),
  }));
  return {
    pages: pages.length,
    ours: aebMean(scores('ours')),
    plain: aebMean(scores('plain')),
    upstream: aebMean(scores('upstream')),
    rule: aebMean(scores('rule')),
    ...timing(pages),
    lost: perPage
      .map((page) => ({ ...page, delta: round(page.ours - page.plain) }))
      .filter((page) => page.delta < 0)
      .sort((a, b) => a.delta - b.delta)
      .slice(0, top),
    worst: [...perPage].sort((a, b) => a.ours - b.ours).slice(0, top),
  };
}

function summarizeTrafilatura(records: PageRecord[], top: number) {
  const pages = records.filter((record) => record.snippets);
  const errors = (counts: SnippetCounts) => counts.fn + counts.fp;
  const perPage = pages.map((record) => ({
    id: record.id,
    ours: errors(record.snippets?.ours as SnippetCounts),
    plain: errors(record.snippets?.plain as SnippetCounts),
  }));
  return {
    pages: pages.length,
    ours: snippetTotals(pages.map((record) => record.snippets?.ours as SnippetCounts)),
    plain: snippetTotals(pages.map((record) => record.snippets?.plain as SnippetCounts)),
    rule: snippetTotals(pages.map((record) => record.snippets?.rule as SnippetCounts)),
    ...timing(pages),
    lost: perPage
      .filter((page) => page.ours > page.plain)
      .sort((a, b) => b.ours - b.plain - (a.ours - a.plain))
      .slice(0, top),
    worst: [...perPage].sort((a, b) => b.ours - a.ours).slice(0, top),
  };
}

function printAeb(summary: ReturnType<typeof summarizeAeb>) {
  const line = (name: string, score: { f1: number; precision: number; recall: number }) =>
    `  ${name.padEnd(24)} F1 ${round(score.f1)}  P ${round(score.precision)}  R ${round(score.recall)}\n`;
  process.stdout.write(`AEB (${summary.pages} pages)\n`);
  process.stdout.write(line('Article Lens cleanText', summary.ours));
  process.stdout.write(line('plain Readability', summary.plain));
  process.stdout.write(line('upstream Readability.js', summary.upstream));
  process.stdout.write(line('link ratio > 0.3 rule', summary.rule));
  printTiming(summary);
  process.stdout.write('  lost most vs plain (F1 change, ours, plain):\n');
  for (const page of summary.lost)
    process.stdout.write(`    ${page.id.slice(0, 16)} ${page.delta} ${page.ours} ${page.plain}\n`);
  process.stdout.write('  lowest F1 (ours, plain):\n');
  for (const page of summary.worst) process.stdout.write(`    ${page.id.slice(0, 16)} ${page.ours} ${page.plain}\n`);
}

function printTrafilatura(summary: ReturnType<typeof summarizeTrafilatura>) {
  const line = (name: string, score: { f: number; precision: number; recall: number }) =>
    `  ${name.padEnd(24)} F ${round(score.f)}  P ${round(score.precision)}  R ${round(score.recall)}\n`;
  process.stdout.write(`Trafilatura (${summary.pages} pages)\n`);
  process.stdout.write(line('Article Lens cleanText', summary.ours));
  process.stdout.write(line('plain Readability', summary.plain));
  process.stdout.write(line('link ratio > 0.3 rule', summary.rule));
  printTiming(summary);
  process.stdout.write('  lost most vs plain (snippet errors ours, plain):\n');
  for (const page of summary.lost) process.stdout.write(`    ${page.id} ${page.ours} ${page.plain}\n`);
  process.stdout.write('  most snippet errors (ours, plain):\n');
  for (const page of summary.worst) process.stdout.write(`    ${page.id} ${page.ours} ${page.plain}\n`);
}

function printTiming(summary: { medianMs: number; medianBareMs: number | null }) {
  if (summary.medianBareMs === null) return;
  const ratio = summary.medianBareMs > 0 ? round(summary.medianMs / summary.medianBareMs) : 0;
  process.stdout.write(
    `  median ms/page: analysis ${summary.medianMs}, bare Readability parse ${summary.medianBareMs} (${ratio}x)\n`,
  );
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.raw) {
    const set = args.sets[0] as SetName;
    process.stdout.write(JSON.stringify(collect(set, selectIds(set, args), args)));
    return;
  }
  const results: Record<string, unknown> = {};
  for (const set of args.sets) {
    const ids = selectIds(set, args);
    const records = args.page ? collect(set, ids, args) : collectInChunks(set, ids, args);
    const summary = set === 'aeb' ? summarizeAeb(records, args.top) : summarizeTrafilatura(records, args.top);
    results[set] = summary;
    if (args.json) continue;
    if (set === 'aeb') printAeb(summary as ReturnType<typeof summarizeAeb>);
    else printTrafilatura(summary as ReturnType<typeof summarizeTrafilatura>);
  }
  if (!args.page && args.sets.length === SETS.length) {
    // Human block labels (measure and tune only) and the block classifier's site-grouped CV.
    const l3s = evaluateL3s(args.limit);
    results.l3s = {
      ours: l3s.ours,
      lenient: l3s.lenient,
      rule: l3s.rule,
      pipelineRule: l3s.pipelineRule,
      folds: l3s.folds,
    };
    const cv = crossValidationLine(collectRows(args.limit));
    results.blockCv = cv.trim();
    if (!args.json) {
      process.stdout.write(
        `L3S-GN1 (${l3s.records.length} pages, human block labels, flags as the CLI reports them)\n`,
      );
      process.stdout.write(formatL3s('Article Lens flags', l3s.ours));
      process.stdout.write(formatL3s('  label "?" as a lost character', l3s.lenient));
      process.stdout.write(
        formatL3s('plain Readability (flags nothing)', { ...l3s.ours, relatedFound: 0, fullTextFlagged: 0 }),
      );
      process.stdout.write(formatL3s('link ratio > 0.3 rule, pipeline', l3s.pipelineRule));
      process.stdout.write(formatL3s('link ratio > 0.3 on given blocks', l3s.rule));
      process.stdout.write(`  site-grouped ${L3S_FOLDS} folds (${l3s.folds.sites} sites):\n`);
      process.stdout.write(formatGroupedFolds('Article Lens flags', l3s.folds.ours));
      process.stdout.write(formatGroupedFolds('  label "?" as a lost character', l3s.folds.lenient));
      process.stdout.write(`Block classifier (trained on AEB + trafilatura labels)\n${cv}`);
    }
  }
  if (args.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await runScript(main);
