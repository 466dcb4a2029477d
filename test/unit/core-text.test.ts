import { describe, expect, it } from 'vitest';
import { guessLanguage, pageLanguage } from '../../utils/language.ts';
import { baseLanguage, countWords, normalizeSpace, readingMinutes } from '../../utils/text.ts';

describe('text helpers', () => {
  it('normalises whitespace of every kind', () => {
    expect(normalizeSpace('  a\n\n b\t\u00a0c  ')).toBe('a b c');
  });

  it('counts words, with contractions and hyphens as one, and CJK by character', () => {
    expect(countWords('It’s a well-known fact, isn’t it? 3.5 per cent.')).toBe(9);
    expect(countWords('Straße naïve façade')).toBe(3);
    expect(countWords('1,000 people at 10:30, or 2.5%')).toBe(6);
    expect(countWords('新闻报道')).toBe(4);
    expect(countWords('Apple 发布 iPhone')).toBe(4);
    expect(countWords(' — … ')).toBe(0);
  });

  it('reads at a per-language rate, at least a minute for any text', () => {
    expect(readingMinutes(0, 'en')).toBe(0);
    expect(readingMinutes(10, 'en')).toBe(1);
    expect(readingMinutes(2280, 'en-GB')).toBe(10);
    expect(readingMinutes(1790, 'de')).toBe(10);
    expect(readingMinutes(2000, null)).toBe(10);
    expect(readingMinutes(2000, 'xx')).toBe(10);
    expect(readingMinutes(3570, 'ja')).toBe(10);
  });

  it('reduces language tags to their base', () => {
    expect(baseLanguage('en-GB')).toBe('en');
    expect(baseLanguage(' pt_BR ')).toBe('pt');
    expect(baseLanguage(undefined)).toBe('');
  });
});

describe('language guess', () => {
  it.each([
    ['en', 'The minister said on Tuesday that prices will rise again and that this is the plan for the families.'],
    ['de', 'Der Minister sagte am Dienstag, dass die Preise wieder steigen, und das ist nicht gut für die Familien.'],
    [
      'fr',
      'Le ministre a dit mardi que les prix vont encore augmenter et que la situation est difficile pour les familles.',
    ],
    [
      'es',
      'El ministro dijo el martes que los precios van a subir otra vez y que la situación es difícil para las familias.',
    ],
    ['zh', '北京市政府今天宣布了新的道路维修计划，预计明年完成。这是一个很长的句子。'],
    ['ja', '東京都は今日、新しい道路修理計画を発表しました。来年完成する予定です。'],
    ['ko', '서울시는 오늘 새로운 도로 보수 계획을 발표했습니다. 내년에 완료될 예정입니다.'],
    ['ru', 'Министр заявил во вторник, что цены снова вырастут, и критики сказали, что это плохо.'],
    ['uk', 'Міністр заявив у вівторок, що ціни знову зростуть, і критики сказали, що це погано.'],
    ['ar', 'قال الوزير يوم الثلاثاء إن الأسعار سترتفع مرة أخرى وقال المنتقدون إن الخطة ستضر بالعائلات'],
    ['he', 'השר אמר ביום שלישי כי המחירים יעלו שוב והמבקרים אמרו שהתוכנית תפגע במשפחות'],
  ])('recognises %s', (lang, text) => {
    expect(guessLanguage(text)).toBe(lang);
  });

  it('says nothing about too little text', () => {
    expect(guessLanguage('Hello world')).toBe('');
    expect(guessLanguage('新闻')).toBe('');
    expect(guessLanguage('')).toBe('');
  });

  it('prefers the declared language', () => {
    expect(pageLanguage('de-AT', 'The minister said that the plan is for the families and the children.')).toBe('de');
    expect(pageLanguage('', 'The minister said that the plan is for the families and the children.')).toBe('en');
  });
});
