import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLICKBAIT_THRESHOLD } from '../../utils/analyze.ts';
import { DEFAULT_THRESHOLD, headlineLanguage, mayBeEnglish, scoreHeadline } from '../../utils/clickbait/index.ts';
import { NEWS_BAIT, PLAIN_NEWS } from './clickbait-sanity-set.ts';

const expected = JSON.parse(
  readFileSync(new URL('../fixtures/seed-article/expected.json', import.meta.url), 'utf8'),
) as { headline: { text: string }; teaserHeadlines: { text: string; clickbait: boolean }[] };

describe('scoreHeadline', () => {
  it('flags the seed headline for its sensational fear framing', () => {
    const verdict = scoreHeadline(expected.headline.text);
    expect(verdict.clickbait).toBe(true);
    expect(verdict.score).toBeGreaterThan(0.7);
    expect(verdict.reasons[0]).toBe("Sensational fear framing: 'WW3 fears'");
    expect(verdict.reasons.some((reason) => reason.includes("'shock attack'"))).toBe(true);
  });

  it.each(expected.teaserHeadlines)('gives the seed teaser "$text" the expected verdict', ({ text, clickbait }) => {
    const verdict = scoreHeadline(text);
    expect(verdict.clickbait).toBe(clickbait);
    if (clickbait) expect(verdict.reasons.length).toBeGreaterThan(0);
  });

  it('explains teaser bait with the cues behind it', () => {
    expect(scoreHeadline("You won't believe what this pensioner found in her loft").reasons).toEqual(
      expect.arrayContaining(["Addresses the reader: 'You'", "Forward reference: 'this pensioner'"]),
    );
    expect(scoreHeadline('17 photos that prove cats are secretly running the country').reasons).toContain(
      'Listicle number',
    );
  });

  it.each(PLAIN_NEWS)('leaves plain news unflagged: %s', (text) => {
    const verdict = scoreHeadline(text);
    expect(verdict.clickbait).toBe(false);
    expect(verdict.score).toBeLessThan(0.5);
  });

  it('flags hand-written tabloid and teaser bait it was not trained on', () => {
    const missed = NEWS_BAIT.filter((text) => !scoreHeadline(text).clickbait);
    // A few misses are tolerable; most must be caught.
    expect(missed.length / NEWS_BAIT.length).toBeLessThanOrEqual(0.1);
  });

  it('weighs the question mark the training data could not show, and names the newer cues', () => {
    // The bait half of the training data has no question marks: the cue's prior alone carries one.
    expect(scoreHeadline('Is your morning coffee making you tired?').clickbait).toBe(true);
    expect(scoreHeadline('Did the mayor break the rules?').clickbait).toBe(true);
    expect(scoreHeadline('Are electric buses worth the cost?').clickbait).toBe(true);
    const asked = scoreHeadline('Did the mayor break the rules?').score as number;
    expect(scoreHeadline('Did the mayor break the rules').score as number).toBeLessThan(asked - 0.1);
    expect(scoreHeadline('A supermarket worker just leaked the new loyalty card prices').reasons).toContain(
      "Hurried 'just' or 'finally': 'just leaked'",
    );
    expect(scoreHeadline('What would happen if the moon vanished tomorrow').reasons).toContain(
      "Withholds the point: 'What would happen'",
    );
  });

  it('lets one cue that news desks do not write flag a headline on its own', () => {
    // Shouted emphasis, a withheld thing, a subject named by description, an end pointer: prior 1.8 to 2.2.
    for (const text of [
      'Divers make alarming find in the harbour',
      'Council warns residents to check bins TODAY',
      'Mayor once shared a flat with this 1990s chat show host',
    ]) {
      expect(scoreHeadline(text).score as number, text).toBeGreaterThan(0.6);
    }
    expect(scoreHeadline('Court hears bail plea in fraud case').clickbait).toBe(false);
  });

  it('scores a long summary or post lower than the teaser it opens with', () => {
    const teaser = 'You will never guess what this gardener found under his shed';
    const summary =
      `${teaser}. The council said on Tuesday that the old tunnel, dug during the war, will be ` +
      'surveyed next spring and then opened to school visits.';
    expect(scoreHeadline(teaser).clickbait).toBe(true);
    expect(scoreHeadline(summary).score as number).toBeLessThan(scoreHeadline(teaser).score as number);
    expect(scoreHeadline(summary).clickbait).toBe(false);
  });

  it('scores regardless of capitalisation', () => {
    const sentence = scoreHeadline('Fury as council slaps £100 fine on pensioner for feeding birds');
    const upper = scoreHeadline('Fury As Council Slaps £100 Fine On Pensioner For Feeding Birds');
    expect(sentence.clickbait).toBe(true);
    expect(upper.clickbait).toBe(true);
  });

  it('applies the threshold', () => {
    const text = 'Ryanair passengers left fuming after flight diverted to wrong country';
    const score = scoreHeadline(text).score as number;
    expect(scoreHeadline(text, { threshold: score - 0.01 }).clickbait).toBe(true);
    expect(scoreHeadline(text, { threshold: score + 0.01 }).clickbait).toBe(false);
    expect(DEFAULT_THRESHOLD).toBe(DEFAULT_CLICKBAIT_THRESHOLD);
  });

  it('normalises whitespace in the returned text', () => {
    expect(scoreHeadline('  Bank of England\n holds rates ').text).toBe('Bank of England holds rates');
  });
});

describe('the language rule', () => {
  const notScored = { score: null, clickbait: false, notScored: 'language', reasons: [] };

  it.each([
    'Schock-Angriff: Russland droht mit dem dritten Weltkrieg',
    'Die Regierung plant neue Steuern',
    'Le gouvernement annonce une réforme des retraites pour les jeunes',
    '34 raisons de ne jamais aller au Pays basque',
    'Путин пригрозил Западу новой войной',
    '東京で大規模な火災が発生',
  ])('does not score a headline in another language: %s', (text) => {
    expect(scoreHeadline(text)).toMatchObject(notScored);
  });

  it('follows a declared language', () => {
    expect(scoreHeadline('You won’t believe this one trick', { lang: 'de' })).toMatchObject(notScored);
    expect(scoreHeadline('You won’t believe this one trick', { lang: 'en-GB' }).clickbait).toBe(true);
    // A declared English page with a headline in another script is still not guessed at.
    expect(scoreHeadline('Путин пригрозил Западу', { lang: 'en' })).toMatchObject(notScored);
  });

  it('scores short English headlines whose language cannot be guessed', () => {
    expect(scoreHeadline('Shock horror!').score).not.toBeNull();
    expect(scoreHeadline('Oil prices fall').score).not.toBeNull();
    expect(scoreHeadline('Merkel wins fourth term').score).not.toBeNull();
    expect(mayBeEnglish('Beyoncé stuns at Grammys')).toBe(true);
    expect(mayBeEnglish('Mit dem Zug nach Berlin')).toBe(false);
    // English headlines with words or names that other languages use as function words.
    for (const text of [
      'Three die in motorway crash',
      'MIT scientists develop new battery',
      'Robert De Niro wins award',
      'Los Angeles fire spreads',
      'Von der Leyen visits Kyiv',
      'Le Pen loses election',
      'Comic-Con returns to San Diego',
      'Man steals van',
    ]) {
      expect(mayBeEnglish(text), text).toBe(true);
    }
  });
});

describe('English headlines with stop words other languages share', () => {
  it('are scored in English', () => {
    // "i", "to" and "do" are Polish stop words too; the English function words decide.
    for (const text of [
      "I'm Not Antisocial, I Just Want To Be Alone",
      'British ministers refused to stop bomb sales to Saudi Arabia despite being told to do so',
    ]) {
      expect(headlineLanguage(text), text).toBe('en');
    }
    expect(headlineLanguage('Nie jest to prawda, że rząd to ukrywa')).toBe('other');
  });
});

describe('Spanish headlines', () => {
  it('are scored by the Spanish model, guessed or declared', () => {
    const bait = scoreHeadline('¿Sabías que este truco te ahorra dinero? Te contamos cómo 👉');
    expect(bait.score).not.toBeNull();
    expect(bait.clickbait).toBe(true);
    expect(bait.reasons.length).toBeGreaterThan(0);
    const plain = scoreHeadline('El presidente anuncia nuevas medidas para la economía');
    expect(plain.score).not.toBeNull();
    expect(plain.clickbait).toBe(false);
    expect(scoreHeadline('Australia reconoce su propio Abu Ghraib en Afganistán', { lang: 'es' }).score).not.toBeNull();
  });
});

describe('bad input', () => {
  it.each(['', '   \n\t ', '😀😀😀 🔥', '!!! ???'])('does not score %j', (text) => {
    expect(scoreHeadline(text)).toMatchObject({ score: null, clickbait: false, notScored: 'language' });
  });

  it('gives a verdict on 5 KB headlines, all capitals and mixed languages', () => {
    for (const text of [
      'You will not believe this '.repeat(200),
      'WW3 FEARS AS RUSSIA CLAIMS US WEAPONS WERE USED IN SHOCK ATTACK',
      'You won’t believe lo que pasó en la playa',
    ]) {
      const verdict = scoreHeadline(text);
      expect(verdict.score === null || (verdict.score >= 0 && verdict.score <= 1)).toBe(true);
    }
    // Scored by its opening 400 characters; that many words read as a summary, not a teaser, but still get a score.
    expect(scoreHeadline('You will not believe this '.repeat(200)).score).not.toBeNull();
  });
});

describe('reasons', () => {
  it('are never empty for a flagged headline', () => {
    // All quoted speech: no named cue and no scoring word, only the <quote> token.
    const verdict = scoreHeadline('"Churuli and other films based on time loops"', { threshold: 0.01 });
    expect(verdict.clickbait).toBe(true);
    expect(verdict.reasons.length).toBeGreaterThan(0);
  });
});

describe('scoring untrusted text', () => {
  it('finds no weights on inherited object keys', () => {
    const verdict = scoreHeadline('constructor toString hasOwnProperty __proto__ valueOf isPrototypeOf');
    expect(Number.isFinite(verdict.score)).toBe(true);
    expect(verdict.clickbait).toBe(false);
  });
});
