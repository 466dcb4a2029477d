/**
 * Evaluates the committed clickbait model on ../shared/data/clickbait/validation.tsv,
 * prints its verdicts on the seed article's headline and teasers, and benchmarks
 * what the clickbait detector costs within a whole analysis of the seed page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyzeDocument } from '../utils/analyze.ts';
import { clickbaitDetector, judgePageHeadline, scoreHeadline } from '../utils/clickbait/index.ts';
import modelJson from '../utils/clickbait/model.json' with { type: 'json' };
import { type ClickbaitModel, loadModel } from '../utils/clickbait/model.ts';
import { evaluate } from '../utils/clickbait/train.ts';
import type { DetectionContext } from '../utils/detectors.ts';
import { readSharedBytes, readSharedJson, runScript, sharedPath } from './shared-data.ts';
import { MODEL_PATH, readClickbaitSplit } from './train-clickbait.ts';

interface SeedExpectations {
  headline: { text: string; clickbait: boolean };
  teaserHeadlines: { text: string; clickbait: boolean }[];
}

async function main(): Promise<void> {
  const metrics = evaluate(modelJson as ClickbaitModel, readClickbaitSplit('validation'));
  const out: string[] = [
    `Validation (${metrics.count} headlines, threshold 0.5):`,
    `  accuracy  ${metrics.accuracy.toFixed(4)}`,
    `  precision ${metrics.precision.toFixed(4)}`,
    `  recall    ${metrics.recall.toFixed(4)}`,
    `  F1        ${metrics.f1.toFixed(4)}`,
    '',
    'Seed article (../shared/fixtures/seed-article/expected.json):',
  ];
  const seed = readSharedJson<SeedExpectations>('fixtures', 'seed-article', 'expected.json');
  let agree = 0;
  const expected = [seed.headline, ...seed.teaserHeadlines];
  for (const { text, clickbait } of expected) {
    const verdict = scoreHeadline(text);
    if (verdict.clickbait === clickbait) agree++;
    const mark = verdict.clickbait === clickbait ? 'ok ' : 'XX ';
    const reasons = verdict.reasons.length > 0 ? ` — ${verdict.reasons.join('; ')}` : '';
    out.push(`  ${mark}${verdict.clickbait ? 'BAIT' : 'news'} ${verdict.score?.toFixed(3)}  ${text}${reasons}`);
  }
  out.push(`  ${agree}/${expected.length} as expected`, '', ...benchmark());
  if (process.argv.includes('--pages')) out.push('', ...benchmarkPages());
  process.stdout.write(`${out.join('\n')}\n`);
}

/**
 * Mean CPU milliseconds per call of `run`, after a warm-up. CPU time rather
 * than wall time, so a busy machine skews the share less.
 */
function time(run: () => void, rounds: number): number {
  for (let i = 0; i < 3; i++) run();
  const started = process.cpuUsage();
  for (let i = 0; i < rounds; i++) run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / rounds;
}

/** The clickbait detector's own work on a document, given the context the pipeline builds. */
function clickbaitWork(document: Document): () => void {
  const headlineElement = document.querySelector('h1');
  const context: DetectionContext = {
    document,
    options: { clickbaitThreshold: 0.5 },
    article: null,
    lang: 'en',
    articleRoot: null,
    holdsArticleText: () => false,
    headlineElement,
    headlineText: headlineElement?.textContent ?? null,
  };
  return () => {
    clickbaitDetector.detect(context);
    judgePageHeadline(context.headlineText ?? '', context);
  };
}

function benchmark(): string[] {
  const html = new TextDecoder().decode(readSharedBytes('fixtures', 'seed-article', 'page.html'));
  const { document } = new JSDOM(html, { url: 'https://bestnews.example/ww3-fears' }).window;
  const whole = time(() => analyzeDocument(document), 40);
  const clickbait = time(clickbaitWork(document), 200);
  const modelText = readFileSync(MODEL_PATH, 'utf8');
  const load = time(() => loadModel(JSON.parse(modelText) as ClickbaitModel), 20);
  return [
    'Cost on the seed page (jsdom, mean CPU time per analysis):',
    `  whole analysis   ${whole.toFixed(2)} ms`,
    `  clickbait        ${clickbait.toFixed(3)} ms (headline + teaser scan and scoring), ${((100 * clickbait) / whole).toFixed(2)}% of the analysis`,
    `  model load       ${load.toFixed(2)} ms (parse + index, once per page)`,
  ];
}

/** The same share over the real pages of Readability's test suite (`--pages`). */
function benchmarkPages(): string[] {
  const root = sharedPath('data', 'readability-test-pages');
  let whole = 0;
  let clickbait = 0;
  let pages = 0;
  const shares: number[] = [];
  for (const name of readdirSync(root).sort()) {
    const file = join(root, name, 'source.html.gz');
    if (!existsSync(file)) continue;
    const html = new TextDecoder().decode(readSharedBytes('data', 'readability-test-pages', name, 'source.html.gz'));
    const { document } = new JSDOM(html, { url: `https://example.com/${name}`, virtualConsole: new VirtualConsole() })
      .window;
    const pageWhole = time(() => analyzeDocument(document), 2);
    const pageClickbait = time(clickbaitWork(document), 5);
    whole += pageWhole;
    clickbait += pageClickbait;
    shares.push(pageClickbait / pageWhole);
    pages++;
  }
  shares.sort((a, b) => a - b);
  const median = shares[Math.floor(shares.length / 2)] ?? 0;
  return [
    `Cost over ${pages} Readability test pages (jsdom, CPU time):`,
    `  whole analyses   ${whole.toFixed(0)} ms, clickbait ${clickbait.toFixed(1)} ms: ${((100 * clickbait) / whole).toFixed(2)}% in total, median page ${(100 * median).toFixed(2)}%`,
  ];
}

await runScript(main);
