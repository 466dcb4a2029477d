/**
 * Guard: on a fixed sample of the shared benchmark pages, cleanText never
 * scores below plain Readability (the article text with nothing removed).
 * Needs ../shared next to the project; a missing folder fails with a clear message.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPage } from '../../scripts/eval/clutter.ts';
import { aebMean, aebPageScore, snippetCounts, snippetTotals } from '../../scripts/eval/clutter-metrics.ts';
import { readSharedBytes, readSharedJson, sharedPath } from '../../scripts/shared-data.ts';
import { decodeHtml } from '../../utils/charset.ts';

const every = <T>(items: T[], step: number) => items.filter((_, index) => index % step === 0);

describe('cleanText versus plain Readability on the shared sets', () => {
  it('AEB sample: F1 and precision not below plain, recall within 0.01', () => {
    const truth = readSharedJson<Record<string, { articleBody: string; url?: string }>>(
      'data',
      'aeb',
      'ground-truth.json',
    );
    const ids = every(readdirSync(sharedPath('data', 'aeb', 'html')).sort(), 12).map((file) =>
      file.replace(/\.html\.gz$/, ''),
    );
    const ours = [];
    const plain = [];
    for (const id of ids) {
      const entry = truth[id];
      if (!entry) continue;
      const run = runPage(
        decodeHtml(readSharedBytes('data', 'aeb', 'html', `${id}.html.gz`)),
        entry.url ?? 'https://fake-url.com',
      );
      ours.push(aebPageScore(run.clean ?? '', entry.articleBody));
      plain.push(aebPageScore(run.plain ?? '', entry.articleBody));
    }
    expect(ours.length).toBeGreaterThanOrEqual(10);
    const [oursMean, plainMean] = [aebMean(ours), aebMean(plain)];
    expect(oursMean.f1).toBeGreaterThanOrEqual(plainMean.f1);
    expect(oursMean.precision).toBeGreaterThanOrEqual(plainMean.precision);
    expect(oursMean.recall).toBeGreaterThanOrEqual(plainMean.recall - 0.01);
  }, 180_000);

  it('trafilatura sample: F not below plain', () => {
    const data = readSharedJson<Record<string, { file: string; with: string[]; without: string[] }>>(
      'data',
      'trafilatura',
      'evaldata.json',
    );
    const keys = every(Object.keys(data).sort(), 34);
    const ours = [];
    const plain = [];
    for (const key of keys) {
      const entry = data[key];
      if (!entry) continue;
      const name = key.replace(/^[a-z]+::/, '');
      const url = /^https?:\/\//.test(name) ? name : `https://${name.replace(/[^\w.-]/g, '-')}/`;
      const run = runPage(decodeHtml(readSharedBytes('data', 'trafilatura', 'html', entry.file)), url);
      ours.push(snippetCounts(run.clean, entry.with, entry.without));
      plain.push(snippetCounts(run.plain, entry.with, entry.without));
    }
    expect(ours.length).toBeGreaterThanOrEqual(15);
    expect(snippetTotals(ours).f).toBeGreaterThanOrEqual(snippetTotals(plain).f);
  }, 180_000);
});
