/**
 * `npm run train:blocks`: trains the block classifier into utils/clutter/block-model.json.
 * Labels come only from sets whose licences allow shipping what is learned:
 * - AEB: a block is article content when its 4-token shingles are nearly all in the
 *   people-written article text, clutter when nearly none are;
 * - trafilatura: a block holding a must-keep snippet (and no must-drop one) is content,
 *   one holding a must-drop snippet (and no must-keep one) is clutter.
 * Blocks are the classifier's own candidates, with the features it sees in the browser.
 * Prints site-grouped cross-validation (mean ± sd over folds of whole sites).
 * Deterministic: the same pages give the same bytes.
 *   npm run train:blocks -- [--limit N] [--cache out/block-rows.json]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyzeDocument } from '../../utils/analyze.ts';
import { decodeHtml } from '../../utils/charset.ts';
import { FEATURE_NAMES } from '../../utils/clutter/block-features.ts';
import { blockModelDetector, isCandidate, judgeBlock } from '../../utils/clutter/block-model.ts';
import { blockIndex } from '../../utils/clutter/blocks.ts';
import { crossValidate, DEFAULT_FIT, fitBlockModel, meanSd, type Row } from '../../utils/clutter/train-blocks.ts';
import type { DetectionContext } from '../../utils/detectors.ts';
import { PROJECT_ROOT, readSharedBytes, readSharedJson, runScript, sharedPath } from '../shared-data.ts';

export const BLOCK_MODEL_PATH = resolve(PROJECT_ROOT, 'utils/clutter/block-model.json');
const CHUNK = 100;
const FOLDS = 5;
/**
 * Flagging thresholds, for blocks holding article text and for the rest. Tuned with
 * `npm run eval:clutter` (clean-text recall on AEB and trafilatura for the first, related
 * recall on the human block labels for the second); the labels never reach the weights.
 */
export const THRESHOLD = 0.4;
export const THRESHOLD_OUTSIDE = 0.1;

interface Candidate {
  values: number[];
  text: string;
}

/** The classifier's candidates on one page, with their features, as the browser sees them. */
export function pageCandidates(html: string, url: string): Candidate[] {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  const found: Candidate[] = [];
  const detect = blockModelDetector.detect;
  (blockModelDetector as { detect: typeof detect }).detect = (context: DetectionContext) => {
    const index = blockIndex(context);
    for (const element of index.elements) {
      if (!isCandidate(index, element)) continue;
      const { values } = judgeBlock(index, context, element);
      found.push({ values: Array.from(values, (value) => Math.round(value * 1e5) / 1e5), text: index.text(element) });
    }
    return [];
  };
  try {
    analyzeDocument(dom.window.document, { url, force: true });
  } finally {
    (blockModelDetector as { detect: typeof detect }).detect = detect;
    dom.window.close();
  }
  return found;
}

const TOKENS = /[\p{L}\p{N}_]+/gu;

function shingleSet(text: string): Set<string> {
  const tokens = text.toLowerCase().match(TOKENS) ?? [];
  const set = new Set<string>();
  for (let at = 0; at + 4 <= tokens.length; at++) set.add(tokens.slice(at, at + 4).join(' '));
  return set;
}

/** AEB: share of the block's shingles in the article text decides; the middle is left out. */
function aebRows(id: string, truth: { articleBody: string; url?: string }): Row[] {
  const html = decodeHtml(readSharedBytes('data', 'aeb', 'html', `${id}.html.gz`));
  const url = truth.url ?? 'https://fake-url.com';
  const article = shingleSet(truth.articleBody);
  const rows: Row[] = [];
  for (const candidate of pageCandidates(html, url)) {
    const shingles = shingleSet(candidate.text);
    if (shingles.size === 0) continue;
    let inside = 0;
    for (const shingle of shingles) if (article.has(shingle)) inside++;
    const share = inside / shingles.size;
    if (share >= 0.8) rows.push({ values: candidate.values, label: 0, group: hostOf(url), weight: 1 });
    else if (share <= 0.1) rows.push({ values: candidate.values, label: 1, group: hostOf(url), weight: 1 });
  }
  return rows;
}

interface TrafEntry {
  file: string;
  with: string[];
  without: string[];
}

function trafilaturaUrl(key: string): string {
  const name = key.replace(/^[a-z]+::/, '');
  return /^https?:\/\//.test(name) ? name : `https://${name.replace(/[^\w.-]/g, '-')}/`;
}

/** Trafilatura: the snippets a block holds decide; a block with both kinds, or neither, is left out. */
function trafilaturaRows(key: string, entry: TrafEntry): Row[] {
  const html = decodeHtml(readSharedBytes('data', 'trafilatura', 'html', entry.file));
  const url = trafilaturaUrl(key);
  const rows: Row[] = [];
  for (const candidate of pageCandidates(html, url)) {
    const text = candidate.text.replace(/\s+/g, ' ');
    const keep = entry.with.some((snippet) => text.includes(snippet));
    const drop = entry.without.some((snippet) => text.includes(snippet));
    if (keep === drop) continue;
    rows.push({ values: candidate.values, label: drop ? 1 : 0, group: hostOf(url), weight: 1 });
  }
  return rows;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\d?\./, '');
  } catch {
    return url;
  }
}

type Job = { set: 'aeb' | 'trafilatura'; id: string };

function jobs(limit: number): Job[] {
  const truth = readSharedJson<Record<string, unknown>>('data', 'aeb', 'ground-truth.json');
  const aeb = readdirSync(sharedPath('data', 'aeb', 'html'))
    .map((file) => file.replace(/\.html\.gz$/, ''))
    .filter((id) => truth[id])
    .sort()
    .slice(0, limit)
    .map((id): Job => ({ set: 'aeb', id }));
  const traf = Object.keys(readSharedJson<Record<string, TrafEntry>>('data', 'trafilatura', 'evaldata.json'))
    .sort()
    .slice(0, limit)
    .map((id): Job => ({ set: 'trafilatura', id }));
  return [...aeb, ...traf];
}

function rowsOf(list: Job[]): Row[] {
  const truth = readSharedJson<Record<string, { articleBody: string; url?: string }>>(
    'data',
    'aeb',
    'ground-truth.json',
  );
  const traf = readSharedJson<Record<string, TrafEntry>>('data', 'trafilatura', 'evaldata.json');
  const rows: Row[] = [];
  for (const job of list) {
    try {
      if (job.set === 'aeb') rows.push(...aebRows(job.id, truth[job.id] as { articleBody: string; url?: string }));
      else rows.push(...trafilaturaRows(job.id, traf[job.id] as TrafEntry));
    } catch {
      // A page that fails to parse gives no rows.
    }
  }
  return rows;
}

/** All rows, in child processes of CHUNK pages (jsdom keeps memory across windows). */
export function collectRows(limit = Number.POSITIVE_INFINITY): Row[] {
  const all = jobs(limit);
  const script = fileURLToPath(import.meta.url);
  const rows: Row[] = [];
  for (let start = 0; start < all.length; start += CHUNK) {
    const output = execFileSync(
      process.execPath,
      [...process.execArgv, script, '--raw', JSON.stringify(all.slice(start, start + CHUNK))],
      { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1024 * 1024 * 1024 },
    );
    rows.push(...(JSON.parse(output.toString()) as Row[]));
  }
  return rows;
}

const fmt = (value: { mean: number; sd: number }) => `${value.mean.toFixed(3)} ± ${value.sd.toFixed(3)}`;

/** Site-grouped CV of the block classifier, as printed by training and eval:clutter. */
export function crossValidationLine(rows: Row[]): string {
  const folds = crossValidate(rows, FEATURE_NAMES, FOLDS, THRESHOLD, DEFAULT_FIT);
  const sites = new Set(rows.map((row) => row.group)).size;
  return (
    `  site-grouped ${FOLDS}-fold CV (${rows.length} blocks, ${sites} sites): ` +
    `F1 ${fmt(meanSd(folds.map((f) => f.f1)))}, precision ${fmt(meanSd(folds.map((f) => f.precision)))}, ` +
    `recall ${fmt(meanSd(folds.map((f) => f.recall)))}, accuracy ${fmt(meanSd(folds.map((f) => f.accuracy)))}, ` +
    `content blocks kept ${fmt(meanSd(folds.map((f) => f.contentKept)))}\n`
  );
}

export function serializeBlockModel(rows: Row[]): string {
  const model = {
    ...fitBlockModel(rows, FEATURE_NAMES, DEFAULT_FIT),
    threshold: THRESHOLD,
    thresholdOutside: THRESHOLD_OUTSIDE,
  };
  return `${JSON.stringify(model)}\n`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--raw') {
    process.stdout.write(JSON.stringify(rowsOf(JSON.parse(argv[1] ?? '[]') as Job[])));
    return;
  }
  const limitAt = argv.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(argv[limitAt + 1]) : Number.POSITIVE_INFINITY;
  const cacheAt = argv.indexOf('--cache');
  const cache = cacheAt >= 0 ? resolve(argv[cacheAt + 1] ?? '') : null;
  const started = performance.now();
  let rows: Row[];
  if (cache && existsSync(cache)) rows = JSON.parse(readFileSync(cache, 'utf8')) as Row[];
  else {
    rows = collectRows(limit);
    if (cache) writeFileSync(cache, JSON.stringify(rows));
  }
  const clutter = rows.filter((row) => row.label === 1).length;
  process.stdout.write(`Blocks: ${rows.length} (${clutter} clutter, ${rows.length - clutter} content)\n`);
  process.stdout.write(crossValidationLine(rows));
  const text = serializeBlockModel(rows);
  writeFileSync(BLOCK_MODEL_PATH, text);
  process.stdout.write(
    `Wrote utils/clutter/block-model.json (${(Buffer.byteLength(text) / 1024).toFixed(1)} KB) in ` +
      `${((performance.now() - started) / 1000).toFixed(0)} s\n`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runScript(main);
