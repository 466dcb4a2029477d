/**
 * The core against a fixed sample of Mozilla Readability's own test pages
 * (../shared/data/readability-test-pages). The expected values are
 * Readability's output, so they are compared as our rules allow: a byline
 * that carries a date loses the date here, and titles may differ by a site
 * suffix where the stored expectations come from a newer Readability.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPage } from '../../scripts/cli/load-page.ts';
import { readSharedJson, sharedPath } from '../../scripts/shared-data.ts';
import { analyzePage } from '../../utils/analyze.ts';
import { isDateOnly, parseDate } from '../../utils/metadata.ts';
import { normalizeSpace } from '../../utils/text.ts';

interface ExpectedMetadata {
  title: string | null;
  byline: string | null;
  publishedTime: string | null;
  readerable: boolean;
}

const SAMPLE_SIZE = 25;
const root = sharedPath('data', 'readability-test-pages');
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
// Evenly spread over the sorted names: deterministic, and not just the first pages.
const sample = Array.from(
  { length: Math.min(SAMPLE_SIZE, cases.length) },
  (_, i) => cases[Math.floor((i * cases.length) / SAMPLE_SIZE)] as string,
);

function sameTitle(ours: string, theirs: string): boolean {
  return ours === theirs || (ours.length > 0 && theirs.length > 0 && (ours.includes(theirs) || theirs.includes(ours)));
}

describe('readability test pages', () => {
  it('has a sample to test', () => {
    expect(cases.length).toBeGreaterThan(100);
    expect(new Set(sample).size).toBe(SAMPLE_SIZE);
  });

  it.each(sample)('%s: title, byline, date and readerable', (name) => {
    const expected = readSharedJson<ExpectedMetadata>('data', 'readability-test-pages', name, 'expected-metadata.json');
    const { document, close } = loadPage(
      sharedPath('data', 'readability-test-pages', name, 'source.html.gz'),
      'http://fakehost/test/page.html',
    );
    let report: ReturnType<typeof analyzePage>;
    try {
      report = analyzePage(document, { force: true });
    } finally {
      close();
    }
    expect(report.readerable).toBe(expected.readerable);
    const article = report.article;
    expect(article).not.toBeNull();
    if (!article) return;

    const title = normalizeSpace(expected.title ?? '');
    expect(sameTitle(article.title, title), `title ${JSON.stringify(article.title)} vs ${JSON.stringify(title)}`).toBe(
      true,
    );

    const byline = expected.byline ? normalizeSpace(expected.byline) : null;
    if (byline && parseDate(byline)) {
      // Our rule: the date leaves the byline; a byline that was only a date is gone.
      if (isDateOnly(byline)) expect(article.byline).toBeNull();
      else {
        expect(article.byline).not.toBeNull();
        expect(byline).toContain(article.byline);
        expect(parseDate(article.byline ?? '')).toBeNull();
      }
    } else {
      expect(article.byline).toBe(byline);
    }

    if (expected.publishedTime) expect(article.publishedTime).toBe(expected.publishedTime.trim());
    expect(article.wordCount).toBeGreaterThan(0);
    expect(article.text.length).toBeGreaterThan(0);
  });
});
