import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../utils/analyze.ts';
import { teaserLinks } from '../../utils/clickbait/index.ts';
import { blockIndex } from '../../utils/clutter/blocks.ts';
import { detectionContext } from '../../utils/context.ts';
import type { AnalyzeOptions } from '../../utils/detectors.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/seed-article/${name}`, import.meta.url), 'utf8');
const seedHtml = fixture('page.html');
const expected = JSON.parse(fixture('expected.json')) as {
  headline: { text: string };
  teaserHeadlines: { text: string; clickbait: boolean }[];
};

function analyze(html: string, options: AnalyzeOptions = {}, url = 'https://bestnews.example/ww3-fears') {
  const { window } = new JSDOM(html, { url });
  return analyzeDocument(window.document, options).report;
}

const clickbaitFlags = (report: ReturnType<typeof analyze>) => report.flags.filter((flag) => flag.kind === 'clickbait');

describe('clickbait detector on the seed page', () => {
  const report = analyze(seedHtml);
  const flags = clickbaitFlags(report);

  it('reports and flags the headline with its reasons', () => {
    expect(report.headline).toMatchObject({ text: expected.headline.text, clickbait: true });
    expect(report.headline?.reasons).toContain("Sensational fear framing: 'WW3 fears'");
    const headline = flags.filter((flag) => flag.category === 'headline');
    expect(headline).toHaveLength(1);
    expect(headline[0]).toMatchObject({ text: expected.headline.text, reasons: report.headline?.reasons });
    expect(headline[0]?.score).toBeGreaterThan(0.5);
  });

  it.each(expected.teaserHeadlines)('marks the sidebar teaser "$text" only when bait', ({ text, clickbait }) => {
    const teaser = flags.filter((flag) => flag.category === 'teaser' && flag.text === text);
    expect(teaser).toHaveLength(clickbait ? 1 : 0);
    if (clickbait) expect(teaser[0]?.reasons.length).toBeGreaterThan(0);
  });

  it('never treats menus, share bars or footer links as teasers', () => {
    for (const flag of flags) {
      expect(flag.text).not.toMatch(/Share on Facebook|Privacy notice|Read Full Article|Showbiz/);
    }
  });

  it('reports a headline in a language it was not trained for as not scored, and flags nothing', () => {
    const german = analyze(seedHtml.replace('<html lang="en-GB">', '<html lang="de">'));
    expect(german.headline).toMatchObject({ score: null, clickbait: false, notScored: 'language', reasons: [] });
    expect(clickbaitFlags(german)).toEqual([]);
  });

  it('follows the threshold from the options', () => {
    const strict = clickbaitFlags(analyze(seedHtml, { clickbaitThreshold: 0.9999 }));
    expect(strict.some((flag) => flag.category === 'headline')).toBe(false);
    expect(strict.length).toBeLessThan(flags.length);
    const lax = analyze(seedHtml, { clickbaitThreshold: 0.01 });
    expect(clickbaitFlags(lax).length).toBeGreaterThan(flags.length);
  });
});

describe('clickbait detector on other pages', () => {
  const indexPage = `<!doctype html><html lang="en"><head><title>Best News</title></head><body>
    <nav><a href="/world">World news and analysis from our reporters</a></nav>
    <main><h2>Latest</h2><ul>
      <li><a href="/a">This one weird trick will change how you sleep forever</a></li>
      <li><a href="/b">Chancellor sets out spending plans for the next five years</a></li>
      <li><a href="/c">Fury as celebrity chef slams 'disgusting' food trend</a></li>
      <li><a href="/d">Rail operator fined over timetable failures</a></li>
    </ul>
    <p>Our reporters were <a href="/e">at the scene of what happened next</a> and spoke to witnesses.</p></main>
    <footer><a href="/x">Here is everything you need to know about us</a></footer></body></html>`;

  it('scores teasers on a news index page without an article', () => {
    const report = analyze(indexPage, {}, 'https://bestnews.example/');
    expect(report.article).toBeNull();
    expect(clickbaitFlags(report).map((flag) => flag.text)).toEqual([
      'This one weird trick will change how you sleep forever',
      "Fury as celebrity chef slams 'disgusting' food trend",
    ]);
    expect(clickbaitFlags(report).every((flag) => flag.category === 'teaser')).toBe(true);
  });

  it('scores the heading of a card link, not its summary', () => {
    const cards = `<!doctype html><html lang="en"><body><main>
      <a href="/1"><img alt=""><h3>This one weird trick will change how you sleep forever</h3>
        <p>Sleep researchers have looked at the habit in a long study of adults over ten years and more.</p></a>
      <a href="/2"><h3>Rail operator fined over timetable failures</h3><p>The regulator said passengers had been let down.</p></a>
    </main></body></html>`;
    const { window } = new JSDOM(cards);
    const found = teaserLinks(window.document, null);
    expect(found.map((teaser) => teaser.text)).toEqual([
      'This one weird trick will change how you sleep forever',
      'Rail operator fined over timetable failures',
    ]);
    expect(found[0]?.element.tagName).toBe('A');
    const flagged = clickbaitFlags(analyze(cards, {}, 'https://bestnews.example/'));
    expect(flagged).toHaveLength(1);
    expect(flagged[0]?.text).toContain('This one weird trick');
  });

  it('does not score teasers on a page in another language', () => {
    const german = indexPage.replace('lang="en"', 'lang="de"');
    expect(clickbaitFlags(analyze(german, {}, 'https://bestnews.example/'))).toEqual([]);
  });

  it('finds the same teasers from the block index as from the document', () => {
    const indent = ' '.repeat(120);
    const page = `<!doctype html><html lang="en"><body><main>
      <ul><li><a href="/a">Council approves the new harbour bridge plan</a></li>
        <li><a href="/b">Why this tiny village is suddenly famous</a> <span>two days ago</span></li></ul>
      <p>Read <a href="/c">a short note about the weather service report</a> in a sentence that runs on for quite a while longer.</p>
      <a href="/d">${indent}Four words${indent}in a${indent}card${indent}</a>
      <a href="/e"><div><h3>The headline of a card with a summary</h3><p>A summary line.</p></div></a>
      <nav><a href="/f">Menu entries are not teasers at all</a></nav>
      <a href="https://www.facebook.com/sharer/sharer.php?u=x">Share this story with your friends now</a>
      <a name="top">An anchor without an address is not a link</a>
    </main></body></html>`;
    const { window } = new JSDOM(page, { url: 'https://news.example/story' });
    const document = window.document;
    const index = blockIndex(detectionContext(document, { url: document.URL }, null, null));
    const plain = teaserLinks(document, null);
    expect(plain.map((teaser) => teaser.text)).toEqual([
      'Council approves the new harbour bridge plan',
      'Why this tiny village is suddenly famous',
      'The headline of a card with a summary',
    ]);
    expect(teaserLinks(document, null, index)).toEqual(plain);
    // A link the index cannot see (after body) sends the scan back to the document.
    const outside = document.createElement('div');
    outside.innerHTML = '<a href="/g">A link placed after the body of the page</a>';
    document.documentElement.append(outside);
    expect(teaserLinks(document, null, index).map((teaser) => teaser.text)).toEqual([
      ...plain.map((teaser) => teaser.text),
      'A link placed after the body of the page',
    ]);
  });

  it('bounds the teaser scan on pages with very many links', () => {
    const links = Array.from(
      { length: 1500 },
      (_, i) => `<li><a href="/${i}">You won't believe story number ${i} today</a></li>`,
    );
    const { window } = new JSDOM(`<!doctype html><html><body><ul>${links.join('')}</ul></body></html>`);
    const found = teaserLinks(window.document, null);
    expect(found.length).toBeGreaterThan(100);
    expect(found.length).toBeLessThanOrEqual(400);
  });
});
