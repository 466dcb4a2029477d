/**
 * Scores cleanText (article text minus flagged clutter) against plain
 * Readability on the shared AEB and trafilatura sets, in the same run.
 *   npm run eval:clutter -- [--set aeb|trafilatura] [--limit N] [--json] [--top N] [--page ID] [--time]
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyzeDocument } from '../utils/analyze.ts';
import { decodeHtml } from '../utils/charset.ts';
import {
  aebMean,
  aebPageScore,
  type PageScore,
  type SnippetCounts,
  snippetCounts,
  snippetTotals,
} from './clutter-metrics.ts';
import { readSharedBytes, readSharedJson, runScript, sharedPath } from './shared-data.ts';

interface Args {
  sets: string[];
  limit: number;
  json: boolean;
  top: number;
  page: string | null;
  time: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sets: ['aeb', 'trafilatura'], limit: Infinity, json: false, top: 10, page: null, time: false };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const next = () => argv[++index] ?? '';
    if (arg === '--json') args.json = true;
    else if (arg === '--time') args.time = true;
    else if (arg === '--limit') args.limit = Number(next());
    else if (arg === '--top') args.top = Number(next());
    else if (arg === '--set') args.sets = [next()];
    else if (arg === '--page') args.page = next();
  }
  return args;
}

export interface PageRun {
  plain: string | null;
  clean: string | null;
  flags: { category: string; text: string }[];
  /** Milliseconds: whole analysis, and a bare Readability parse of the same page. */
  ms: number;
  bareMs: number | null;
}

export function runPage(html: string, url: string, time = false): PageRun {
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? (sorted[Math.floor((sorted.length - 1) / 2)] ?? 0) : 0;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

interface AebTruth {
  articleBody: string;
  url?: string;
}

function evalAeb(args: Args) {
  const truth = readSharedJson<Record<string, AebTruth>>('data', 'aeb', 'ground-truth.json');
  const upstream = readSharedJson<Record<string, { articleBody: string }>>(
    'data',
    'aeb',
    'readability_js-0.6.0-output.json',
  );
  const ids = readdirSync(sharedPath('data', 'aeb', 'html'))
    .map((file) => file.replace(/\.html\.gz$/, ''))
    .filter((id) => truth[id] && (!args.page || id.startsWith(args.page)))
    .sort()
    .slice(0, args.limit);
  const ours: PageScore[] = [];
  const plain: PageScore[] = [];
  const up: PageScore[] = [];
  const pages: { id: string; ours: number; plain: number; run: PageRun }[] = [];
  const times: number[] = [];
  const bareTimes: number[] = [];
  for (const id of ids) {
    const entry = truth[id] as AebTruth;
    const html = decodeHtml(readSharedBytes('data', 'aeb', 'html', `${id}.html.gz`));
    const run = runPage(html, entry.url ?? 'https://fake-url.com', args.time);
    const oursScore = aebPageScore(run.clean ?? '', entry.articleBody);
    const plainScore = aebPageScore(run.plain ?? '', entry.articleBody);
    ours.push(oursScore);
    plain.push(plainScore);
    up.push(aebPageScore(upstream[id]?.articleBody ?? '', entry.articleBody));
    times.push(run.ms);
    if (run.bareMs !== null) bareTimes.push(run.bareMs);
    const f = (score: PageScore) =>
      score.precision + score.recall > 0 ? (2 * score.precision * score.recall) / (score.precision + score.recall) : 0;
    pages.push({ id, ours: f(oursScore), plain: f(plainScore), run });
    if (args.page) printPageDebug(id, run, [], []);
  }
  const lost = pages
    .map((page) => ({ id: page.id, delta: page.ours - page.plain, ours: page.ours, plain: page.plain }))
    .sort((a, b) => a.delta - b.delta)
    .slice(0, args.top);
  const worst = [...pages].sort((a, b) => a.ours - b.ours).slice(0, args.top);
  return {
    pages: ids.length,
    ours: aebMean(ours),
    plain: aebMean(plain),
    upstream: aebMean(up),
    medianMs: median(times),
    medianBareMs: bareTimes.length ? median(bareTimes) : null,
    lost,
    worst: worst.map((page) => ({ id: page.id, ours: page.ours, plain: page.plain })),
  };
}

interface TrafEntry {
  file: string;
  with: string[];
  without: string[];
}

function printPageDebug(id: string, run: PageRun, missed: string[], leaked: string[]) {
  process.stdout.write(`\n=== ${id}\n`);
  for (const flag of run.flags) process.stdout.write(`  [${flag.category}] ${flag.text.slice(0, 140)}\n`);
  for (const snippet of missed) process.stdout.write(`  MISSED: ${snippet.slice(0, 140)}\n`);
  for (const snippet of leaked) process.stdout.write(`  LEAKED: ${snippet.slice(0, 140)}\n`);
}

function evalTrafilatura(args: Args) {
  const data = readSharedJson<Record<string, TrafEntry>>('data', 'trafilatura', 'evaldata.json');
  const keys = Object.keys(data)
    .filter((key) => !args.page || key.includes(args.page))
    .sort()
    .slice(0, args.limit);
  const ours: SnippetCounts[] = [];
  const plain: SnippetCounts[] = [];
  const pages: { key: string; delta: number; oursErrors: number; plainErrors: number }[] = [];
  const times: number[] = [];
  const bareTimes: number[] = [];
  for (const key of keys) {
    const entry = data[key] as TrafEntry;
    const html = decodeHtml(readSharedBytes('data', 'trafilatura', 'html', entry.file));
    const name = key.replace(/^[a-z]+::/, '');
    const url = /^https?:\/\//.test(name) ? name : `https://${name.replace(/[^\w.-]/g, '-')}/`;
    if (process.env.EVAL_PROGRESS) process.stderr.write(`${key}\n`);
    let run: PageRun;
    try {
      run = runPage(html, url, args.time);
    } catch {
      run = { plain: null, clean: null, flags: [], ms: 0, bareMs: null };
    }
    const oursCounts = snippetCounts(run.clean, entry.with, entry.without);
    const plainCounts = snippetCounts(run.plain, entry.with, entry.without);
    ours.push(oursCounts);
    plain.push(plainCounts);
    times.push(run.ms);
    if (run.bareMs !== null) bareTimes.push(run.bareMs);
    const errors = (counts: SnippetCounts) => counts.fn + counts.fp;
    pages.push({
      key,
      delta: errors(plainCounts) - errors(oursCounts),
      oursErrors: errors(oursCounts),
      plainErrors: errors(plainCounts),
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
  return {
    pages: keys.length,
    ours: snippetTotals(ours),
    plain: snippetTotals(plain),
    medianMs: median(times),
    medianBareMs: bareTimes.length ? median(bareTimes) : null,
    lost: [...pages].sort((a, b) => a.delta - b.delta).slice(0, args.top),
    worst: [...pages].sort((a, b) => b.oursErrors - a.oursErrors).slice(0, args.top),
  };
}

/** jsdom keeps memory across hundreds of windows: each set runs in its own process. */
function runSetInChild(set: string, argv: string[], json: boolean): Record<string, unknown> | null {
  const rest = argv.filter((arg, index) => arg !== '--set' && argv[index - 1] !== '--set');
  const output = execFileSync(process.execPath, [...process.execArgv, process.argv[1] ?? '', ...rest, '--set', set], {
    stdio: ['ignore', json ? 'pipe' : 'inherit', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return json ? (JSON.parse(output.toString()) as Record<string, unknown>) : null;
}

async function main() {
  const argv = process.argv.slice(2);
  const args = parseArgs(argv);
  if (args.sets.length > 1) {
    const merged = Object.assign({}, ...args.sets.map((set) => runSetInChild(set, argv, args.json)));
    if (args.json) process.stdout.write(`${JSON.stringify(merged, null, 2)}\n`);
    return;
  }
  const results: Record<string, unknown> = {};
  if (args.sets.includes('aeb')) {
    const aeb = evalAeb(args);
    results.aeb = aeb;
    if (!args.json) {
      const line = (name: string, score: { f1: number; precision: number; recall: number }) =>
        `  ${name.padEnd(22)} F1 ${round(score.f1)}  P ${round(score.precision)}  R ${round(score.recall)}\n`;
      process.stdout.write(`AEB (${aeb.pages} pages)\n`);
      process.stdout.write(line('Article Lens cleanText', aeb.ours));
      process.stdout.write(line('plain Readability', aeb.plain));
      process.stdout.write(line('upstream Readability.js', aeb.upstream));
      if (aeb.medianBareMs !== null) {
        process.stdout.write(
          `  median ms/page: ours ${round(aeb.medianMs)}, bare Readability ${round(aeb.medianBareMs)}\n`,
        );
      }
      process.stdout.write('  lost most vs plain (F1 delta, ours, plain):\n');
      for (const page of aeb.lost.filter((page) => page.delta < 0)) {
        process.stdout.write(
          `    ${page.id.slice(0, 16)} ${round(page.delta)} ${round(page.ours)} ${round(page.plain)}\n`,
        );
      }
      process.stdout.write('  lowest F1:\n');
      for (const page of aeb.worst) {
        process.stdout.write(`    ${page.id.slice(0, 16)} ours ${round(page.ours)} plain ${round(page.plain)}\n`);
      }
    }
  }
  if (args.sets.includes('trafilatura')) {
    const traf = evalTrafilatura(args);
    results.trafilatura = traf;
    if (!args.json) {
      const line = (name: string, score: { f: number; precision: number; recall: number }) =>
        `  ${name.padEnd(22)} F ${round(score.f)}  P ${round(score.precision)}  R ${round(score.recall)}\n`;
      process.stdout.write(`Trafilatura (${traf.pages} pages)\n`);
      process.stdout.write(line('Article Lens cleanText', traf.ours));
      process.stdout.write(line('plain Readability', traf.plain));
      if (traf.medianBareMs !== null) {
        process.stdout.write(
          `  median ms/page: ours ${round(traf.medianMs)}, bare Readability ${round(traf.medianBareMs)}\n`,
        );
      }
      process.stdout.write('  lost most vs plain (errors ours, plain):\n');
      for (const page of traf.lost.filter((page) => page.delta < 0)) {
        process.stdout.write(`    ${page.key} ${page.oursErrors} ${page.plainErrors}\n`);
      }
      process.stdout.write('  most errors:\n');
      for (const page of traf.worst)
        process.stdout.write(`    ${page.key} ${page.oursErrors} (plain ${page.plainErrors})\n`);
    }
  }
  if (args.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await runScript(main);
