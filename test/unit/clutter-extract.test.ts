import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../utils/analyze.ts';
import { extractArticle } from '../../utils/extract.ts';

// The story sits in a block whose class Readability's first pass strips as unlikely ("comment"),
// so the first pass finds too little text, and Readability rebuilds the page from its HTML for the second.
const RETRY_PAGE = `<!DOCTYPE html><html><body>
<div class="intro"><p>Island news in brief, updated every morning by the harbour office team.</p></div>
<div class="comment-area">
  <p>The ferry service to the island resumed on Monday after storm damage to the pier was repaired by a team of engineers who had worked through the weekend to replace the broken moorings.</p>
  <p><strong>READ MORE:</strong> <a href="/news/pier-storm">Storm tears roof off harbour office overnight</a></p>
  <p>Operators said timetables would return to normal by the weekend, although the early crossing on Saturday will leave twenty minutes later than usual while the last checks are made.</p>
  <p>Passengers with tickets for cancelled crossings can claim a refund at the terminal or online until the end of the month, the operator said in a statement on Monday afternoon.</p>
</div></body></html>`;

describe('extraction text map', () => {
  it('links every article text node back to the live page, even after Readability rebuilt it for a retry', () => {
    const document = new JSDOM(RETRY_PAGE, { url: 'https://news.example/ferry' }).window.document;
    const extraction = extractArticle(document, 60_000);
    expect(extraction).not.toBeNull();
    const unlinked = extraction?.textNodes.filter(({ clone, live }) => clone.data.trim() && !live) ?? [];
    expect(unlinked).toHaveLength(0);
    for (const { clone, live } of extraction?.textNodes ?? []) {
      if (live) expect(live.data).toBe(clone.data);
      if (live) expect(live.ownerDocument).toBe(document);
    }
  });

  it('so a flag inside such an article is marked inside and leaves cleanText', () => {
    const document = new JSDOM(RETRY_PAGE, { url: 'https://news.example/ferry' }).window.document;
    const { report } = analyzeDocument(document, { url: 'https://news.example/ferry', force: true });
    const flag = report.flags.find((candidate) => candidate.category === 'read-more');
    expect(flag?.insideArticle).toBe(true);
    expect(report.article?.text).toContain('Storm tears roof off');
    expect(report.cleanText).not.toContain('Storm tears roof off');
    expect(report.cleanText).toContain('The ferry service to the island resumed');
  });
});

// The standfirst sits in the article header, between the headline and the body container Readability picks.
const BODY = [
  'The ferry service to the island resumed on Monday after storm damage to the pier was repaired by a team of engineers who had worked through the weekend to replace the broken moorings.',
  'Operators said timetables would return to normal by the weekend, although the early crossing on Saturday will leave twenty minutes later than usual while the last checks are made.',
  'Passengers with tickets for cancelled crossings can claim a refund at the terminal or online until the end of the month, the operator said in a statement on Monday afternoon.',
];
const LEAD =
  'After a week without crossings, islanders can reach the mainland again, and the operator promises that the timetable will be back to normal within days.';
function standfirstPage(header: string): string {
  return `<!DOCTYPE html><html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><header><h1>Ferries sail again after the storm</h1>${header}</header>
<div class="body">${BODY.map((text) => `<p>${text}</p>`).join('')}</div></article>
<footer><p>Harbour Gazette, all the island news since 1901, delivered every morning.</p></footer></body></html>`;
}

describe('standfirst recovery', () => {
  it('takes back the lead paragraph between the headline and the body, mapped to the live page', () => {
    const document = new JSDOM(standfirstPage(`<p class="lead">${LEAD}</p>`)).window.document;
    const { report } = analyzeDocument(document, { url: 'https://news.example/ferry', force: true });
    expect(report.article?.text.startsWith(LEAD)).toBe(true);
    expect(report.cleanText).toContain(LEAD);
    for (const text of BODY) expect(report.cleanText).toContain(text);
    const extraction = extractArticle(new JSDOM(standfirstPage(`<p>${LEAD}</p>`)).window.document, 60_000);
    const leadNode = extraction?.textNodes.find(({ clone }) => clone.data === LEAD);
    expect(leadNode?.live?.parentElement?.tagName).toBe('P');
  });

  it('leaves out captions, author boxes, link lists and footers around the article', () => {
    const caption =
      'Passengers queue at the pier on Monday morning as the first ferry arrives (Photo: Jane Smith/Harbour Gazette)';
    const bio =
      'Jane Smith is a reporter for the Harbour Gazette and has covered the islands and their ferries for ten years.';
    const links =
      '<p><a href="/a">Storm tears roof off harbour office overnight</a> and <a href="/b">Island school reopens after the floods</a></p>';
    const document = new JSDOM(standfirstPage(`<p>${caption}</p><p>${bio}</p>${links}`)).window.document;
    const { report } = analyzeDocument(document, { url: 'https://news.example/ferry', force: true });
    expect(report.article?.text).not.toContain('Passengers queue');
    expect(report.article?.text).not.toContain('Jane Smith is a reporter');
    expect(report.article?.text).not.toContain('Storm tears roof');
    expect(report.article?.text).not.toContain('Harbour Gazette, all the island news');
    expect(report.article?.text.startsWith(BODY[0] as string)).toBe(true);
  });
});

const ASIDE =
  'Our weekly island letter brings the harbour news, the tide tables and the ferry times to everyone who asks for it at the office.';

/** Page builders nest the body deep in a grid, so its headline is several levels above it. */
function deepPage(head: string, between = ''): string {
  return `<!DOCTYPE html><html><body><div class="page"><div class="wrap"><div class="grid">
<div class="head"><div class="inner"><div class="title"><h1>Ferries sail again after the storm</h1></div>${head}</div></div>
${between}
<div class="main"><div class="col"><div class="row"><div class="cell"><div class="text">
${BODY.map((text) => `<p>${text}</p>`).join('')}
</div></div></div></div></div></div></div></div></body></html>`;
}

function cleanText(html: string): string {
  const document = new JSDOM(html).window.document;
  return analyzeDocument(document, { url: 'https://news.example/ferry', force: true }).report.cleanText;
}

describe('standfirst under a headline far above the body', () => {
  it('takes back a lead paragraph beside the headline', () => {
    const text = cleanText(deepPage(`<p class="lead">${LEAD}</p>`));
    expect(text.startsWith(LEAD)).toBe(true);
    for (const paragraph of BODY) expect(text).toContain(paragraph);
  });

  it('but not a subheading there, nor a paragraph in another branch of the page', () => {
    expect(cleanText(deepPage(`<h2>${LEAD}</h2>`))).not.toContain(LEAD);
    const between = `<div class="promo"><div><div><p>${ASIDE}</p></div></div></div>`;
    expect(cleanText(deepPage('', between))).not.toContain(ASIDE);
  });
});
