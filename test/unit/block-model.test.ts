import { gzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../utils/analyze.ts';
import type { BlockFacts } from '../../utils/clutter/block-features.ts';
import { FEATURE_NAMES } from '../../utils/clutter/block-features.ts';
import MODEL from '../../utils/clutter/block-model.json' with { type: 'json' };
import { holdsOwnText, isRelated, scoreValues, verdict } from '../../utils/clutter/block-model.ts';
import { splitRelated } from '../../utils/clutter/block-split.ts';
import { blockIndex } from '../../utils/clutter/blocks.ts';
import { detectionContext } from '../../utils/context.ts';
import type { DetectedBlock } from '../../utils/detectors.ts';
import { leadingText, toFlags } from '../../utils/flags.ts';
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

  it('a rail holding a photo caption beside its story list: the list is flagged, the caption is not', () => {
    const caption =
      'The mayor speaks to residents at the opening of the new night bus depot on the edge of town on Friday evening.';
    const rail = `<div id="rail"><div class="photo"><img src="/depot.jpg" alt=""><div>${caption}</div></div><div class="box"><h3>Latest headlines</h3>${storyList()}</div></div>`;
    const report = analyze(article('', rail));
    for (const story of STORIES) expect(relatedFlags(report).some((flag) => flag.text.includes(story))).toBe(true);
    expect(report.flags.some((flag) => flag.kind !== 'clickbait' && flag.text.includes(caption))).toBe(false);
    expectArticleKept(report);
  });

  it('holdsOwnText: a caption beside a link list counts; a teaser summary after its headline link, a short credit or a single story item does not', () => {
    const caption = '<p>A caption of more than forty characters, without any link in it.</p>';
    const links = `<ul>${STORIES.map((story, at) => `<li><a href="/s/${at}">${story}</a></li>`).join('')}</ul>`;
    const teasers = STORIES.map(
      (story, at) =>
        `<h3><a href="/t/${at}">${story}</a></h3><p>A short summary of this other story, number ${at}.</p>`,
    ).join('');
    const document = new JSDOM(
      `<body><div id="rail">${caption}${links}</div><div id="teasers">${teasers}</div><div id="short"><p>Photo: A. Smith</p>${links}</div><div id="item"><a href="/s/x">${STORIES[0]}</a><span>Sponsored by <a href="https://bank.example/">A Bank</a></span><p>A summary of this one story, more than forty characters long.</p></div></body>`,
      { url: URL },
    ).window.document;
    const index = blockIndex(detectionContext(document, { url: URL }, null, null));
    const byId = (id: string) => document.getElementById(id) as Element;
    expect(holdsOwnText(index, byId('rail'))).toBe(true);
    expect(holdsOwnText(index, byId('teasers'))).toBe(false);
    expect(holdsOwnText(index, byId('short'))).toBe(false);
    expect(holdsOwnText(index, byId('item'))).toBe(false);
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

  it('a teaser list inside the article (headline link + a summary each) is related, the article kept', () => {
    const summary = (at: number) =>
      `A summary of story number ${at} that tells the reader what happened, where it happened and who said what about it afterwards.`;
    const teasers = `<table><tbody>${STORIES.slice(0, 4)
      .map((story, at) => `<tr><td><a href="/news/teaser-${at}">${story}</a> ${summary(at)}</td></tr>`)
      .join('')}</tbody></table>`;
    const report = analyze(article(teasers));
    const flag = relatedFlags(report).find((candidate) => candidate.text.includes(STORIES[0] as string));
    expect(flag?.reasons[0]).toContain('4 of 4 items are a headline link with at most a short summary');
    expect(flag?.text).toContain(summary(3));
    expect(report.cleanText).not.toContain(summary(1));
    expectArticleKept(report);
  });

  it('a list of sources under a report (items opening with headline links off the site) is not a teaser list', () => {
    const sources = `<ul>${STORIES.slice(0, 5)
      .map(
        (story, at) =>
          `<li><a href="https://agency.example/report-${at}">${story}</a> Published by the national statistics agency in its yearly survey.</li>`,
      )
      .join('')}</ul>`;
    const report = analyze(article(sources));
    expect(
      report.flags.some((flag) => flag.reasons.some((reason) => reason.includes('items are a headline link'))),
    ).toBe(false);
    expectArticleKept(report);
  });

  it('a teaser list that is most of the extracted text is left to the article', () => {
    const teasers = `<ul>${STORIES.map(
      (story, at) =>
        `<li><a href="/news/teaser-${at}">${story}</a> A summary of this story that runs on for a while, in one longer sentence of text number ${at}.</li>`,
    ).join('')}</ul>`;
    const report = analyze(article(teasers, '', 'ltr', PARAGRAPHS.slice(0, 1)));
    expect(
      report.flags.some((flag) => flag.reasons.some((reason) => reason.includes('items are a headline link'))),
    ).toBe(false);
  });
});

describe('related links or page chrome', () => {
  const page = () =>
    new JSDOM(
      `<body><div id="rail"><a href="/">Home</a><ul id="list">${STORIES.map((story) => `<li>${story}</li>`).join('')}</ul></div>` +
        `<div id="menu">${['News', 'Sport', 'Weather', 'Business', 'Culture', 'Travel', 'Science', 'Opinion', 'Letters', 'Obituaries'].map((name) => `<a href="/${name}">${name}</a>`).join(' ')}<p id="teaser">${STORIES[0]}</p></div></body>`,
      { url: URL },
    ).window.document;
  const block = (element: Element, kind: 'boilerplate' | 'related', category: string): DetectedBlock => ({
    element,
    kind,
    category,
    score: 0.7,
    reasons: [kind === 'related' ? 'Links to other stories: 6 headline links' : 'Link list: short links'],
  });

  it('a navigation block whose text is mostly a related list becomes related; one with a little stays chrome', () => {
    const document = page();
    const context = detectionContext(document, { url: URL }, null, null);
    const byId = (id: string) => document.getElementById(id) as Element;
    const result = splitRelated(
      context,
      [block(byId('rail'), 'boilerplate', 'navigation'), block(byId('menu'), 'boilerplate', 'navigation')],
      [block(byId('list'), 'related', 'story-list'), block(byId('teaser'), 'related', 'story-list')],
    );
    expect(result[0]?.kind).toBe('related');
    expect(result[0]?.category).toBe('story-list');
    expect(result[0]?.element).toBe(byId('rail'));
    expect(result[0]?.reasons.join(' ')).toMatch(/\d+ % of this block is links to other stories \(Link list/);
    expect(result[1]?.kind).toBe('boilerplate');
  });

  it('leaves a newsletter or cookie block alone whatever it holds', () => {
    const document = page();
    const context = detectionContext(document, { url: URL }, null, null);
    const rail = document.getElementById('rail') as Element;
    const list = document.getElementById('list') as Element;
    const result = splitRelated(
      context,
      [block(rail, 'boilerplate', 'newsletter')],
      [block(list, 'related', 'story-list')],
    );
    expect(result[0]?.kind).toBe('boilerplate');
  });
});

describe('flag text', () => {
  it('is the text a reader sees: script and style text left out', () => {
    const { document } = new JSDOM(
      '<div id="box">More <script>var tracking = "x";</script>stories<style>.a{color:red}</style> <b>here</b></div>',
    ).window;
    const box = document.getElementById('box') as Element;
    expect(leadingText(box, 100)).toBe('More stories here');
    expect(leadingText(box, 6)).toBe('More s');
  });

  it('reads the same from the block index as from the tree, hidden text, long blocks and XHTML too', () => {
    const long = STORIES.join(' ').repeat(30);
    const { document } = new JSDOM(
      `<body><div id="plain">  More\n  <b>stories</b>  <i>here</i></div>
      <div id="script">Top <script>var x = 1;</script>stories <noscript>no script</noscript>today</div>
      <ul id="long"><li>${long}</li><li><a href="/a">${long}</a></li></ul>
      <p id="svg">Chart <svg><text>axis label</text></svg>of the week</p></body>`,
      { url: URL },
    ).window;
    const context = detectionContext(document, { url: URL }, null, null);
    const ids = ['plain', 'script', 'long', 'svg'];
    const blocks = ids.map((id): DetectedBlock => {
      const element = document.getElementById(id) as Element;
      return { element, kind: id === 'long' ? 'related' : 'boilerplate', category: 'x', score: 0.7, reasons: [] };
    });
    const { flags } = toFlags(blocks, context);
    expect(flags.map((flag) => flag.text)).toEqual(
      blocks.map((block) => leadingText(block.element, block.kind === 'related' ? 4000 : 600)),
    );
    expect(flags[0]?.text).toBe('More stories here');
    expect(flags[1]?.text).toBe('Top stories today');
    expect(flags[2]?.text).toHaveLength(4000);

    const xhtml = new JSDOM(
      '<html xmlns="http://www.w3.org/1999/xhtml"><body><div id="x">Visible <script>hidden()</script>text</div></body></html>',
      { url: URL, contentType: 'application/xhtml+xml' },
    ).window.document;
    const element = xhtml.getElementById('x') as Element;
    const xhtmlFlags = toFlags(
      [{ element, kind: 'boilerplate', category: 'x', score: 0.7, reasons: [] }],
      detectionContext(xhtml, { url: URL }, null, null),
    ).flags;
    expect(xhtmlFlags[0]?.text).toBe('Visible text');
  });
});
