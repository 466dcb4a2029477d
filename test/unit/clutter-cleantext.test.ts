import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../utils/analyze.ts';
import { isMetaLine } from '../../utils/clutter/metalines.ts';
import type { PageReport } from '../../utils/report.ts';

const PARAGRAPHS = [
  'The regional council voted on Tuesday to extend the night bus network to three outlying villages, after a two-year campaign by residents who said they had been cut off from evening jobs in the city.',
  'Under the plan, buses will run every forty minutes between midnight and five in the morning from the central station, with a stop added at the hospital so that night-shift staff can travel safely.',
  'Council members said the trial would cost about two million a year and would be reviewed after eighteen months, with passenger numbers published every quarter so that the public can judge it.',
];

function analyze(body: string): PageReport {
  const url = 'https://news.example/night-buses';
  const html = `<!DOCTYPE html><html><head><title>Night buses extended</title></head><body><main><article>
    <h1>Night buses extended to villages</h1>${body}</article></main></body></html>`;
  return analyzeDocument(new JSDOM(html, { url }).window.document, { url, force: true }).report;
}

const paragraphs = PARAGRAPHS.map((text) => `<p>${text}</p>`).join('');

describe('author boxes', () => {
  const bio =
    'Hallo, ich bin Jana und schreibe hier seit 2015 über Busse, Bahnen und alles, was Menschen nachts nach Hause bringt.';

  it('marked as author bio or box by the page leave cleanText', () => {
    const report = analyze(`${paragraphs}<section class="post-author-box"><h4>Jana Berg</h4><p>${bio}</p></section>`);
    expect(report.article?.text).toContain(bio);
    expect(report.cleanText).not.toContain(bio);
    for (const text of PARAGRAPHS) expect(report.cleanText).toContain(text);
  });

  it('but a block marked only as the author (a byline), or a long one, stays', () => {
    expect(analyze(`${paragraphs}<div class="author"><p>${bio}</p></div>`).cleanText).toContain(bio);
    const long = `<div class="author-box">${paragraphs}<p>${bio}</p></div>`;
    expect(analyze(`<p>${PARAGRAPHS[0]}</p>${long}`).cleanText).toContain(bio);
  });
});

describe('meta lines', () => {
  it('a phone number is not a date stamp; a date still is', () => {
    expect(isMetaLine('+81 158-23-2012')).toBe(false);
    expect(isMetaLine('Tel. +49 30 123-45-2019')).toBe(false);
    expect(isMetaLine('19.01.2022, 14:30')).toBe(true);
    expect(isMetaLine('2022-01-19')).toBe(true);
  });
});

describe('figcaptions', () => {
  it('leave cleanText as picture captions', () => {
    const caption = 'The first night bus leaves the central station.';
    const report = analyze(
      `${paragraphs}<figure><img src="bus.jpg" alt=""><figcaption>${caption}</figcaption></figure>`,
    );
    expect(report.cleanText).not.toContain(caption);
  });

  it('stay when they tell the story (a gallery of captioned pictures)', () => {
    const slides = PARAGRAPHS.map(
      (text, at) => `<figure><img src="${at}.jpg" alt=""><figcaption><p>${text}</p></figcaption></figure>`,
    ).join('');
    const report = analyze(`<p>Three pictures from the first night.</p>${slides}`);
    for (const text of PARAGRAPHS) expect(report.cleanText).toContain(text);
  });
});
