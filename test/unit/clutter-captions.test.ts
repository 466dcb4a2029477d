import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../utils/analyze.ts';
import { isCaptionBlock } from '../../utils/clutter/captions.ts';

const BODY = [
  'Die Fähre zur Insel fährt seit Montag wieder, nachdem Techniker am Wochenende die vom Sturm beschädigten Anleger repariert und die gebrochenen Festmacher ersetzt hatten.',
  'Der Betreiber sagte, der Fahrplan werde bis zum Wochenende wieder normal sein, auch wenn die frühe Fahrt am Samstag zwanzig Minuten später ablegt als sonst üblich.',
  'Fahrgäste mit Tickets für ausgefallene Fahrten können bis Monatsende am Terminal oder online eine Erstattung verlangen, teilte der Betreiber am Montagnachmittag mit.',
];

function page(figure: string): string {
  return `<!DOCTYPE html><html><body><article><h1>Die Fähren fahren wieder</h1>
<div class="text"><p>${BODY[0]}</p>${figure}<p>${BODY[1]}</p><p>${BODY[2]}</p></div></article></body></html>`;
}

function analyse(html: string) {
  const document = new JSDOM(html).window.document;
  return { document, report: analyzeDocument(document, { url: 'https://news.example/faehre', force: true }).report };
}

describe('captions not marked up as figcaption', () => {
  it('leave cleanText when a caption-named block sits beside its picture', () => {
    const { report } = analyse(
      page(
        '<div class="wp-caption"><img src="pier.jpg" alt=""><p class="wp-caption-text">Der reparierte Anleger am Montagmorgen.</p></div>',
      ),
    );
    expect(report.article?.text).toContain('Der reparierte Anleger am Montagmorgen.');
    expect(report.cleanText).not.toContain('Der reparierte Anleger');
    for (const paragraph of BODY) expect(report.cleanText).toContain(paragraph);
  });

  it('also as a credit line in a picture wrapper', () => {
    const { document } = analyse(
      page(
        '<span class="picture-element"><img src="pier.jpg" alt=""><em class="copyright">Hafenamt | Jana Berg</em></span>',
      ),
    );
    const credit = document.querySelector('.copyright') as Element;
    expect(isCaptionBlock(credit)).toBe(true);
  });

  it('stay when no picture is near, however the block is named', () => {
    const { document, report } = analyse(page(`<p class="caption">${'Ein Absatz mit Klassennamen. '.repeat(3)}</p>`));
    expect(isCaptionBlock(document.querySelector('.caption') as Element)).toBe(false);
    expect(report.cleanText).toContain('Ein Absatz mit Klassennamen.');
  });

  it('stay when the caption-named block beside a picture is paragraphs long', () => {
    const { document, report } = analyse(
      page(`<div class="figure"><img src="a.jpg" alt=""><p class="caption">${BODY.join(' ')}</p></div>`),
    );
    expect(isCaptionBlock(document.querySelector('.caption') as Element)).toBe(false);
    expect(report.cleanText).toContain(BODY[2]);
  });

  it('count a live figcaption beside its picture only when asked (not on gallery pages)', () => {
    const { document } = analyse(
      page(
        '<div class="media"><picture><img src="pier.jpg" alt=""></picture><figcaption>Der Anleger.</figcaption></div>',
      ),
    );
    const caption = document.querySelector('figcaption') as Element;
    expect(isCaptionBlock(caption, true)).toBe(true);
    expect(isCaptionBlock(caption)).toBe(false);
  });
});
