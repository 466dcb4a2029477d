/**
 * Related-content recall and full-text-flagged share on the human block labels of
 * L3S-GN1 (research use only: it measures and tunes, it never trains the shipped weights).
 * Scored as the README of the set says, through the report's flags as the CLI makes them:
 * a related block (label 4, >= 20 characters) is found when a flag of kind "related"
 * holds its text; a full-text block (label 2, >= 40 characters) is wrongly flagged when a
 * boilerplate or related flag holds its text.
 *   node --experimental-strip-types scripts/eval/l3s.ts [--limit N] [--misses]
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzePage } from '../../utils/analyze.ts';
import { decodeHtml } from '../../utils/charset.ts';
import { foldOf, meanSd } from '../../utils/clutter/train-blocks.ts';
import type { Flag } from '../../utils/report.ts';
import { parseHtml } from '../cli/load-page.ts';
import { readSharedBytes, runScript, sharedPath } from '../shared-data.ts';
import { withLinkRatioRule } from './link-ratio-rule.ts';

export interface L3sBlock {
  page: string;
  url: string;
  idx: number;
  label: number;
  text: string;
  linkTextRatio: number;
  invisible: boolean;
}

export interface L3sCounts {
  related: number;
  relatedFound: number;
  fullText: number;
  fullTextFlagged: number;
}

const CHUNK = 60;
export const RELATED = 4;
export const FULL_TEXT = 2;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every labelled block of the shared pages, grouped by page, in page order. */
export function l3sPages(): Map<string, L3sBlock[]> {
  const lines = new TextDecoder().decode(readSharedBytes('data', 'l3s-gn1', 'blocks.jsonl.gz')).split('\n');
  const pages = new Map<string, L3sBlock[]>();
  for (const line of lines) {
    if (!line.trim()) continue;
    const block = JSON.parse(line) as L3sBlock;
    const list = pages.get(block.page) ?? [];
    list.push(block);
    pages.set(block.page, list);
  }
  return pages;
}

export const isScoredRelated = (block: L3sBlock) => block.label === RELATED && collapse(block.text).length >= 20;
export const isScoredFullText = (block: L3sBlock) => block.label === FULL_TEXT && collapse(block.text).length >= 40;

/**
 * Whether a flag's text holds a block's text. The set's conversion wrote "?" for characters
 * it could not map (curly quotes, bullets: "agency?s" where the page has "agency’s"), so
 * with `lenient` a "?" of the label also stands for one non-ASCII character of the flag;
 * the flag's text itself is always the page's text.
 */
export function holds(flag: string, text: string, lenient = false): boolean {
  if (flag.includes(text)) return true;
  if (!lenient || !text.includes('?')) return false;
  const pattern = text
    .split('?')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[?\u0080-\uffff]');
  return new RegExp(pattern, 'u').test(flag);
}

/** Counts for one page's flags. */
export function scoreFlags(
  blocks: L3sBlock[],
  flags: Pick<Flag, 'kind' | 'text'>[],
  lenient = false,
): L3sCounts & { missed: string[] } {
  const related = flags.filter((flag) => flag.kind === 'related').map((flag) => collapse(flag.text));
  const clutter = flags.filter((flag) => flag.kind !== 'clickbait').map((flag) => collapse(flag.text));
  const counts = { related: 0, relatedFound: 0, fullText: 0, fullTextFlagged: 0, missed: [] as string[] };
  for (const block of blocks) {
    const text = collapse(block.text);
    if (isScoredRelated(block)) {
      counts.related++;
      if (related.some((flag) => holds(flag, text, lenient))) counts.relatedFound++;
      else counts.missed.push(text);
    } else if (isScoredFullText(block)) {
      counts.fullText++;
      if (clutter.some((flag) => holds(flag, text, lenient))) counts.fullTextFlagged++;
    }
  }
  return counts;
}

/** The one-line rule on the blocks as given (perfect segmentation): link text ratio > 0.3. */
export function linkRatioRule(blocks: L3sBlock[]): L3sCounts {
  const counts = { related: 0, relatedFound: 0, fullText: 0, fullTextFlagged: 0 };
  for (const block of blocks) {
    if (isScoredRelated(block)) {
      counts.related++;
      if (block.linkTextRatio > 0.3) counts.relatedFound++;
    } else if (isScoredFullText(block)) {
      counts.fullText++;
      if (block.linkTextRatio > 0.3) counts.fullTextFlagged++;
    }
  }
  return counts;
}

export function addCounts(total: L3sCounts, counts: L3sCounts): L3sCounts {
  total.related += counts.related;
  total.relatedFound += counts.relatedFound;
  total.fullText += counts.fullText;
  total.fullTextFlagged += counts.fullTextFlagged;
  return total;
}

/** The page's flags exactly as `npm run analyze -- page.html` reports them (file URL, forced extraction). */
export function cliFlags(page: string): Flag[] {
  const path = sharedPath('data', 'l3s-gn1', 'original', `${page}.html.gz`);
  const url = `file://${path}`;
  const { document, close } = parseHtml(
    decodeHtml(readSharedBytes('data', 'l3s-gn1', 'original', `${page}.html.gz`)),
    url,
  );
  try {
    return analyzePage(document, { force: true, url }).flags;
  } finally {
    close();
  }
}

export interface L3sPageRecord extends L3sCounts {
  page: string;
  missed: string[];
  /** The same page with the link-ratio rule in place of our clutter detectors. */
  rule: L3sCounts;
  /** Our flags with a label's "?" standing for a character the set's conversion lost. */
  lenient: L3sCounts;
}

function runPages(ids: string[], pages: Map<string, L3sBlock[]>): L3sPageRecord[] {
  return ids.map((page) => {
    const flagsOf = (): Flag[] => {
      try {
        return cliFlags(page);
      } catch {
        return [];
      }
    };
    const blocks = pages.get(page) ?? [];
    const { missed: _, ...rule } = scoreFlags(blocks, withLinkRatioRule(flagsOf));
    const flags = flagsOf();
    const { missed: __, ...lenient } = scoreFlags(blocks, flags, true);
    return { page, ...scoreFlags(blocks, flags), rule, lenient };
  });
}

/** All pages, in child processes of CHUNK pages (jsdom keeps memory across windows). */
export function evaluateL3s(limit = Number.POSITIVE_INFINITY): {
  ours: L3sCounts;
  rule: L3sCounts;
  pipelineRule: L3sCounts;
  lenient: L3sCounts;
  records: L3sPageRecord[];
  folds: { ours: L3sCounts[]; lenient: L3sCounts[]; sites: number };
} {
  const pages = l3sPages();
  const ids = [...pages.keys()].sort().slice(0, limit);
  const script = fileURLToPath(import.meta.url);
  const records: L3sPageRecord[] = [];
  for (let start = 0; start < ids.length; start += CHUNK) {
    const output = execFileSync(
      process.execPath,
      [...process.execArgv, script, '--raw', ...ids.slice(start, start + CHUNK)],
      { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 256 * 1024 * 1024 },
    );
    records.push(...(JSON.parse(output.toString()) as L3sPageRecord[]));
  }
  const ours = records.reduce(addCounts, { related: 0, relatedFound: 0, fullText: 0, fullTextFlagged: 0 });
  const pipelineRule = records
    .map((record) => record.rule)
    .reduce(addCounts, { related: 0, relatedFound: 0, fullText: 0, fullTextFlagged: 0 });
  const lenient = records
    .map((record) => record.lenient)
    .reduce(addCounts, { related: 0, relatedFound: 0, fullText: 0, fullTextFlagged: 0 });
  const rule = ids
    .map((id) => linkRatioRule(pages.get(id) ?? []))
    .reduce(addCounts, { related: 0, relatedFound: 0, fullText: 0, fullTextFlagged: 0 });
  const folds = {
    ours: groupedFolds(records, pages),
    lenient: groupedFolds(
      records.map((record) => ({ page: record.page, ...record.lenient })),
      pages,
    ),
    sites: new Set(ids.map((id) => siteOf(pages.get(id) ?? [], id))).size,
  };
  return { ours, rule, pipelineRule, lenient, records, folds };
}

/** Site-grouped folds: pages split by the host of their URL, so no site sits in two folds. */
export const L3S_FOLDS = 5;

/** The site of a page: its URL's host without "www.", or the page id when the URL does not parse. */
export function siteOf(blocks: L3sBlock[], page: string): string {
  try {
    return new URL(blocks[0]?.url ?? '').hostname.replace(/^www\./, '') || page;
  } catch {
    return page;
  }
}

/** Counts per site-grouped fold (folds without a related block still count for the full-text share). */
export function groupedFolds(
  records: Pick<L3sPageRecord, 'page' | keyof L3sCounts>[],
  pages: Map<string, L3sBlock[]>,
  folds = L3S_FOLDS,
): L3sCounts[] {
  const counts = Array.from({ length: folds }, () => ({
    related: 0,
    relatedFound: 0,
    fullText: 0,
    fullTextFlagged: 0,
  }));
  for (const record of records) {
    const fold = counts[foldOf(siteOf(pages.get(record.page) ?? [], record.page), folds)];
    if (fold) addCounts(fold, record);
  }
  return counts;
}

/** One line: related recall and full-text share as mean ± sd over the site-grouped folds, with the worst fold. */
export function formatGroupedFolds(name: string, folds: L3sCounts[]): string {
  const withRelated = folds.filter((fold) => fold.related > 0);
  const recalls = withRelated.map((fold) => fold.relatedFound / fold.related);
  const shares = folds.filter((fold) => fold.fullText > 0).map((fold) => (fold.fullTextFlagged / fold.fullText) * 100);
  const recall = meanSd(recalls);
  const share = meanSd(shares);
  return (
    `  ${name.padEnd(34)} related recall ${recall.mean.toFixed(3)}±${recall.sd.toFixed(3)} ` +
    `(worst ${Math.min(...recalls).toFixed(3)})  full text flagged ${share.mean.toFixed(2)}±${share.sd.toFixed(2)} % ` +
    `(worst ${Math.max(...shares).toFixed(2)} %)\n`
  );
}

export function formatL3s(name: string, counts: L3sCounts): string {
  const recall = counts.related ? counts.relatedFound / counts.related : 0;
  const flagged = counts.fullText ? counts.fullTextFlagged / counts.fullText : 0;
  return (
    `  ${name.padEnd(34)} related recall ${recall.toFixed(3)} (${counts.relatedFound}/${counts.related})  ` +
    `full text flagged ${(flagged * 100).toFixed(2)} % (${counts.fullTextFlagged}/${counts.fullText})\n`
  );
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--raw') {
    process.stdout.write(JSON.stringify(runPages(argv.slice(1), l3sPages())));
    return;
  }
  const limitAt = argv.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(argv[limitAt + 1]) : Number.POSITIVE_INFINITY;
  const { ours, rule, pipelineRule, lenient, records, folds } = evaluateL3s(limit);
  process.stdout.write(`L3S-GN1 (${records.length} pages, human block labels)\n`);
  process.stdout.write(formatL3s('Article Lens flags', ours));
  process.stdout.write(formatL3s('  label "?" as a lost character', lenient));
  process.stdout.write(
    formatL3s('plain Readability (flags nothing)', { ...ours, relatedFound: 0, fullTextFlagged: 0 }),
  );
  process.stdout.write(formatL3s('link ratio > 0.3 rule, pipeline', pipelineRule));
  process.stdout.write(formatL3s('link ratio > 0.3 on given blocks', rule));
  process.stdout.write(`  site-grouped ${L3S_FOLDS} folds (${folds.sites} sites):\n`);
  process.stdout.write(formatGroupedFolds('Article Lens flags', folds.ours));
  process.stdout.write(formatGroupedFolds('  label "?" as a lost character', folds.lenient));
  if (argv.includes('--misses')) {
    for (const record of records) {
      if (record.missed.length === 0 && record.fullTextFlagged === 0) continue;
      process.stdout.write(
        `\n=== ${record.page} found ${record.relatedFound}/${record.related} ft ${record.fullTextFlagged}\n`,
      );
      for (const text of record.missed) process.stdout.write(`  MISSED: ${text.slice(0, 150)}\n`);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runScript(main);
