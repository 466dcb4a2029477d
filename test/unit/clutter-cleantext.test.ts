import { describe, expect, it } from 'vitest';
import { isMetaLine } from '../../utils/clutter/metalines.ts';
import { PARAGRAPHS as ALL_PARAGRAPHS, articleReport, paragraphsHtml } from './night-bus-article.ts';

const PARAGRAPHS = ALL_PARAGRAPHS.slice(0, 3);
const paragraphs = paragraphsHtml(3);

describe('author boxes', () => {
  const bio =
    'Hallo, ich bin Jana und schreibe hier seit 2015 über Busse, Bahnen und alles, was Menschen nachts nach Hause bringt.';

  it('marked as author bio or box by the page leave cleanText', () => {
    const report = articleReport(
      `${paragraphs}<section class="post-author-box"><h4>Jana Berg</h4><p>${bio}</p></section>`,
    );
    expect(report.article?.text).toContain(bio);
    expect(report.cleanText).not.toContain(bio);
    for (const text of PARAGRAPHS) expect(report.cleanText).toContain(text);
  });

  it('but a block marked only as the author (a byline), or a long one, stays', () => {
    expect(articleReport(`${paragraphs}<div class="author"><p>${bio}</p></div>`).cleanText).toContain(bio);
    const long = `<div class="author-box">${paragraphs}<p>${bio}</p></div>`;
    expect(articleReport(`<p>${PARAGRAPHS[0]}</p>${long}`).cleanText).toContain(bio);
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
    const report = articleReport(
      `${paragraphs}<figure><img src="bus.jpg" alt=""><figcaption>${caption}</figcaption></figure>`,
    );
    expect(report.cleanText).not.toContain(caption);
  });

  it('stay when they tell the story (a gallery of captioned pictures)', () => {
    const slides = PARAGRAPHS.map(
      (text, at) => `<figure><img src="${at}.jpg" alt=""><figcaption><p>${text}</p></figcaption></figure>`,
    ).join('');
    const report = articleReport(`<p>Three pictures from the first night.</p>${slides}`);
    for (const text of PARAGRAPHS) expect(report.cleanText).toContain(text);
  });
});
