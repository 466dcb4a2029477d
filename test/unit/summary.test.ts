import { describe, expect, it } from 'vitest';
import { SUMMARY_SENTENCES, splitSentences, summarize } from '../../utils/summary.ts';

describe('splitSentences', () => {
  it('does not break on titles, initials, decimals or e.g.', () => {
    expect(
      splitSentences(
        'Mr. Smith met Dr. J. K. Rowling in St. Ives! The U.S. economy grew 3.5 per cent, e.g. in May.',
        'en',
      ),
    ).toEqual(['Mr. Smith met Dr. J. K. Rowling in St. Ives!', 'The U.S. economy grew 3.5 per cent, e.g. in May.']);
  });

  it('ends a sentence after an abbreviation when a clear sentence follows', () => {
    expect(splitSentences('He moved to the U.S. The move was hard. See No. 10 for more.', 'en')).toEqual([
      'He moved to the U.S.',
      'The move was hard.',
      'See No. 10 for more.',
    ]);
  });

  it('keeps closing quotes with their sentence and quoted questions inside it', () => {
    expect(splitSentences('"We will win." That was the claim. "Is it over?" he asked. It was.', 'en')).toEqual([
      '"We will win."',
      'That was the claim.',
      '"Is it over?" he asked.',
      'It was.',
    ]);
  });

  it('knows German ordinals and quotes', () => {
    expect(
      splitSentences('Am 10. Juni kam es zum Angriff. Er sagte: „Das ist gut.“ Danach ging er z.B. heim.', 'de'),
    ).toEqual(['Am 10. Juni kam es zum Angriff.', 'Er sagte: „Das ist gut.“', 'Danach ging er z.B. heim.']);
  });

  it('splits CJK text without spaces', () => {
    expect(splitSentences('今天天气很好。我们去公园吧！你觉得呢？', 'zh')).toEqual([
      '今天天气很好。',
      '我们去公园吧！',
      '你觉得呢？',
    ]);
  });

  it('always ends a sentence at a paragraph break, and never inside a URL', () => {
    expect(splitSentences('A heading\n\nSee example.com/a.b for more. Done', 'en')).toEqual([
      'A heading',
      'See example.com/a.b for more.',
      'Done',
    ]);
  });

  it('keeps datelines with their sentence and drops leading dashes', () => {
    expect(
      splitSentences('YPSILANTI, Mich. (AP) — Mike Glass threw three touchdowns. — Then it rained.', 'en'),
    ).toEqual(['YPSILANTI, Mich. (AP) — Mike Glass threw three touchdowns.', 'Then it rained.']);
  });

  it('stops at the limit', () => {
    expect(splitSentences('One. Two. Three. Four.', 'en', 2)).toEqual(['One.', 'Two.']);
  });
});

const STORY = [
  'The city council approved a new budget for road repairs on Tuesday after a long debate.',
  'The budget sets aside twelve million pounds for road repairs across the city over two years.',
  'Council leader Anna Berg said the road repairs budget was the largest in a decade.',
  'Weather',
  'A local bakery won a prize for its sourdough bread at the regional fair last week.',
  'Opposition members argued the road repairs budget should have included cycle lanes.',
  'Residents have complained for years about potholes on the main roads into the city.',
  'The council will publish a list of the first roads to be repaired next month.',
  'Work on the first roads is expected to start in the spring, the council said.',
].join('\n\n');

describe('summarize', () => {
  const summary = summarize(STORY, 'en');

  it('returns three of the article’s own sentences, in article order', () => {
    expect(summary).toHaveLength(SUMMARY_SENTENCES);
    let last = -1;
    for (const sentence of summary) {
      const at = STORY.indexOf(sentence);
      expect(at).toBeGreaterThan(last);
      last = at;
    }
  });

  it('favours the lead and the central topic, not asides or headings', () => {
    expect(summary[0]).toBe(STORY.split('\n\n')[0]);
    expect(summary.join(' ')).not.toContain('bakery');
    expect(summary).not.toContain('Weather');
  });

  it('is deterministic', () => {
    expect(summarize(STORY, 'en')).toEqual(summary);
  });

  it('does not pick the same sentence twice', () => {
    const repeated = `${STORY}\n\n${STORY.split('\n\n')[0]}\n\n${STORY.split('\n\n')[0]}`;
    const result = summarize(repeated, 'en');
    expect(new Set(result).size).toBe(result.length);
    expect(result).toHaveLength(SUMMARY_SENTENCES);
  });

  it('handles empty and short texts', () => {
    expect(summarize('', 'en')).toEqual([]);
    expect(summarize('   \n\n ', null)).toEqual([]);
    expect(summarize('Only one sentence here, but it is a fine one.', 'en')).toEqual([
      'Only one sentence here, but it is a fine one.',
    ]);
    expect(summarize('First short one here. Second short one here.', 'en')).toHaveLength(2);
  });

  it('works for languages without spaces', () => {
    const text = Array.from(
      { length: 8 },
      (_, i) => `北京市政府今天宣布了第${i + 1}项新的道路维修计划，预计明年完成。`,
    ).join('');
    const result = summarize(text, 'zh');
    expect(result).toHaveLength(3);
    for (const sentence of result) expect(text).toContain(sentence);
  });

  it('keeps its cost bounded on huge texts', () => {
    const huge = Array.from(
      { length: 20_000 },
      (_, i) => `Sentence number ${i} talks about roads and budgets at length.`,
    ).join(' ');
    const started = performance.now();
    const result = summarize(huge, 'en');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result).toHaveLength(3);
    // Only the first sentences are candidates.
    for (const sentence of result) expect(huge.indexOf(sentence)).toBeLessThan(huge.length / 20);
  });
});
