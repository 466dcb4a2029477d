import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MODEL_PATH, readClickbaitSplit, serializeModel, trainFromSharedData } from '../../scripts/train/clickbait.ts';
import type { ClickbaitModels } from '../../utils/clickbait/model.ts';
import { evaluate, parseTsv } from '../../utils/clickbait/train.ts';

const committed = readFileSync(MODEL_PATH, 'utf8');

describe('the committed clickbait model', () => {
  // Retraining takes a few seconds; the margin is for a busy machine.
  it('is exactly what the training script produces', { timeout: 300_000 }, () => {
    const result = trainFromSharedData();
    expect(serializeModel(result.models)).toBe(committed);
    expect(result.en.validation.accuracy).toBeGreaterThanOrEqual(0.98);
    expect(result.es.validation.f1).toBeGreaterThanOrEqual(0.68);
  });

  it('meets the validation target and stays small', () => {
    const models = JSON.parse(committed) as ClickbaitModels;
    const metrics = evaluate(models.en, readClickbaitSplit('validation'));
    expect(metrics.count).toBeGreaterThan(4000);
    expect(metrics.accuracy).toBeGreaterThanOrEqual(0.98);
    expect(metrics.f1).toBeGreaterThanOrEqual(0.98);
    const spanish = evaluate(models.es, readClickbaitSplit('validation', 'es'), 0.5, 'es');
    expect(spanish.count).toBe(700);
    expect(spanish.f1).toBeGreaterThan(0.68);
    // Both languages together within 30 KB gzip.
    expect(gzipSync(JSON.stringify(models), { level: 9 }).length).toBeLessThanOrEqual(30 * 1024);
  });

  it('keeps cue weights non-negative: a cue is evidence of bait, never of news', () => {
    const models = JSON.parse(committed) as ClickbaitModels;
    for (const model of [models.en, models.es]) {
      for (const weight of Object.values(model.cues)) expect(weight).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('parseTsv', () => {
  it('reads label and headline after the header, skipping bad lines', () => {
    expect(parseTsv('label\theadline\n1\tA\tB\n0\tPlain news\nx\tbad\n\n1\t \n')).toEqual([
      { label: 1, text: 'A\tB' },
      { label: 0, text: 'Plain news' },
    ]);
  });
});
