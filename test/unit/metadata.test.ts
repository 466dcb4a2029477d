import { describe, expect, it } from 'vitest';
import { fixBylineAndDate, isDateOnly, parseDate, withoutDates } from '../../utils/metadata.ts';

describe('parseDate', () => {
  it.each([
    ['Saturday, 10 Jun 2023', '2023-06-10'],
    ['2023-06-10T09:14:00+01:00', '2023-06-10'],
    ['March 25, 2015', '2015-03-25'],
    ['Sept. 3rd, 2021', '2021-09-03'],
    ['10. März 2023', '2023-03-10'],
    ['10 de junio de 2023', '2023-06-10'],
    ['1er avril 2020', '2020-04-01'],
    ['Stand: 10.06.2023', '2023-06-10'],
    ['31/12/2020', '2020-12-31'],
    ['15 de março de 2023', '2023-03-15'],
    ['3 settembre 2022', '2022-09-03'],
    ['12 mei 2021', '2021-05-12'],
    ['7 października 2020', '2020-10-07'],
  ])('%s -> %s', (text, date) => {
    expect(parseDate(text)).toBe(date);
  });

  it.each(['May Smith', 'Mac & i', '2020-13-45', 'Room 10.06', 'by Lucas Nolan22 Dec 2016651', ''])(
    'finds no date in %j',
    (text) => {
      expect(parseDate(text)).toBeNull();
    },
  );
});

describe('isDateOnly', () => {
  it.each([
    'Saturday, 10 Jun 2023',
    'Last Updated: January 7, 2025',
    'April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm',
    'Veröffentlicht am 10. März 2023, 14:30 Uhr',
    'Published 2023-06-10T09:14:00Z',
  ])('%j is only a date', (text) => {
    expect(isDateOnly(text)).toBe(true);
  });

  it.each(['By Nathan Willis March 25, 2015', 'Jane Doe', 'Jane Doe, 10 June 2023', 'May June'])(
    '%j has a name in it',
    (text) => {
      expect(isDateOnly(text)).toBe(false);
    },
  );
});

describe('fixBylineAndDate', () => {
  it('drops a byline that is a date and uses it as the publication date', () => {
    expect(fixBylineAndDate('Saturday, 10 Jun 2023', null)).toEqual({ byline: null, publishedTime: '2023-06-10' });
  });

  it('keeps the page publication date over the one in the byline', () => {
    expect(fixBylineAndDate('Saturday, 10 Jun 2023', ' 2023-06-10T09:14:00+01:00 ')).toEqual({
      byline: null,
      publishedTime: '2023-06-10T09:14:00+01:00',
    });
  });

  it('cuts the date out of a byline with a name', () => {
    expect(fixBylineAndDate('By GILLIAN MOHNEY\n   March 11, 2015 3:46 PM', null)).toEqual({
      byline: 'By GILLIAN MOHNEY',
      publishedTime: '2015-03-11',
    });
    expect(fixBylineAndDate('Jane Doe on 10. März 2023, 14:30 Uhr', null).byline).toBe('Jane Doe');
    expect(withoutDates('Saturday, 10 Jun 2023 | Jane Doe')).toBe('Jane Doe');
    expect(withoutDates('March 25, 2015 by Jane Doe')).toBe('Jane Doe');
    expect(withoutDates('Publicado em 15 de março de 2023 às 14h30')).toBe('');
  });

  it('takes only whole dateline words: a name made of them stays', () => {
    expect(withoutDates('By Jane Eton 10 June 2023')).toBe('By Jane Eton');
    expect(withoutDates('Ana Dado, 3 settembre 2022')).toBe('Ana Dado');
  });

  it('leaves names alone, including ones that look like months', () => {
    expect(fixBylineAndDate('  May   Smith ', null)).toEqual({ byline: 'May Smith', publishedTime: null });
    expect(fixBylineAndDate('Par Sébastien Farcis', '2015-04-30T07:19:58')).toEqual({
      byline: 'Par Sébastien Farcis',
      publishedTime: '2015-04-30T07:19:58',
    });
    expect(fixBylineAndDate(null, null)).toEqual({ byline: null, publishedTime: null });
    expect(fixBylineAndDate('   ', '')).toEqual({ byline: null, publishedTime: null });
  });
});
