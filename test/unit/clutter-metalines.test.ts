import { describe, expect, it } from 'vitest';
import { isLoneAddress, isMetaLine } from '../../utils/clutter/metalines.ts';

describe('isMetaLine', () => {
  it.each([
    'Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM',
    'Updated on: November 19, 2019 / 10:07 AM / CBS News',
    '18 NOV 2019',
    'sexta-feira, 22 de outubro de 2010 às 20:13',
    'Stand: 12.03.2021, 14:33 Uhr',
    'Erstellt am Dienstag 6. Mai 2014',
    'Tempo de leitura: 2 minutos',
    '3 min read',
    'Lesezeit: 4 Minuten',
    '02 Ago 2017',
    'Photo: David Zalubowski, STF / Associated Press',
    'paul.takahashi@chron.com',
    'Comments',
    '___',
    'Image 1 of 9',
    'Advert',
    'Kommentare geschlossen',
    'Print Recipe',
    '(Noch keine Bewertungen)',
  ])('drops the stamp "%s"', (line) => {
    expect(isMetaLine(line)).toBe(true);
  });

  it.each([
    'The meeting is on May 5, 2019.',
    'In 2019, 5 people died.',
    'Prices rose 3.5% in March 2024 as energy costs climbed again across the region',
    'Fahrzeug samt Fahrer',
    'By the end of the year',
    'http://amzn.to/2hXQPDr',
  ])('keeps the text "%s"', (line) => {
    expect(isMetaLine(line)).toBe(false);
  });
});

describe('isMetaLine with article details', () => {
  it('drops a byline, a repeat of the headline and the page address, nothing else', () => {
    const meta = {
      title: 'Night buses extended to villages',
      byline: 'Jane Doe',
      url: 'https://news.example/night-buses',
    };
    expect(isMetaLine('By Paul Takahashi', meta)).toBe(true);
    expect(isMetaLine('Jane Doe', meta)).toBe(true);
    expect(isMetaLine('Night buses extended to villages', meta)).toBe(true);
    expect(isMetaLine('https://www.news.example/night-buses', meta)).toBe(true);
    expect(isMetaLine('https://other.example/night-buses', meta)).toBe(false);
    expect(isMetaLine('Night buses will run every forty minutes', meta)).toBe(false);
  });
});

describe('isLoneAddress', () => {
  it('drops the only bare address in an article but keeps a list of them', () => {
    const lone = [
      'The council met on Tuesday.',
      'https://news.example/other-story-123.html',
      'It voted to extend the buses.',
    ];
    expect(isLoneAddress(lone, 1)).toBe(true);
    expect(isLoneAddress(lone, 0)).toBe(false);
    const list = ['1) First product', 'http://amzn.example/a', '2) Second product', 'http://amzn.example/b'];
    expect(isLoneAddress(list, 1)).toBe(false);
    expect(isLoneAddress(list, 3)).toBe(false);
  });
});
