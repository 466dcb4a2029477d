/**
 * Evaluates the committed clickbait model on ../shared/data/clickbait/validation.tsv
 * and prints its verdicts on the seed article's headline and teasers.
 */
import { scoreHeadline } from '../utils/clickbait/index.ts';
import modelJson from '../utils/clickbait/model.json' with { type: 'json' };
import type { ClickbaitModel } from '../utils/clickbait/model.ts';
import { evaluate } from '../utils/clickbait/train.ts';
import { readSharedJson, runScript } from './shared-data.ts';
import { readClickbaitSplit } from './train-clickbait.ts';

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
  out.push(`  ${agree}/${expected.length} as expected`);
  process.stdout.write(`${out.join('\n')}\n`);
}

await runScript(main);
