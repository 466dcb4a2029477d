import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../utils/analyze.ts';
import { finishRelated, prevNextVerdict } from '../../utils/clutter/block-runs.ts';
import { blockIndex } from '../../utils/clutter/blocks.ts';
import { detectionContext } from '../../utils/context.ts';
import type { DetectedBlock } from '../../utils/detectors.ts';
import type { PageReport } from '../../utils/report.ts';
import { PARAGRAPHS } from './night-bus-article.ts';

/** A small article page with the given HTML inserted after the second paragraph. */
function page(inserted: string): string {
  const [first, second, ...rest] = PARAGRAPHS.map((text) => `<p>${text}</p>`);
  return `<!DOCTYPE html><html lang="en"><head><title>Night buses extended to villages</title></head><body>
    <main><article><h1>Night buses extended to villages</h1>${first}${second}${inserted}${rest.join('')}</article></main></body></html>`;
}

function analyze(html: string): PageReport {
  const url = 'https://news.example/night-buses';
  return analyzeDocument(new JSDOM(html, { url }).window.document, { url, force: true }).report;
}

const related = (report: PageReport, text: string) =>
  report.flags.find((flag) => flag.kind === 'related' && flag.text.includes(text));

function expectArticleIntact(report: PageReport) {
  for (const text of PARAGRAPHS) expect(report.cleanText).toContain(text);
  for (const text of PARAGRAPHS) {
    expect(
      report.flags.find((flag) => flag.kind !== 'clickbait' && flag.text.includes(text.slice(0, 40))),
    ).toBeUndefined();
  }
}

describe('related blocks: title lines and runs of link items', () => {
  it("takes a related module's title line, set apart from its list, into the flag", () => {
    const report = analyze(
      page(
        `<div><table><tbody><tr><td><p>Recent related articles</p></td></tr></tbody></table>
        <ul><li>• <a href="/sport/cowboys">More heartbreak for the Cowboys in the playoffs</a> | 01/14/2008</li>
        <li>• <a href="/sport/packers">Bigby a sparkplug for the Packers defense</a> | 01/14/2008</li>
        <li>• <a href="/sport/chargers">Chargers and Giants face big hurdles this week</a> | 01/14/2008</li></ul></div>`,
      ),
    );
    const flag = related(report, 'More heartbreak');
    expect(flag?.text).toContain('Recent related articles');
    expect(flag?.text).toContain('Chargers and Giants');
    expectArticleIntact(report);
  });

  it('flags a lone link item that continues a run of links to other stories, even off the site', () => {
    const report = analyze(
      page(
        `<li><a href="/tech/gadgets"><b>Las Vegas gambles on cool gadgets this year</b></a></li>
        <li><a href="/tech/show"><b>Evolution, not revolution at the electronics show</b></a></li>
        <li><a href="https://blogs.othersite.example/tech/blu-ray"><b>HD DVD group cancels its Las Vegas launch</b></a></li>`,
      ),
    );
    expect(related(report, 'Las Vegas gambles')).toBeDefined();
    const flag = related(report, 'HD DVD group cancels');
    expect(flag).toBeDefined();
    expect(flag?.reasons.join(' ')).toMatch(/2 other items are links to other stories/);
    expectArticleIntact(report);
  });

  it('leaves a list of sources alone when only a few of its items are the site’s own stories', () => {
    const sources = [
      ['Ministry of Transport', 'Annual bus figures'],
      ['County Council', 'Bus review for 2024'],
      ['Rural Transport Trust', 'Night travel survey'],
      ['Passenger Watch', 'Late services report'],
    ]
      .map(
        ([author, title], at) => `<li>${author}, <a href="https://source${at}.example/report">${title}</a>, 2024.</li>`,
      )
      .join('');
    const report = analyze(
      page(
        `<p>Sources:</p><ul><li><a href="/news/buses-one">Night buses reach three more villages</a></li>
        <li><a href="/news/buses-two">Council backs the late bus trial for the county</a></li>${sources}</ul>`,
      ),
    );
    expect(related(report, 'Annual bus figures')).toBeUndefined();
    expect(related(report, 'Late services report')).toBeUndefined();
    expectArticleIntact(report);
  });
});

describe('related blocks: finishing steps on the found blocks', () => {
  const URL = 'https://news.example/night-buses';
  const listBlock = (element: Element): DetectedBlock => ({
    element,
    kind: 'related',
    category: 'story-list',
    score: 0.7,
    reasons: ['Links to other stories: 3 headline links'],
  });

  it('lifts a related list to the parent it shares only with its title line, not to a parent with more text', () => {
    const { document } = new JSDOM(
      `<body><article><p>${PARAGRAPHS.join('</p><p>')}</p></article>
      <div id="module"><div><p>Recent related articles</p></div><ul id="list"><li><a href="/a">More heartbreak for the Cowboys in the playoffs</a></li></ul></div>
      <div id="busy"><div><p>Recent related articles</p></div><p>A paragraph of other words that is not a title.</p><ul id="other"><li><a href="/b">Chargers and Giants face big hurdles this week</a></li></ul></div></body>`,
      { url: URL },
    ).window;
    const context = detectionContext(document, { url: URL }, null, null);
    const byId = (id: string) => document.getElementById(id) as Element;
    const result = finishRelated(blockIndex(context), [listBlock(byId('list')), listBlock(byId('other'))]);
    expect(result.map((block) => block.element)).toEqual([byId('module'), byId('other')]);
  });
});

describe('related blocks: previous / next story lines', () => {
  it('judges a "Previous: … | Next: …" line under a byline, and not a paragraph that mentions the next step', () => {
    const URL = 'https://news.example/night-buses';
    const { document } = new JSDOM(
      `<body><article><p>${PARAGRAPHS.join('</p><p>')}</p>
      <p id="step">Council officers said the next: step would be a public vote on the <a href="/news/vote">route changes</a> and the <a href="/news/fares">fares</a>.</p>
      <p id="line">By Jane Fields | January 14, 2008; 4:38 PM ET <a href="/news/transport/">Transport</a>
      <br> Previous: <a href="/news/out-on-a-high-note">Out on a High Note</a> | Next: <a href="/news/new-low">New Year, New Low for the Council</a></p>
      </article></body>`,
      { url: URL },
    ).window;
    const index = blockIndex(detectionContext(document, { url: URL }, null, null));
    const verdict = prevNextVerdict(index, document.getElementById('line') as Element);
    expect(verdict).toMatchObject({ kind: 'related', category: 'next-article' });
    expect(verdict?.reasons[0]).toMatch(/previous \/ next story line \(3 links\)/);
    expect(prevNextVerdict(index, document.getElementById('step') as Element)).toBeNull();
  });
});
