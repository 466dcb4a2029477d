import { describe, expect, it } from 'vitest';
import { aebMean, aebPageScore, shingles, snippetCounts, snippetTotals } from '../../scripts/eval/clutter-metrics.ts';
import { groupedFolds, holds, scoreFlags, siteOf } from '../../scripts/eval/l3s.ts';
import { foldOf } from '../../utils/clutter/train-blocks.ts';

describe('AEB shingle metric', () => {
  it('makes 4-token shingles with counts, Unicode words included', () => {
    const counts = shingles('a b c d e a b c d');
    expect(counts.size).toBe(5);
    expect(counts.get(['a', 'b', 'c', 'd'].join('\u0001'))).toBe(2);
    expect(shingles('Größe über straße').size).toBe(1);
    expect([...shingles('Größe über straße, jetzt').keys()][0]).toContain('Größe');
  });

  it('scores identical texts 1/1 and disjoint texts 0/0', () => {
    expect(aebPageScore('one two three four five', 'one two three four five')).toMatchObject({
      precision: 1,
      recall: 1,
    });
    expect(aebPageScore('one two three four', 'five six seven eight')).toMatchObject({ precision: 0, recall: 0 });
  });

  it('normalises by tp+fp+fn and counts extra text against precision only', () => {
    // truth: 2 shingles; prediction adds 2 more -> tp 2, fp 2, fn 0
    const score = aebPageScore('a b c d e f g', 'a b c d e');
    expect(score.tp).toBeCloseTo(0.5);
    expect(score.fp).toBeCloseTo(0.5);
    expect(score.precision).toBeCloseTo(0.5);
    expect(score.recall).toBe(1);
  });

  it('averages precision and recall over pages, then takes F1 of the means', () => {
    const mean = aebMean([aebPageScore('a b c d e f g', 'a b c d e'), aebPageScore('a b c d e', 'a b c d e')]);
    expect(mean.precision).toBeCloseTo(0.75);
    expect(mean.recall).toBe(1);
    expect(mean.f1).toBeCloseTo((2 * 0.75) / 1.75);
  });

  it('leaves pages with an empty prediction out of the precision mean', () => {
    const empty = aebPageScore('', 'a b c d e');
    expect(empty.recall).toBe(0);
    const mean = aebMean([empty, aebPageScore('a b c d e', 'a b c d e')]);
    // The empty prediction is one shingle ('') that misses: it counts as fp, so it stays in.
    expect(mean.recall).toBeCloseTo(0.5);
  });
});

describe('trafilatura snippet metric', () => {
  it('counts with/without snippets on whitespace-collapsed text', () => {
    const counts = snippetCounts(
      'Real  text\nhere. Read more: other',
      ['Real text here.', 'missing'],
      ['Read more: other', 'absent'],
    );
    expect(counts).toEqual({ tp: 1, fn: 1, fp: 1, tn: 1 });
  });

  it('counts every "with" snippet as missed when extraction failed', () => {
    expect(snippetCounts(null, ['a', 'b'], ['c'])).toEqual({ tp: 0, fn: 2, fp: 0, tn: 1 });
  });

  it('sums over pages before computing precision, recall and F', () => {
    const totals = snippetTotals([
      { tp: 3, fn: 1, fp: 1, tn: 0 },
      { tp: 1, fn: 1, fp: 0, tn: 2 },
    ]);
    expect(totals.precision).toBeCloseTo(4 / 5);
    expect(totals.recall).toBeCloseTo(4 / 6);
    expect(totals.f).toBeCloseTo((2 * 0.8 * (4 / 6)) / (0.8 + 4 / 6));
  });
});

describe('L3S-GN1 block matching', () => {
  it('holds exact text; only the lenient match reads a label "?" as a lost character', () => {
    const flag = 'Fears over sport agency’s future • Bigby a sparkplug (a+b)';
    expect(holds(flag, 'sport agency’s future')).toBe(true);
    expect(holds(flag, 'sport agency?s future')).toBe(false);
    expect(holds(flag, 'sport agency?s future', true)).toBe(true);
    expect(holds(flag, '? Bigby a sparkplug (a+b)', true)).toBe(true);
    // "?" stands for one character beyond ASCII, not for any letter or for several.
    expect(holds('sport agencyXs future', 'sport agency?s future', true)).toBe(false);
    expect(holds(flag, 'sport agency??s future', true)).toBe(false);
  });

  it('counts related blocks only under related flags', () => {
    const block = {
      page: 'p',
      url: '',
      idx: 0,
      label: 4,
      text: 'Council approves new cycle lanes',
      linkTextRatio: 1,
      invisible: false,
    };
    expect(scoreFlags([block], [{ kind: 'boilerplate', text: 'Council approves new cycle lanes' }]).relatedFound).toBe(
      0,
    );
    expect(
      scoreFlags([block], [{ kind: 'related', text: 'More: Council approves new cycle lanes' }]).relatedFound,
    ).toBe(1);
  });

  it('puts every page of one site in the same grouped fold', () => {
    const blocksOf = (url: string) => [
      { page: url, url, idx: 0, label: 4, text: 'x', linkTextRatio: 0, invisible: false },
    ];
    const urls = ['http://www.a.com/1', 'http://a.com/2', 'http://b.org/1', 'not a url'];
    const pages = new Map(urls.map((url) => [url, blocksOf(url)]));
    expect(siteOf(blocksOf('http://www.a.com/1'), 'p')).toBe('a.com');
    expect(siteOf(blocksOf('not a url'), 'p')).toBe('p');
    const records = urls.map((page, at) => ({
      page,
      related: 1,
      relatedFound: at % 2,
      fullText: 2,
      fullTextFlagged: 0,
    }));
    const folds = groupedFolds(records, pages, 3);
    expect(folds.reduce((sum, fold) => sum + fold.related, 0)).toBe(4);
    // Both a.com pages (one found, one missed) land in a.com's fold.
    const aFold = folds[foldOf('a.com', 3)];
    expect(aFold?.related).toBeGreaterThanOrEqual(2);
    expect(aFold?.relatedFound).toBeGreaterThanOrEqual(1);
  });
});
