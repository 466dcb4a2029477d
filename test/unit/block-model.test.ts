import { gzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../utils/analyze.ts';
import type { BlockFacts } from '../../utils/clutter/block-features.ts';
import { FEATURE_NAMES } from '../../utils/clutter/block-features.ts';
import MODEL from '../../utils/clutter/block-model.json' with { type: 'json' };
import { isRelated, scoreValues, verdict } from '../../utils/clutter/block-model.ts';
import type { PageReport } from '../../utils/report.ts';
import { PARAGRAPHS } from './night-bus-article.ts';

const URL = 'https://news.example/night-buses';

function analyze(html: string, force = true): PageReport {
  return analyzeDocument(new JSDOM(html, { url: URL }).window.document, { url: URL, force }).report;
}

function article(extra = '', after = '', dir = 'ltr', paragraphs: readonly string[] = PARAGRAPHS): string {
  return `<!DOCTYPE html><html lang="en" dir="${dir}"><head><title>Night buses extended to villages</title></head><body>
    <main><article><h1>Night buses extended to villages</h1>${paragraphs.map((text) => `<p>${text}</p>`).join('')}${extra}</article></main>${after}</body></html>`;
}

const STORIES = [
  'Council approves new cycle lanes along the river',
  'Library opening hours extended over the winter',
  'Village school wins national science award again',
  'Rail operator promises quieter trains by next summer',
  'Local bakery marks fifty years on the high street',
  'Harbour repairs finished ahead of the storm season',
];

const storyList = (base = '/news/') =>
  `<ul>${STORIES.map((story, at) => `<li><a href="${base}story-${at}">${story}</a></li>`).join('')}</ul>`;

const relatedFlags = (report: PageReport) => report.flags.filter((flag) => flag.kind === 'related');

function expectArticleKept(report: PageReport, paragraphs: readonly string[] = PARAGRAPHS) {
  for (const text of paragraphs) expect(report.cleanText).toContain(text);
  for (const flag of report.flags) {
    if (flag.kind === 'clickbait') continue;
    for (const text of paragraphs) expect(flag.text).not.toContain(text.slice(0, 40));
  }
}

describe('block classifier: model data', () => {
  it('ships weights for every feature, within 15 KB gzip', () => {
    expect(MODEL.features).toEqual([...FEATURE_NAMES]);
    expect(MODEL.weights).toHaveLength(FEATURE_NAMES.length);
    expect(MODEL.threshold).toBeGreaterThan(0);
    expect(gzipSync(JSON.stringify(MODEL)).length).toBeLessThan(15 * 1024);
  });

  it('scores between 0 and 1 and moves with the weights', () => {
    const values = new Float64Array(FEATURE_NAMES.length);
    const at = FEATURE_NAMES.indexOf('linkDensity');
    const low = scoreValues(values);
    values[at] = 5;
    const high = scoreValues(values);
    expect(low).toBeGreaterThan(0);
    expect(low).toBeLessThan(1);
    const weight = MODEL.weights[at] ?? 0;
    if (weight > 0) expect(high).toBeGreaterThan(low);
    else expect(high).toBeLessThanOrEqual(low);
  });
});

describe('block classifier: verdicts a reader understands', () => {
  const facts: BlockFacts = {
    links: 12,
    headlineLinks: 10,
    density: 0.96,
    position: 'after',
    heading: 'More stories',
    relatedHeading: true,
    siteHeadlineLinks: 10,
    mostRead: false,
    next: false,
    readMore: false,
    relatedToken: false,
    chrome: false,
    linkCharsPerLink: 40,
  };

  it('names links, link share and place', () => {
    const result = verdict(facts, 0.8);
    expect(result?.kind).toBe('related');
    expect(result?.category).toBe('story-list');
    expect(result?.reasons[0]).toContain('10 headline links of 12 links, 96 % link text, after the article');
    expect(result?.reasons[0]).toContain("heading 'More stories'");
  });

  it('leaves a menu of short section links to the boilerplate rules', () => {
    const menu = { ...facts, headlineLinks: 0, relatedHeading: false, heading: '', chrome: true, linkCharsPerLink: 7 };
    expect(isRelated(menu)).toBe(false);
    expect(verdict(menu, 0.7)).toBeNull();
  });

  it('a lone off-site link inside the article is not another story', () => {
    const shop = { ...facts, links: 1, headlineLinks: 1, siteHeadlineLinks: 0, position: 'inside' as const };
    expect(isRelated({ ...shop, relatedHeading: false })).toBe(false);
    expect(isRelated({ ...shop, relatedHeading: false, siteHeadlineLinks: 1 })).toBe(true);
  });

  it('a most-read heading gives the most-read category', () => {
    expect(verdict({ ...facts, relatedHeading: false, mostRead: true }, 0.9)?.category).toBe('most-read');
  });
});

describe('block classifier on pages', () => {
  it('flags a list of headline links after the article as related, the flag holding every headline', () => {
    const report = analyze(article('', `<section><h2>More from the region</h2>${storyList()}</section>`));
    const flag = relatedFlags(report).find((candidate) => candidate.text.includes(STORIES[0] as string));
    expect(flag).toBeDefined();
    for (const story of STORIES) expect(relatedFlags(report).some((f) => f.text.includes(story))).toBe(true);
    expectArticleKept(report);
  });

  it('a page with no links: no related flags, the article intact', () => {
    const report = analyze(article());
    expect(relatedFlags(report)).toHaveLength(0);
    expectArticleKept(report);
  });

  it('a page that is all links (a section front): a verdict, no crash', () => {
    const lists = Array.from({ length: 6 }, (_, at) => `<h2>Section ${at}</h2>${storyList(`/s${at}/`)}`).join('');
    const report = analyze(`<!DOCTYPE html><html><head><title>News</title></head><body>${lists}</body></html>`);
    expect(Array.isArray(report.flags)).toBe(true);
  });

  it('a reference list inside an encyclopaedia article is not the article flagged wholesale', () => {
    const references = `<h2>References</h2><ol>${Array.from(
      { length: 12 },
      (_, at) =>
        `<li>Smith, J. (20${10 + at}). <a href="https://journal.example/${at}">A study of rural transport number ${at}</a>. Journal of Transport, ${at}(2).</li>`,
    ).join('')}</ol>`;
    const table = `<table><tr><th>Source</th><th>Link</th></tr>${Array.from(
      { length: 6 },
      (_, at) => `<tr><td>Survey ${at}</td><td><a href="https://stats.example/${at}">stats.example/${at}</a></td></tr>`,
    ).join('')}</table>`;
    const report = analyze(article(`${references}${table}`));
    expectArticleKept(report);
  });

  it('right-to-left pages get verdicts too', () => {
    const paragraphs = PARAGRAPHS.map(
      (text, at) => `${'نص المقال الطويل عن الحافلات الليلية في القرى '.repeat(4)}${at} ${text}`,
    );
    const report = analyze(article('', `<aside>${storyList()}</aside>`, 'rtl', paragraphs));
    expect(report.article).not.toBeNull();
    expect(relatedFlags(report).some((flag) => flag.text.includes(STORIES[1] as string))).toBe(true);
    expectArticleKept(report, paragraphs);
  });

  it('lists nested 50 deep: no crash', () => {
    let nested = `<a href="/news/deep">${STORIES[0]}</a>`;
    for (let depth = 0; depth < 50; depth++) nested = `<ul><li>${nested}</li></ul>`;
    const report = analyze(article(nested));
    expectArticleKept(report);
  });

  it('a page where extraction finds no article still gets its related list flagged', () => {
    const html = `<!DOCTYPE html><html><head><title>Index</title></head><body><p>Short note.</p><section><h2>Related stories</h2>${storyList()}</section></body></html>`;
    const report = analyze(html, false);
    expect(report.article).toBeNull();
    expect(report.notices).toContain('no-article');
    expect(relatedFlags(report).some((flag) => flag.text.includes(STORIES[2] as string))).toBe(true);
  });
});
