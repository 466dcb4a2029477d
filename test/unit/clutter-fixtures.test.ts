import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../utils/analyze.ts';
import type { Flag } from '../../utils/report.ts';

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures');

interface Expected {
  blocks: { kind: string; textIncludes: string }[];
  mustNotFlag: string[];
  cleanTextExcludes?: string[];
  article?: { textIncludes?: string[] };
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function analyzeFixture(slug: string) {
  const html = readFileSync(join(FIXTURES, slug, 'page.html'), 'utf8');
  const url = `https://fixtures.example/${slug}`;
  const dom = new JSDOM(html, { url });
  const expected = JSON.parse(readFileSync(join(FIXTURES, slug, 'expected.json'), 'utf8')) as Expected;
  return { report: analyzeDocument(dom.window.document, { url, force: true }).report, expected };
}

const clutter = (flags: Flag[]) => flags.filter((flag) => flag.kind !== 'clickbait');

const slugs = readdirSync(FIXTURES).filter((slug) => {
  try {
    return readFileSync(join(FIXTURES, slug, 'expected.json')).length > 0;
  } catch {
    return false;
  }
});

describe.each(slugs)('fixture %s', (slug) => {
  const { report, expected } = analyzeFixture(slug);

  it.each(expected.blocks.map((block) => [block.kind, block.textIncludes] as const))(
    'flags the %s block "%s"',
    (kind, text) => {
      const flag = clutter(report.flags).find((candidate) => squash(candidate.text).includes(squash(text)));
      expect(flag, `no flag holds "${text}"`).toBeDefined();
      expect(flag?.kind).toBe(kind);
      expect(flag?.reasons.length).toBeGreaterThan(0);
      expect(flag?.score).toBeGreaterThanOrEqual(0.5);
      expect(flag?.score).toBeLessThanOrEqual(1);
    },
  );

  it('flags none of the article paragraphs', () => {
    for (const text of expected.mustNotFlag) {
      const flag = clutter(report.flags).find((candidate) => squash(candidate.text).includes(squash(text)));
      expect(flag, `"${text}" was flagged as ${flag?.category}`).toBeUndefined();
      expect(report.cleanText).toContain(text);
    }
  });

  it('leaves the clutter out of cleanText and keeps the article text', () => {
    for (const text of expected.cleanTextExcludes ?? []) expect(report.cleanText).not.toContain(text);
    for (const text of expected.article?.textIncludes ?? []) expect(squash(report.cleanText)).toContain(squash(text));
  });
});
