/**
 * Evaluates the committed clickbait models in one run, each set next to a
 * naive Bayes baseline trained in the same run on the same training data:
 * - Stop Clickbait validation (../shared/data/clickbait): accuracy, precision, recall, F1;
 * - news-style titles (../shared/data/clickbait-news/validation.tsv): accuracy;
 * - real clickbait posts of news media (postText of ../shared/data/clickbait-spoiling/validation.jsonl):
 *   share flagged;
 * - Spanish teasers (../shared/data/clickbait-es/validation.tsv): clickbait F1;
 * with reliability bins (is a score of 0.5 a coin flip?), the model size, the
 * seed article's verdicts and what the detector costs within an analysis.
 * Headlines are scored as `analyze --headlines` scores them: no language given.
 * The news-style and posts sets only measure: nothing here trains what ships.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyzeDocument } from '../../utils/analyze.ts';
import { clickbaitDetector, judgePageHeadline, scoreHeadline } from '../../utils/clickbait/index.ts';
import { type ClickbaitModels, loadModel } from '../../utils/clickbait/model.ts';
import { binaryMetrics, type LabelledHeadline, parseTsv } from '../../utils/clickbait/train.ts';
import type { DetectionContext } from '../../utils/detectors.ts';
import { readSharedBytes, readSharedJson, runScript, sharedPath } from '../shared-data.ts';
import { MODEL_PATH, readClickbaitSplit } from '../train/clickbait.ts';

interface SeedExpectations {
  headline: { text: string; clickbait: boolean };
  teaserHeadlines: { text: string; clickbait: boolean }[];
}

export const readText = (...parts: string[]) => new TextDecoder().decode(readSharedBytes(...parts));

/** The postText of every clickbait post (all of them are bait, by selection of the corpus). */
export function readPosts(): LabelledHeadline[] {
  return readText('data', 'clickbait-spoiling', 'validation.jsonl')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const post = JSON.parse(line) as { postText?: string[] };
      return { label: 1 as const, text: (post.postText ?? []).join(' ') };
    });
}

const WORD = /[\p{L}\p{N}']+/gu;
/** Lower-cased word unigrams and bigrams: the baseline's features. */
function bagOfWords(text: string): string[] {
  const words = text.toLowerCase().match(WORD) ?? [];
  const grams = [...words];
  for (let i = 1; i < words.length; i++) grams.push(`${words[i - 1]} ${words[i]}`);
  return grams;
}

/** Multinomial naive Bayes with add-one smoothing: the baseline, trained here in this run. */
export function naiveBayes(rows: LabelledHeadline[]): (text: string) => number {
  const counts = [new Map<string, number>(), new Map<string, number>()];
  const totals = [0, 0];
  const docs = [0, 0];
  for (const row of rows) {
    docs[row.label] = (docs[row.label] ?? 0) + 1;
    const table = counts[row.label] as Map<string, number>;
    for (const gram of bagOfWords(row.text)) {
      table.set(gram, (table.get(gram) ?? 0) + 1);
      totals[row.label] = (totals[row.label] ?? 0) + 1;
    }
  }
  const vocabulary = new Set([
    ...(counts[0] as Map<string, number>).keys(),
    ...(counts[1] as Map<string, number>).keys(),
  ]);
  const size = vocabulary.size;
  const [bait, news] = [counts[1] as Map<string, number>, counts[0] as Map<string, number>];
  const [baitTotal, newsTotal] = [totals[1] as number, totals[0] as number];
  const prior = Math.log(((docs[1] as number) + 1) / ((docs[0] as number) + 1));
  return (text) => {
    let logit = prior;
    for (const gram of bagOfWords(text)) {
      if (!vocabulary.has(gram)) continue;
      logit += Math.log(((bait.get(gram) ?? 0) + 1) / (baitTotal + size));
      logit -= Math.log(((news.get(gram) ?? 0) + 1) / (newsTotal + size));
    }
    return 1 / (1 + Math.exp(-Math.max(-50, Math.min(50, logit))));
  };
}

interface Figures {
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  flagged: number;
  notScored: number;
}

function figures(scores: (number | null)[], rows: LabelledHeadline[], threshold = 0.5): Figures {
  const flagged = scores.map((score) => score !== null && score >= threshold);
  return {
    ...binaryMetrics(flagged, rows),
    flagged: flagged.filter(Boolean).length / Math.max(rows.length, 1),
    notScored: scores.filter((score) => score === null).length,
  };
}

/** Reliability bins: per score range, how many headlines, mean score and the share that is bait. */
function reliability(scores: (number | null)[], rows: LabelledHeadline[], bins = 5): string {
  const table = Array.from({ length: bins }, () => ({ count: 0, bait: 0, score: 0 }));
  rows.forEach((row, index) => {
    const score = scores[index];
    if (score === null || score === undefined) return;
    const bin = table[Math.min(bins - 1, Math.floor(score * bins))] as { count: number; bait: number; score: number };
    bin.count++;
    bin.bait += row.label;
    bin.score += score;
  });
  return table
    .map((bin, index) => {
      const range = `${(index / bins).toFixed(1)}-${((index + 1) / bins).toFixed(1)}`;
      return bin.count === 0
        ? `${range} -`
        : `${range} n=${bin.count} score ${(bin.score / bin.count).toFixed(2)} bait ${(bin.bait / bin.count).toFixed(2)}`;
    })
    .join(' | ');
}

const f3 = (value: number) => value.toFixed(3);

async function main(): Promise<void> {
  const scTrain = readClickbaitSplit('train');
  const esTrain = readClickbaitSplit('train', 'es');
  const sets = {
    stop: readClickbaitSplit('validation'),
    news: parseTsv(readText('data', 'clickbait-news', 'validation.tsv')),
    posts: readPosts(),
    spanish: readClickbaitSplit('validation', 'es'),
  };
  const nbEnglish = naiveBayes(scTrain);
  const nbSpanish = naiveBayes(esTrain);
  const ours = (rows: LabelledHeadline[]) => rows.map((row) => scoreHeadline(row.text).score);
  const scores = {
    stop: ours(sets.stop),
    news: ours(sets.news),
    posts: ours(sets.posts),
    spanish: ours(sets.spanish),
  };
  const baseline = (rows: LabelledHeadline[], nb: (text: string) => number | null) =>
    figures(
      rows.map((row) => nb(row.text)),
      rows,
    );
  const stop = figures(scores.stop, sets.stop);
  const stopNb = baseline(sets.stop, nbEnglish);
  const news = figures(scores.news, sets.news);
  const newsNb = baseline(sets.news, nbEnglish);
  const posts = figures(scores.posts, sets.posts);
  const postsNb = baseline(sets.posts, nbEnglish);
  const spanish = figures(scores.spanish, sets.spanish);
  const spanishNb = baseline(sets.spanish, nbSpanish);
  const modelText = readFileSync(MODEL_PATH, 'utf8');
  const compact = JSON.stringify(JSON.parse(modelText));
  const notScored = (f: Figures) => (f.notScored > 0 ? `, ${f.notScored} not scored (language)` : '');
  const out: string[] = [
    'Headline models (threshold 0.5), each next to naive Bayes (word 1-2-grams) trained in this run on the same data:',
    `  Stop Clickbait validation (${sets.stop.length}): accuracy ${f3(stop.accuracy)} P ${f3(stop.precision)} R ${f3(stop.recall)} F1 ${f3(stop.f1)}` +
      `   | naive Bayes accuracy ${f3(stopNb.accuracy)} P ${f3(stopNb.precision)} R ${f3(stopNb.recall)} F1 ${f3(stopNb.f1)}${notScored(stop)}`,
    `  news-style titles (${sets.news.length}): accuracy ${f3(news.accuracy)} P ${f3(news.precision)} R ${f3(news.recall)} F1 ${f3(news.f1)}` +
      `   | naive Bayes accuracy ${f3(newsNb.accuracy)}${notScored(news)}`,
    `  real clickbait posts (${sets.posts.length}): share flagged ${f3(posts.flagged)}   | naive Bayes ${f3(postsNb.flagged)}${notScored(posts)}`,
    `  Spanish validation (${sets.spanish.length}): clickbait F1 ${f3(spanish.f1)} P ${f3(spanish.precision)} R ${f3(spanish.recall)} accuracy ${f3(spanish.accuracy)}` +
      `   | naive Bayes F1 ${f3(spanishNb.f1)}${notScored(spanish)}`,
    `  targets: Stop Clickbait >= 0.985, news-style >= 0.85, posts flagged >= 0.90, Spanish F1 >= 0.80`,
    '',
    'Calibration (reliability bins: score range, headlines, mean score, observed share of bait):',
    `  Stop Clickbait  ${reliability(scores.stop, sets.stop)}`,
    `  news-style      ${reliability(scores.news, sets.news)}`,
    `  Spanish         ${reliability(scores.spanish, sets.spanish)}`,
    '',
    `Model size (model.json, both languages, compact JSON): raw ${(compact.length / 1024).toFixed(1)} KB, gzip ${(gzipSync(compact, { level: 9 }).length / 1024).toFixed(1)} KB`,
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
  out.push(`  ${agree}/${expected.length} as expected`, '', ...benchmark(modelText));
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

function benchmark(modelText: string): string[] {
  const html = new TextDecoder().decode(readSharedBytes('fixtures', 'seed-article', 'page.html'));
  const { document } = new JSDOM(html, { url: 'https://bestnews.example/ww3-fears' }).window;
  const whole = time(() => analyzeDocument(document), 40);
  const clickbait = time(clickbaitWork(document), 200);
  const load = time(() => {
    const models = JSON.parse(modelText) as ClickbaitModels;
    loadModel(models.en, 'en');
    loadModel(models.es, 'es');
  }, 20);
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

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runScript(main);
