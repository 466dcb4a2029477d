/**
 * Trains the clickbait model from ../shared/data/clickbait (train.tsv to fit,
 * validation.tsv to choose the L2 strength) and writes utils/clickbait/model.json.
 * Deterministic: running it twice writes the same bytes.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClickbaitModel } from '../utils/clickbait/model.ts';
import { type LabelledHeadline, parseTsv, type TrainResult, trainClickbait } from '../utils/clickbait/train.ts';
import { PROJECT_ROOT, readSharedBytes, runScript } from './shared-data.ts';

export const MODEL_PATH = resolve(PROJECT_ROOT, 'utils/clickbait/model.json');

export function readClickbaitSplit(name: 'train' | 'validation'): LabelledHeadline[] {
  return parseTsv(new TextDecoder().decode(readSharedBytes('data', 'clickbait', `${name}.tsv`)));
}

/** The training run `npm run train:clickbait` does, without writing anything. */
export function trainFromSharedData(): TrainResult {
  return trainClickbait(readClickbaitSplit('train'), readClickbaitSplit('validation'));
}

export function serializeModel(model: ClickbaitModel): string {
  return `${JSON.stringify(model)}\n`;
}

async function main(): Promise<void> {
  const started = performance.now();
  const result = trainFromSharedData();
  const seconds = (performance.now() - started) / 1000;
  const text = serializeModel(result.model);
  writeFileSync(MODEL_PATH, text);
  const { validation } = result;
  process.stdout.write(
    `Trained in ${seconds.toFixed(1)} s (L2 ${result.l2}, ${Object.keys(result.model.ngrams).length} n-grams, ` +
      `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB)\n` +
      `Validation: accuracy ${validation.accuracy.toFixed(4)}, precision ${validation.precision.toFixed(4)}, ` +
      `recall ${validation.recall.toFixed(4)}, F1 ${validation.f1.toFixed(4)} (${validation.count} headlines)\n` +
      'Wrote utils/clickbait/model.json\n',
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runScript(main);
