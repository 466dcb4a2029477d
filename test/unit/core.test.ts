/**
 * The pure core on the real seed page (../shared/fixtures/seed-article) and on
 * small built pages for the report's edge states.
 */
import { describe, expect, it } from 'vitest';
import { fileUrl, loadPage, parseHtml } from '../../scripts/cli/load-page.ts';
import { readSharedJson, sharedPath } from '../../scripts/shared-data.ts';
import { analyzeDocument, analyzePage } from '../../utils/analyze.ts';
import { parseDate } from '../../utils/metadata.ts';
import type { PageReport } from '../../utils/report.ts';
import { withSpoiler } from '../../utils/spoiler/index.ts';
import { withSummary } from '../../utils/summary.ts';
import { countWords, normalizeSpace, readingMinutes } from '../../utils/text.ts';

interface SeedExpected {
  article: { title: string; publishedTime: string; siteName: string; textIncludes: string[] };
  mustNotFlag: string[];
}

function analyzeFile(path: string, options: Parameters<typeof analyzePage>[1] = {}): PageReport {
  const { document, close } = loadPage(path);
  try {
    return analyzePage(document, options);
  } finally {
    close();
  }
}

function analyzeHtml(html: string, options: Parameters<typeof analyzePage>[1] = {}): PageReport {
  const { document, close } = parseHtml(html, 'https://example.org/page');
  try {
    return analyzePage(document, options);
  } finally {
    close();
  }
}

describe('seed article', () => {
  const seedPath = sharedPath('fixtures', 'seed-article', 'page.html');
  const expected = readSharedJson<SeedExpected>('fixtures', 'seed-article', 'expected.json');
  const report = analyzeFile(seedPath);
  const article = report.article;

  it('is readerable and has an article', () => {
    expect(report.readerable).toBe(true);
    expect(article).not.toBeNull();
    expect(report.notices).toEqual([]);
    expect(report.url).toBe(fileUrl(seedPath));
  });

  it('has the expected title, site and publication date', () => {
    expect(article?.title).toBe(expected.article.title);
    expect(article?.siteName).toBe(expected.article.siteName);
    expect(article?.publishedTime?.startsWith(expected.article.publishedTime)).toBe(true);
  });

  it('never shows the dateline as the author', () => {
    // Readability reads "Saturday, 10 Jun 2023" as the byline on this page.
    const byline = article?.byline ?? null;
    if (byline !== null) expect(parseDate(byline)).toBeNull();
  });

  it('keeps every expected passage in the article text', () => {
    for (const passage of expected.article.textIncludes) expect(article?.text).toContain(passage);
    for (const passage of expected.mustNotFlag) expect(article?.text).toContain(passage);
  });

  it('counts words and reading time sensibly', () => {
    expect(article?.lang).toBe('en');
    expect(article?.wordCount).toBe(countWords(article?.text ?? ''));
    expect(article?.wordCount).toBeGreaterThan(250);
    expect(article?.wordCount).toBeLessThan(1000);
    expect(article?.readingMinutes).toBe(readingMinutes(article?.wordCount ?? 0, 'en'));
    expect(article?.readingMinutes).toBeGreaterThanOrEqual(1);
    expect(article?.readingMinutes).toBeLessThanOrEqual(5);
  });

  it('summarises from the cleaned text only, in article order', () => {
    expect(report.summary.length).toBe(3);
    let last = -1;
    for (const sentence of report.summary) {
      const at = report.cleanText.indexOf(sentence);
      expect(at).toBeGreaterThan(last);
      last = at;
      for (const flag of report.flags.filter((f) => f.kind !== 'clickbait')) {
        expect(flag.text.includes(sentence)).toBe(false);
      }
    }
  });

  it('leaves the summary and the spoiler out of the page-load analysis; withSummary and withSpoiler add the same ones', () => {
    const { document, close } = loadPage(seedPath);
    try {
      const pageLoad = analyzeDocument(document).report;
      expect(pageLoad.summary).toEqual([]);
      expect(pageLoad.headline?.spoiler).toBeUndefined();
      expect(withSpoiler(withSummary(pageLoad))).toEqual(report);
      // A summary already there is kept as it is.
      const given = { ...pageLoad, summary: ['Given.'] };
      expect(withSummary(given)).toBe(given);
    } finally {
      close();
    }
  });

  it('round-trips through JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('maps every flag to a live element carrying its text', () => {
    const { document, close } = loadPage(seedPath);
    try {
      const { report: again, targets } = analyzeDocument(document);
      expect(targets.size).toBe(again.flags.length);
      for (const flag of again.flags) {
        expect(normalizeSpace(targets.get(flag.id)?.textContent ?? '')).toContain(flag.text.slice(0, 100));
      }
    } finally {
      close();
    }
  });

  it('leaves the live page untouched', () => {
    const { document, close } = loadPage(seedPath);
    try {
      const before = document.documentElement.outerHTML;
      analyzePage(document);
      expect(document.documentElement.outerHTML).toBe(before);
    } finally {
      close();
    }
  });
});

const HOME_PAGE = `<!doctype html><html lang="en"><head><title>Example News</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<ul>${Array.from({ length: 12 }, (_, i) => `<li><a href="/story/${i}">Story number ${i} headline</a></li>`).join('')}</ul>
<footer>© Example News</footer></body></html>`;

const SHORT_ARTICLE = `<!doctype html><html lang="de"><head><title>Ein Bericht</title></head><body><article>
<h1>Ein Bericht</h1>
${Array.from(
  { length: 8 },
  (_, i) =>
    `<p>Dies ist der ${i + 1}. Absatz eines Berichts, der mit genügend Text gefüllt ist, damit die Auswertung ihn als Artikel erkennt, und er enthält viele weitere Wörter.</p>`,
).join('\n')}
</article></body></html>`;

describe('report states', () => {
  it('says plainly when a page is not an article', () => {
    const report = analyzeHtml(HOME_PAGE);
    expect(report.readerable).toBe(false);
    expect(report.article).toBeNull();
    expect(report.notices).toContain('no-article');
    expect(report.summary).toEqual([]);
    expect(report.cleanText).toBe('');
  });

  it('still reports readerable honestly when extraction is forced', () => {
    const report = analyzeHtml(HOME_PAGE, { force: true });
    expect(report.readerable).toBe(false);
    expect(report.notices).not.toContain('page-too-large');
  });

  it('reports a page above the element budget as too large, without extracting', () => {
    const report = analyzeHtml(SHORT_ARTICLE, { maxElements: 10, force: true });
    expect(report.notices).toEqual(['page-too-large']);
    expect(report.article).toBeNull();
  });

  it('reports a tree nested thousands deep as too large instead of overflowing the stack', () => {
    const deep = `<html><body><p>${'word '.repeat(200)}</p>${'<div>'.repeat(5000)}deep${'</div>'.repeat(5000)}</body></html>`;
    const report = analyzeHtml(deep, { force: true });
    expect(report.notices).toContain('page-too-large');
    expect(report.article).toBeNull();
  });

  it('uses the declared language for the reading rate', () => {
    const report = analyzeHtml(SHORT_ARTICLE, { force: true });
    expect(report.article?.lang).toBe('de');
    expect(report.article?.readingMinutes).toBe(readingMinutes(report.article?.wordCount ?? 0, 'de'));
  });

  it('takes the URL from the options over the document URL', () => {
    expect(analyzeHtml(HOME_PAGE, { url: 'https://news.example/x' }).url).toBe('https://news.example/x');
    expect(analyzeHtml(HOME_PAGE).url).toBe('https://example.org/page');
  });
});
