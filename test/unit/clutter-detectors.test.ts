import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../utils/analyze.ts';
import { CATEGORIES } from '../../utils/categories.ts';
import { type BlockIndex, outermostBlocks } from '../../utils/clutter/blocks.ts';
import { boilerplateDetector } from '../../utils/clutter/boilerplate.ts';
import { relatedDetector } from '../../utils/clutter/related.ts';
import type { PageReport } from '../../utils/report.ts';
import { PARAGRAPHS } from './night-bus-article.ts';

/** A small article page with the given clutter HTML inserted after the second paragraph. */
function page(clutter: string, lang = 'en', after = ''): string {
  const [first, second, ...rest] = PARAGRAPHS.map((text) => `<p>${text}</p>`);
  return `<!DOCTYPE html><html lang="${lang}"><head><title>Night buses extended to villages</title></head><body>
    <main><article><h1>Night buses extended to villages</h1>${first}${second}${clutter}${rest.join('')}</article></main>${after}</body></html>`;
}

function analyze(html: string): PageReport {
  const url = 'https://news.example/night-buses';
  return analyzeDocument(new JSDOM(html, { url }).window.document, { url, force: true }).report;
}

function flagFor(report: PageReport, text: string) {
  return report.flags.find((flag) => flag.kind !== 'clickbait' && flag.text.includes(text));
}

function expectArticleIntact(report: PageReport) {
  for (const text of PARAGRAPHS) expect(report.cleanText).toContain(text);
  for (const text of PARAGRAPHS) expect(flagFor(report, text.slice(0, 40))).toBeUndefined();
}

describe('boilerplate detector', () => {
  it('flags a newsletter sign-up with its email form and phrase as reasons', () => {
    const report = analyze(
      page(
        '<div><p>Get the morning briefing in your inbox: sign up for our free newsletter.</p><form><input type="email" name="email"><button>Sign up</button></form></div>',
      ),
    );
    const flag = flagFor(report, 'morning briefing');
    expect(flag).toMatchObject({ kind: 'boilerplate', category: 'newsletter', insideArticle: true });
    expect(flag?.reasons[0]).toMatch(/^Newsletter sign-up: email form \+ '/);
    expect(report.cleanText).not.toContain('morning briefing');
    expectArticleIntact(report);
  });

  it('flags a German newsletter line without a form only when it is actionable', () => {
    const report = analyze(
      page('<p><a href="/newsletter">Newsletter abonnieren</a> und nichts mehr verpassen.</p>', 'de'),
    );
    expect(flagFor(report, 'Newsletter abonnieren')?.category).toBe('newsletter');
    // A long paragraph that only mentions a newsletter is article text.
    const prose = analyze(
      page(
        '<p>The company said in its quarterly newsletter that it would sign up more drivers this year, a move analysts welcomed because it had struggled with staffing across its regional network for months.</p>',
      ),
    );
    expect(flagFor(prose, 'quarterly newsletter')).toBeUndefined();
  });

  it('flags share bars in several languages but not a sentence that mentions Facebook', () => {
    for (const bar of [
      '<div><a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a> <a href="https://twitter.com/intent/tweet">Twitter</a> <a href="mailto:?subject=x">E-Mail</a></div>',
      '<div>Teilen: <a href="https://wa.me/?text=x">WhatsApp</a> <a href="https://www.facebook.com/sharer.php">Facebook</a></div>',
      '<div>Partager <a href="#">Facebook</a> <a href="#">LinkedIn</a></div>',
    ]) {
      const report = analyze(page(bar));
      const flag = report.flags.find((candidate) => candidate.category === 'share');
      expect(flag, bar).toBeDefined();
      expect(flag?.reasons.join(' ')).toMatch(/Share bar/);
    }
    const sentence = analyze(page('<p>She shared the video on Facebook and Twitter.</p>'));
    expect(sentence.flags.some((flag) => flag.category === 'share')).toBe(false);
  });

  it('flags source lines, ad labels, copyright lines and comment prompts', () => {
    const report = analyze(
      page(
        '<p>Source: <a href="https://wire.example/story">Read Full Article</a></p><div>Advertisement</div><p>© 2024 News Example. All rights reserved.</p><p><a href="#comments">Leave a comment</a></p>',
      ),
    );
    expect(flagFor(report, 'Source: Read Full Article')?.category).toBe('source-credit');
    expect(flagFor(report, 'Advertisement')?.category).toBe('advertising');
    expect(flagFor(report, 'All rights reserved')?.category).toBe('copyright');
    expect(flagFor(report, 'Leave a comment')?.category).toBe('comments');
    expectArticleIntact(report);
  });

  it('recognises page chrome: navigation, site header and footer, cookie banner', () => {
    const report = analyze(
      `<!DOCTYPE html><html><body><header><a href="/">Daily Example</a><nav><a href="/a">World</a><a href="/b">Sport</a></nav></header>${page(
        '',
      )
        .replace(/^.*<body>/s, '')
        .replace(
          '</body></html>',
          '',
        )}<footer><a href="/about">About</a> <a href="/privacy">Privacy</a></footer><div role="dialog"><p>We use cookies to improve the site. Accept to continue.</p><button>Accept</button></div></body></html>`,
    );
    expect(flagFor(report, 'World')?.category).toBe('site-header');
    expect(flagFor(report, 'Privacy')?.category).toBe('site-footer');
    expect(flagFor(report, 'We use cookies')?.category).toBe('cookie-consent');
    expectArticleIntact(report);
  });

  it('does not flag on a class name alone', () => {
    const report = analyze(page('<p class="newsletter share related">A plain paragraph with a class name.</p>'));
    expect(flagFor(report, 'A plain paragraph')).toBeUndefined();
  });

  it('uses only categories from the category list and never mutates the DOM', () => {
    const html = page(
      '<p><strong>READ MORE:</strong> <a href="/x">Village shop reopens after flood repairs finish</a></p><div>Advertisement</div>',
    );
    const dom = new JSDOM(html, { url: 'https://news.example/a' });
    const before = dom.serialize();
    const report = analyzeDocument(dom.window.document, { force: true }).report;
    expect(dom.serialize()).toBe(before);
    for (const flag of report.flags) expect(Object.keys(CATEGORIES)).toContain(flag.category);
    expect(boilerplateDetector.name).toBe('boilerplate');
    expect(relatedDetector.name).toBe('related');
  });
});

describe('boilerplate detector: closing credits', () => {
  it.each([
    ['Jane Doe is a reporter for the Harbour Gazette covering transport.', 'Author bio'],
    ['Anna Müller ist Redakteurin im Ressort Verkehr und schreibt über Busse und Bahnen.', 'Author bio'],
    ['Fox News’ Jessica Napoli contributed to this report.', 'Wire-service credit'],
    ['Write to Al Root at allen.root@example.com', 'Author contact line'],
    ['Opinions expressed by Example Contributors are their own.', 'Copyright line'],
  ])('flags "%s" at the end of the article', (line, reason) => {
    const report = analyze(page('', 'en', '').replace('</article>', `<p>${line}</p></article>`));
    const flag = flagFor(report, line.slice(0, 20));
    expect(flag?.reasons[0]).toMatch(new RegExp(`^${reason}`));
    expect(report.cleanText).not.toContain(line.slice(0, 20));
    expectArticleIntact(report);
  });

  it('keeps a sentence about a reporter in the middle of the story', () => {
    const line =
      'Jane Doe is a reporter who first wrote about the shortage of night buses in the villages two years ago, and her stories started the campaign.';
    const report = analyze(page(`<p>${line}</p>`));
    expect(flagFor(report, 'Jane Doe')).toBeUndefined();
    expect(report.cleanText).toContain(line);
  });
});

describe('related detector', () => {
  it('flags inline read-more lines in several languages', () => {
    const cases: [string, string][] = [
      ['en', '<p><strong>READ MORE:</strong> <a href="/x">Village shop reopens after flood repairs finish</a></p>'],
      ['de', '<p>Lesen Sie auch: <a href="/x">Dorfladen öffnet nach der Flut wieder seine Türen</a></p>'],
      ['fr', '<p>À lire aussi : <a href="/x">La boutique du village rouvre après les inondations</a></p>'],
      ['es', '<p>Lea también: <a href="/x">La tienda del pueblo reabre tras las inundaciones</a></p>'],
      ['pl', '<p>Czytaj także: <a href="/x">Wiejski sklep znów otwarty po powodzi w regionie</a></p>'],
      ['it', '<p>Leggi anche: <a href="/x">Il negozio del paese riapre dopo l\'alluvione</a></p>'],
      ['nl', '<p>Lees ook: <a href="/x">Dorpswinkel gaat weer open na de overstroming</a></p>'],
    ];
    for (const [lang, html] of cases) {
      const report = analyze(page(html, lang));
      const flag = report.flags.find((candidate) => candidate.category === 'read-more');
      expect(flag, lang).toMatchObject({ kind: 'related' });
      expect(report.cleanText).not.toMatch(/reopens|öffnet|rouvre|reabre|otwarty|riapre|weer open/);
      expectArticleIntact(report);
    }
  });

  it('flags a list of links to other stories with the count in the reason', () => {
    const items = [
      'Village shop reopens after flood repairs finish',
      'New cycle path links the two market towns',
      'School roof repairs delayed until the summer',
    ]
      .map((text, index) => `<li><a href="/story-${index}">${text}</a></li>`)
      .join('');
    const report = analyze(page(`<ul>${items}</ul>`));
    const flag = flagFor(report, 'Village shop reopens');
    expect(flag?.kind).toBe('related');
    expect(flag?.reasons[0]).toBe(
      'Links to other stories: 3 headline links of 3 links, 100 % link text, inside the article',
    );
    expectArticleIntact(report);
  });

  it('keeps a list of short facts and a list of shop links that are part of the article', () => {
    const facts = analyze(
      page('<ul><li>Three new routes</li><li>Buses every forty minutes</li><li>Trial for eighteen months</li></ul>'),
    );
    expect(facts.flags.filter((flag) => flag.kind === 'related')).toHaveLength(0);
    const shop = analyze(
      page('<ul><li><a href="https://shop.example/item">Get the night bus pass at the shop for 20</a></li></ul>'),
    );
    expect(shop.flags.filter((flag) => flag.kind === 'related')).toHaveLength(0);
  });

  it('calls a sidebar module under a most-read heading most-read', () => {
    const sidebar =
      '<aside><h2>Meistgelesen</h2><ol><li><a href="/1">Vollsperrung auf der A7 am Wochenende erwartet</a></li><li><a href="/2">Heimsieg im Derby vor ausverkauftem Haus</a></li></ol></aside>';
    const report = analyze(page('', 'de', sidebar));
    expect(flagFor(report, 'Vollsperrung')?.category).toBe('most-read');
  });
});

describe('outermostBlocks', () => {
  const { document } = new JSDOM(
    '<div id="menu"><ul id="list"><li id="item">Home</li></ul></div><p id="after">Text</p><p id="last">More</p>',
  ).window;
  const index = { elements: Array.from(document.body.getElementsByTagName('*')) } as unknown as BlockIndex;
  const ids = (blocks: { element: Element }[]) => blocks.map((block) => block.element.id);
  const verdict = { category: 'navigation', score: 0.6, reasons: ['test'] };

  it("does not judge a flagged block's inner elements, and goes on after it", () => {
    const judged: string[] = [];
    const blocks = outermostBlocks(index, 'boilerplate', (element) => {
      judged.push(element.id);
      return element.id === 'menu' || element.id === 'last' ? verdict : null;
    });
    expect(ids(blocks)).toEqual(['menu', 'last']);
    expect(judged).toEqual(['menu', 'after', 'last']);
  });

  it('judges inner elements when the outer one is not flagged, and drops weak verdicts', () => {
    const blocks = outermostBlocks(index, 'related', (element) =>
      element.id === 'item' ? verdict : element.id === 'after' ? { ...verdict, score: 0.4 } : null,
    );
    expect(ids(blocks)).toEqual(['item']);
    expect(blocks[0]?.kind).toBe('related');
  });
});
