/**
 * Trains the clickbait models and writes utils/clickbait/model.json: English
 * from ../shared/data/clickbait (Stop Clickbait) and Spanish from
 * ../shared/data/clickbait-es (TA1C); train.tsv fits the weights, validation.tsv
 * picks the L2 strength. Both sets allow shipping weights; no other data is read.
 * Deterministic: running it twice writes the same bytes.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { ClickbaitModels } from '../../utils/clickbait/model.ts';
import {
  DEFAULT_TRAIN_OPTIONS,
  type LabelledHeadline,
  parseTsv,
  SPANISH_TRAIN_OPTIONS,
  type TrainResult,
  trainClickbait,
} from '../../utils/clickbait/train.ts';
import { PROJECT_ROOT, readSharedBytes, runScript } from '../shared-data.ts';

export const MODEL_PATH = resolve(PROJECT_ROOT, 'utils/clickbait/model.json');

export function readClickbaitSplit(name: 'train' | 'validation', lang: 'en' | 'es' = 'en'): LabelledHeadline[] {
  const folder = lang === 'es' ? 'clickbait-es' : 'clickbait';
  return parseTsv(new TextDecoder().decode(readSharedBytes('data', folder, `${name}.tsv`)));
}

export interface TrainedModels {
  models: ClickbaitModels;
  en: TrainResult;
  es: TrainResult;
}

/** The training run `npm run train:clickbait` does, without writing anything. */
export function trainFromSharedData(): TrainedModels {
  const en = trainClickbait(readClickbaitSplit('train'), readClickbaitSplit('validation'), DEFAULT_TRAIN_OPTIONS, 'en');
  const es = trainClickbait(
    readClickbaitSplit('train', 'es'),
    readClickbaitSplit('validation', 'es'),
    SPANISH_TRAIN_OPTIONS,
    'es',
  );
  return { models: { en: en.model, es: es.model }, en, es };
}

export function serializeModel(models: ClickbaitModels): string {
  return `${JSON.stringify(models)}\n`;
}

function line(name: string, result: TrainResult): string {
  const { validation: v } = result;
  return (
    `${name}: L2 ${result.l2}, ${Object.keys(result.model.ngrams).length} n-grams; learned model alone on validation: accuracy ` +
    `${v.accuracy.toFixed(4)}, precision ${v.precision.toFixed(4)}, recall ${v.recall.toFixed(4)}, ` +
    `F1 ${v.f1.toFixed(4)} (${v.count} headlines)`
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const result = trainFromSharedData();
  const seconds = (performance.now() - started) / 1000;
  const text = serializeModel(result.models);
  writeFileSync(MODEL_PATH, text);
  process.stdout.write(
    `Trained in ${seconds.toFixed(1)} s; model.json ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB, ` +
      `gzip ${(gzipSync(text, { level: 9 }).length / 1024).toFixed(1)} KB\n` +
      `${line('English', result.en)}\n${line('Spanish', result.es)}\n` +
      'Wrote utils/clickbait/model.json\n',
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runScript(main);
