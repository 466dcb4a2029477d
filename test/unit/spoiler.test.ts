// @vitest-environment jsdom
/**
 * "Saved you a click": the spoiler ranker, its bad inputs, the report field,
 * the --spoil CLI mode and the evaluation's scorer.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPage } from '../../scripts/cli/load-page.ts';
import { parseSpoilLine } from '../../scripts/cli/spoil-mode.ts';
import { covers, tokenF1, tokens } from '../../scripts/eval/spoil-metrics.ts';
import { PROJECT_ROOT, sharedPath } from '../../scripts/shared-data.ts';
import { analyzePage } from '../../utils/analyze.ts';
import { findTextRange } from '../../utils/find-text.ts';
import { parseRequest } from '../../utils/messages.ts';
import type { PageReport } from '../../utils/report.ts';
import {
  analyzeQuestion,
  DEFAULT_WEIGHTS,
  findSpoiler,
  MAX_SPOILER_WORDS,
  withSpoiler,
} from '../../utils/spoiler/index.ts';
import { buildCandidates, candidateFeatures, cueNouns, pickSpan, rankSentences } from '../../utils/spoiler/rank.ts';
import { normalizeSpace } from '../../utils/text.ts';

const words = (text: string) => text.split(' ').filter(Boolean).length;

const ARTICLE = [
  'Americans love their morning routine, and coffee is at the heart of it.',
  'A new survey by the National Coffee Association asked 3,000 adults about their habits.',
  'On average, Americans drink 2.1 cups of coffee every day, the survey found.',
  'Younger drinkers prefer cold brew, while older ones stick to drip coffee.',
];

describe('the headline question', () => {
  it('reads lists, reasons, amounts and people from the wording', () => {
    expect(analyzeQuestion('7 simple things you should never say to your boss')).toMatchObject({
      type: 'multi',
      count: 7,
    });
    expect(analyzeQuestion('These three foods will ruin your sleep')).toMatchObject({ type: 'multi', count: 3 });
    expect(analyzeQuestion('Why the Queen never eats garlic')).toMatchObject({ type: 'passage', kind: 'reason' });
    expect(analyzeQuestion('This is how much coffee Americans drink every day')).toMatchObject({
      type: 'phrase',
      kind: 'number',
    });
    expect(analyzeQuestion('This actor just landed the role of a lifetime')).toMatchObject({ kind: 'person' });
    // A question the rules do not place, or a report that opens on a name, withholds a passage;
    // a Title Case tease or one about "this" stays a phrase.
    expect(analyzeQuestion('What will make the future of energy terrorist-proof?').type).toBe('passage');
    expect(analyzeQuestion('Paul Ryan: Trump will have the funding to build the wall').type).toBe('passage');
    expect(analyzeQuestion('Paul Ryan Says Trump Will Have The Funding').type).toBe('phrase');
    expect(analyzeQuestion('Taylor Swift just wore this to the awards').type).toBe('phrase');
    // "How" opening the headline or a clause tells a way, whatever word follows it.
    expect(analyzeQuestion('How free updates turned a small game into a hit')).toMatchObject({
      type: 'passage',
      kind: 'way',
    });
    expect(analyzeQuestion('Born in a small town: How the singer wrote his song').type).toBe('passage');
    expect(analyzeQuestion('How long you can keep your make-up')).toMatchObject({ kind: 'number', type: 'phrase' });
    // What someone said or thinks: a passage, where a quote scores.
    expect(analyzeQuestion('Nurses reveal what they really think about night shifts')).toMatchObject({
      type: 'passage',
      kind: 'thing',
    });
    // Several things promised: a count, "these", or a plural noun the rest describes.
    expect(analyzeQuestion('15 of the most powerful women in tech').plural).toBe(true);
    expect(analyzeQuestion('How many of these books do you own?').plural).toBe(true);
    expect(analyzeQuestion('Shower habits you need to stop right now').plural).toBe(true);
    expect(analyzeQuestion('The weirdest city in America').plural).toBe(false);
    expect(analyzeQuestion('Scientists found the reason cats knock things over').plural).toBe(false);
  });

  it('counts list items after a number through adjectives and names, not measures or compounds', () => {
    expect(analyzeQuestion('12 of the most daring women in mountain climbing')).toMatchObject({
      type: 'multi',
      count: 12,
    });
    expect(analyzeQuestion('23 unforgettable lighthouses to see this summer')).toMatchObject({
      type: 'multi',
      count: 23,
    });
    expect(analyzeQuestion('6 Board Games That Are Worth The Wait')).toMatchObject({ type: 'multi', count: 6 });
    // People counted mid-headline are the story's people, not a list; a measure or a compound is no count.
    expect(analyzeQuestion('A neighbour fed these 3 women every week for a year').count).toBeNull();
    expect(analyzeQuestion('He waited 10 long years to say it').type).not.toBe('multi');
    expect(analyzeQuestion('The three-word phrase every manager dreads').type).not.toBe('multi');
    expect(analyzeQuestion('The 5-minute trick bakers swear by').count).toBeNull();
    // Everyday adjectives between the number and the noun.
    expect(analyzeQuestion('Here are eight good things that happened this year')).toMatchObject({
      type: 'multi',
      count: 8,
    });
  });
});

describe('findSpoiler', () => {
  it('answers a how-much headline with the sentence holding the amount, in the article words', () => {
    const result = findSpoiler({ post: 'This is how much coffee Americans drink every day', paragraphs: ARTICLE });
    expect(result.spoiler?.text).toContain('2.1 cups');
    expect(ARTICLE.join(' ')).toContain(result.spoiler?.text ?? '-');
    expect(result.spoiler?.type).toBe('phrase');
    expect(result.spoiler?.score).toBeGreaterThan(0);
    expect(result.spoiler?.score).toBeLessThanOrEqual(1);
  });

  it('follows the question: a who-headline gets the sentence that names someone new', () => {
    const paragraphs = [
      'The club confirmed the news on Monday morning.',
      'Fans had waited weeks for the announcement.',
      'The new coach is Maria Sanchez, who led the national team for six years.',
    ];
    const result = findSpoiler({
      post: 'Who is the club’s new coach? Fans were waiting for the announcement',
      paragraphs,
    });
    expect(result.spoiler?.text).toContain('Maria Sanchez');
  });

  it('takes the sentence after the best one too, across a paragraph break, within 60 words', () => {
    // The answer follows the sentence that restates the headline, in its own one-sentence paragraph.
    const paragraphs = [
      'The town council met on Monday evening.',
      'After months of debate the council finally chose a name for the new bridge.',
      'It will be called the Harbour Light Bridge, after the old lighthouse nearby.',
      'Work on the approach roads starts in spring.',
    ];
    const post = 'The council finally chose a name for the new bridge';
    // Without `follow` the answer is the best sentence alone.
    // (Without the runner-up part and the lean on the sentence before, tested below.)
    const noRunnerUp = { ...DEFAULT_WEIGHTS, second: 0, lean: false };
    const single = findSpoiler({ post, paragraphs }, { ...noRunnerUp, follow: 0, phraseFollow: 0 });
    const at = paragraphs.indexOf(single.spoiler?.text ?? '');
    expect([1, 2]).toContain(at);
    // With it (the default for phrase answers) the answer goes on into the next paragraph's sentence.
    const result = findSpoiler({ post, paragraphs }, noRunnerUp);
    expect(result.spoiler?.text).toBe(`${paragraphs[at]} ${paragraphs[at + 1]}`);
    expect(result.spoiler?.text).toContain('Harbour Light Bridge');
    // A following sentence that would pass the limit is left out.
    const long = `${'very '.repeat(50)}long closing sentence.`;
    const candidates = buildCandidates([paragraphs[at] as string, long], [0, 1], MAX_SPOILER_WORDS);
    const question = { ...analyzeQuestion(post), post };
    expect(pickSpan(question, candidates, 0, MAX_SPOILER_WORDS, DEFAULT_WEIGHTS)).toBe(paragraphs[at]);
    expect(pickSpan(question, candidates, 0, 100, DEFAULT_WEIGHTS)).toBe(`${paragraphs[at]} ${long}`);
    // A best sentence that opens on a pronoun leans on the one before: that one comes first.
    const leaning = buildCandidates(paragraphs, [0, 1, 2, 3], MAX_SPOILER_WORDS);
    const alone = { ...DEFAULT_WEIGHTS, follow: 0, phraseFollow: 0 };
    expect(pickSpan(question, leaning, 2, MAX_SPOILER_WORDS, alone)).toBe(`${paragraphs[1]} ${paragraphs[2]}`);
    expect(pickSpan(question, leaning, 2, MAX_SPOILER_WORDS, { ...alone, lean: false })).toBe(paragraphs[2]);
    expect(pickSpan(question, leaning, 1, MAX_SPOILER_WORDS, alone)).toBe(paragraphs[1]);
  });

  it('takes no following sentence for a phrase whose sentence holds what the question asks for', () => {
    const paragraphs = [
      'Americans drink 2.1 cups of coffee every day, the survey found.',
      'Younger drinkers prefer cold brew, while older ones stick to drip coffee.',
    ];
    const post = 'How much coffee do Americans drink every day?';
    const candidates = buildCandidates(paragraphs, [0, 1], MAX_SPOILER_WORDS);
    const question = { ...analyzeQuestion(post), post };
    expect(question.kind).toBe('number');
    expect(pickSpan(question, candidates, 0, MAX_SPOILER_WORDS, DEFAULT_WEIGHTS)).toBe(paragraphs[0]);
    const off = { ...DEFAULT_WEIGHTS, kindStops: false };
    expect(pickSpan(question, candidates, 0, MAX_SPOILER_WORDS, off)).toBe(paragraphs.join(' '));
    // Without the number in its best sentence, the answer goes on into the next one.
    const vague = buildCandidates(['Americans drink a lot of coffee every day.', paragraphs[1] as string], [0, 1], 60);
    expect(pickSpan(question, vague, 0, MAX_SPOILER_WORDS, DEFAULT_WEIGHTS)).toContain('cold brew');
  });

  it('takes the title too, as a last part, when the answer leaves out the title words the post withholds', () => {
    const paragraphs = [
      'The former first lady spoke at a library event in Dallas on Tuesday.',
      'She said the next president should care about women in Afghanistan.',
    ];
    const post = 'This former first lady hints at her vote';
    const title = 'Laura Bush Hints At Supporting Clinton';
    const result = findSpoiler({ post, paragraphs, title });
    expect(result.spoiler?.type).toBe('phrase');
    expect(result.spoiler?.text.endsWith(title)).toBe(true);
    expect(result.spoiler?.parts?.at(-1)).toBe(title);
    // A passage answer too.
    const why = findSpoiler({ post: 'Why this former first lady hints at her vote', paragraphs, title });
    expect(why.spoiler?.type).toBe('passage');
    expect(why.spoiler?.text.endsWith(title)).toBe(true);
    // Off, or when the answer names them already, the title stays out.
    const off = findSpoiler({ post, paragraphs, title }, { ...DEFAULT_WEIGHTS, titleMissing: 0 });
    expect(off.spoiler?.text).not.toContain('Laura');
    const named = findSpoiler({ post, paragraphs: [...paragraphs, 'Laura Bush backs Clinton, aides say.'], title });
    expect(named.spoiler?.text).not.toContain(title);
  });

  it('adds the runner-up sentence from elsewhere as a second part when it scores close to the best', () => {
    const paragraphs = [
      'Why do cats knock things off tables? Owners have long wondered.',
      'The weather was mild in the city that week, and traffic was light.',
      'Cats knock things off tables to test what objects are, a study of house cats found.',
      'A second study of house cats found that cats knock things off tables for attention.',
    ];
    const post = 'Why cats knock things off tables';
    const alone = findSpoiler({ post, paragraphs }, { ...DEFAULT_WEIGHTS, second: 0, follow: 0 });
    expect(alone.spoiler?.parts).toBeUndefined();
    const both = findSpoiler({ post, paragraphs }, { ...DEFAULT_WEIGHTS, second: 0.5, follow: 0 });
    const parts = both.spoiler?.parts ?? [];
    expect(parts).toHaveLength(2);
    expect(parts).toContain(alone.spoiler?.text);
    // In article order, each part the article's own text, and joined within the limit.
    expect(paragraphs.join(' ').indexOf(parts[0] ?? '-')).toBeLessThan(paragraphs.join(' ').indexOf(parts[1] ?? '-'));
    expect(both.spoiler?.text).toBe(parts.join(' '));
    expect(words(both.spoiler?.text ?? '')).toBeLessThanOrEqual(MAX_SPOILER_WORDS);
    // A runner-up that would pass the word limit is left out (57 words: one candidate, too long
    // to join the best span).
    const long = [...paragraphs.slice(0, 3), `House cats ${'and more '.repeat(27)}too.`];
    const capped = findSpoiler({ post, paragraphs: long }, { ...DEFAULT_WEIGHTS, second: 0.01, follow: 0 });
    expect(words(capped.spoiler?.text ?? '')).toBeLessThanOrEqual(MAX_SPOILER_WORDS);
    expect(capped.spoiler?.text).toContain(alone.spoiler?.text ?? '-');
    expect(capped.spoiler?.text).not.toContain('and more and more');
  });

  it('reads the noun a headline withholds something about', () => {
    expect([...cueNouns('I had never heard of this condition until the pain set in')]).toEqual(['condit']);
    expect([...cueNouns('The reason your cat stares at you')]).toEqual(['reason']);
    expect(cueNouns('Cats knock things off tables').size).toBe(0);
  });

  it('ranks a sentence higher when the one before it restates the headline, even in another paragraph', () => {
    const paragraphs = [
      'Scientists say they have found the reason cats knock things off tables.',
      'Cats push objects to test what they are, researchers at the university said.',
      'Other animals do not.',
    ];
    const post = 'Scientists found the reason cats knock things off tables';
    const candidates = paragraphs.map((text, paragraph) => ({ text, paragraph }));
    const features = candidateFeatures(
      { ...analyzeQuestion(post), post },
      buildCandidates(
        candidates.map((c) => c.text),
        candidates.map((c) => c.paragraph),
        MAX_SPOILER_WORDS,
      ),
      null,
    );
    // Same paragraph or not, the sentence after the restatement gets its overlap as `previous`;
    // `context` keeps to the paragraph.
    expect(features[1]?.previous).toBeGreaterThan(0.5);
    expect(features[1]?.context).toBe(0);
    expect(features[0]?.previous).toBe(0);
    expect(features[2]?.previous).toBeLessThan(features[1]?.previous as number);
  });

  it('ranks higher the sentence naming what the title says and the post leaves out', () => {
    const paragraphs = [
      'Travel writers have argued for years about which lake town in the region is the friendliest.',
      'A new survey asked 4,000 visitors to rate their welcome in towns around the water.',
      'Lowmere came out on top, with nine in ten saying locals went out of their way to help.',
      'Prices were fair in most towns, the survey found.',
    ];
    const post = 'This lake town was voted the friendliest in the region';
    const title = 'Lowmere voted friendliest lake town';
    const question = { ...analyzeQuestion(post), post };
    const candidates = buildCandidates(paragraphs, [0, 1, 2, 3], MAX_SPOILER_WORDS);
    const features = candidateFeatures(question, candidates, title);
    // Only the title's word the post does not have counts: "Lowmere".
    expect(features[2]?.reveal).toBe(1);
    expect(features.filter((feature) => feature.reveal > 0)).toHaveLength(1);
    expect(candidateFeatures(question, candidates, null).every((feature) => feature.reveal === 0)).toBe(true);
    const order = (reveal: number) =>
      rankSentences(question, candidates, title, { ...DEFAULT_WEIGHTS, reveal }).map((ranked) => ranked.index);
    expect(order(0).indexOf(2)).toBeGreaterThan(order(0).indexOf(1));
    expect(order(DEFAULT_WEIGHTS.reveal).indexOf(2)).toBeLessThan(order(DEFAULT_WEIGHTS.reveal).indexOf(1));
  });

  it('answers a headline that promises several things with the article numbered items, a list', () => {
    const paragraphs = [
      'Cleaning the oven is nobody’s favourite job, but it does not have to take all afternoon.',
      '1. Make your own cleaner. Mix baking soda with water and spread it inside.',
      'Leave it overnight so it can loosen the grease.',
      '2) Use an old toothbrush. It reaches the corners a cloth cannot.',
      '#3: Scrape the glass with a razor blade held flat.',
      'Finally, wipe everything down with vinegar.',
    ];
    const result = findSpoiler({ post: 'The oven cleaning hacks that will leave it sparkling', paragraphs });
    expect(result.spoiler?.type).toBe('multi');
    // Its items stand apart in the article, so the report keeps them as parts: each is found in it.
    expect(result.spoiler?.parts).toEqual([
      '1. Make your own cleaner. Mix baking soda with water and spread it inside.',
      '2) Use an old toothbrush. It reaches the corners a cloth cannot.',
      '#3: Scrape the glass with a razor blade held flat.',
    ]);
    expect(result.spoiler?.text).toBe(
      '1. Make your own cleaner. Mix baking soda with water and spread it inside. ' +
        '2) Use an old toothbrush. It reaches the corners a cloth cannot. ' +
        '#3: Scrape the glass with a razor blade held flat.',
    );
    // Each item gives at most its first 15 words, and the list stops within 60 words.
    const long = Array.from({ length: 8 }, (_, i) => `${i + 1}. ${'Step words go on and on here '.repeat(4)}`);
    const capped = findSpoiler({ post: 'These 8 steps will change your mornings', paragraphs: long });
    expect(capped.spoiler?.type).toBe('multi');
    expect(words(capped.spoiler?.text ?? '')).toBeLessThanOrEqual(MAX_SPOILER_WORDS);
    expect(capped.spoiler?.text.startsWith('1. Step words')).toBe(true);
    expect(capped.spoiler?.text).toContain(' 2. Step words');
    // Without numbers, short heading-like paragraphs are the items; credit lines are not.
    const headed = findSpoiler({
      post: '6 festivals out in the middle of nowhere',
      paragraphs: [
        'Some festivals are worth the long drive.',
        'Boom – Portugal',
        'It happens every two years by a lake.',
        'Photo: Getty Images',
        'Meadows in the Mountains – Bulgaria',
        'A small crowd dances until sunrise.',
        'Fusion – Germany',
      ],
    });
    expect(headed.spoiler).toMatchObject({
      type: 'multi',
      text: 'Boom – Portugal Meadows in the Mountains – Bulgaria Fusion – Germany',
    });
    // A headline after one thing is not answered with the list, nor is an article without one.
    const single = findSpoiler({ post: 'The weirdest city in America will surprise you', paragraphs });
    expect(single.spoiler?.type).not.toBe('multi');
    const prose = findSpoiler({ post: 'The oven cleaning hacks that will leave it sparkling', paragraphs: ARTICLE });
    expect(prose.spoiler?.text).not.toMatch(/^1\./);
  });

  it('gives null with a reason, never a crash, on bad input', () => {
    expect(findSpoiler({ post: '', paragraphs: ARTICLE })).toMatchObject({ spoiler: null, reason: 'no-headline' });
    expect(findSpoiler({ post: '   \n\t', paragraphs: ARTICLE })).toMatchObject({
      spoiler: null,
      reason: 'no-headline',
    });
    expect(findSpoiler({ post: '😱🔥😂', paragraphs: ARTICLE })).toMatchObject({
      spoiler: null,
      reason: 'no-headline',
    });
    expect(findSpoiler({ post: 'You will not believe this', paragraphs: [] })).toMatchObject({
      spoiler: null,
      reason: 'no-article',
    });
    expect(findSpoiler({ post: 'You will not believe this', paragraphs: ['', '  '] })).toMatchObject({
      spoiler: null,
      reason: 'no-article',
    });
    const spanish = findSpoiler({
      post: 'This is how much coffee the average American drinks every single day of the year',
      paragraphs: [
        'Los estadounidenses beben de media 2,1 tazas de café al día, según una encuesta de la asociación del sector.',
        'Los más jóvenes prefieren el café frío y los mayores siguen con el de filtro de toda la vida.',
      ],
    });
    expect(spanish).toMatchObject({ spoiler: null, reason: 'language' });
  });

  it('never returns more than 60 words, whatever the input', () => {
    const huge = Array.from({ length: 8000 }, (_, i) => `word${i % 97}`).join(' ');
    const cases = [
      { post: 'HOW MUCH COFFEE DO AMERICANS DRINK EVERY DAY? YOU WILL BE SHOCKED', paragraphs: ARTICLE },
      { post: 'coffee '.repeat(800), paragraphs: ARTICLE },
      { post: 'Here is what word5 means', paragraphs: [huge] },
      { post: 'These 5 things word3 word7', paragraphs: [huge, huge] },
      { post: 'One sentence only', paragraphs: ['This article has exactly one sentence about one thing'] },
    ];
    for (const input of cases) {
      const result = findSpoiler(input);
      const text = (result.spoiler ?? result.guess)?.text ?? '';
      expect(words(text)).toBeGreaterThan(0);
      expect(words(text)).toBeLessThanOrEqual(MAX_SPOILER_WORDS);
    }
  });

  it('counts the limit as the task scorer does: "U.S." and "1,000" are two words each', () => {
    // Sentences of 25 to 40 space-separated words, each 50 to 80 words by the scorer's count.
    const dense = (i: number) =>
      `The U.S. agency spent $1,000 on item ${i} in the U.S. last year, it's said, and it's ${'U.S. '.repeat(20 + i)}data.`;
    const paragraphs = Array.from({ length: 6 }, (_, i) => dense(i));
    for (const post of [
      'How much did the U.S. agency spend?',
      'Why the U.S. agency spent this',
      '5 things the U.S. bought',
    ]) {
      const result = findSpoiler({ post, paragraphs });
      const text = (result.spoiler ?? result.guess)?.text ?? '';
      expect(tokens(text).length).toBeGreaterThan(0);
      expect(tokens(text).length).toBeLessThanOrEqual(MAX_SPOILER_WORDS);
    }
  });
});

describe('the report', () => {
  it('gives the seed page a spoiler from its own article, made by withSpoiler (not the page-load analysis)', () => {
    const { document, close } = loadPage(sharedPath('fixtures', 'seed-article', 'page.html'));
    let report: PageReport;
    try {
      report = analyzePage(document);
    } finally {
      close();
    }
    expect(report.headline?.clickbait).toBe(true);
    const spoiler = report.headline?.spoiler;
    expect(spoiler).toBeTruthy();
    expect(['phrase', 'passage', 'multi']).toContain(spoiler?.type);
    expect(words(spoiler?.text ?? '')).toBeLessThanOrEqual(MAX_SPOILER_WORDS);
    expect(normalizeSpace(report.cleanText)).toContain(spoiler?.text);
    // It answers the headline about US weapons: it is about them, and it is not the headline again.
    expect(spoiler?.text).toMatch(/US|U\.S\./);
    expect(spoiler?.text).not.toBe(report.headline?.text);
  });

  it('adds nothing to a headline that is not clickbait, and null with a reason when there is no article', () => {
    const base: PageReport = {
      url: 'https://example.com/',
      readerable: true,
      article: null,
      headline: { text: 'Council approves budget', score: 0.1, clickbait: false, reasons: [] },
      flags: [],
      cleanText: '',
      summary: [],
      notices: [],
    };
    expect(withSpoiler(base)).toBe(base);
    const bait = withSpoiler({ ...base, headline: { ...base.headline, clickbait: true, score: 0.9 } as never });
    expect(bait.headline).toMatchObject({ spoiler: null, spoilerReason: 'no-article' });
  });
});

describe('analyze --spoil', () => {
  it('prints one line per post in input order, a line with an error for a malformed one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'article-lens-spoil-'));
    const input = join(dir, 'posts.jsonl');
    const post = (uuid: string, postText: unknown) =>
      JSON.stringify({ uuid, postText, targetTitle: '', targetParagraphs: ARTICLE, spoiler: ['ignored'] });
    writeFileSync(
      input,
      [
        post('first', ['This is how much coffee Americans drink every day']),
        '{"uuid": "broken"',
        post('third', 42),
        '',
        post('fourth', ['😱']),
      ].join('\n'),
    );
    const run = spawnSync(process.execPath, ['scripts/cli/analyze.ts', '--spoil', input], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    const out = run.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ uuid: 'first', spoilerType: 'phrase' });
    expect(out[0].spoiler).toContain('2.1 cups');
    expect(out[1]).toEqual({ line: 2, error: 'not valid JSON' });
    expect(out[2]).toMatchObject({ line: 3 });
    expect(out[3]).toEqual({ uuid: 'fourth', spoiler: '', spoilerType: 'phrase' });
    const missing = spawnSync(process.execPath, ['scripts/cli/analyze.ts', '--spoil', join(dir, 'nope.jsonl')], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });

  it('reads the task format and nothing else', () => {
    expect(parseSpoilLine('[1, 2]')).toEqual({ error: 'not a JSON object' });
    expect(parseSpoilLine('{"postText": ["x"], "targetParagraphs": []}')).toEqual({ error: 'missing "uuid"' });
    expect(parseSpoilLine('{"uuid": "u", "postText": ["x"], "targetParagraphs": ["p"], "extra": 1}')).toEqual({
      uuid: 'u',
      postText: ['x'],
      targetTitle: '',
      targetParagraphs: ['p'],
    });
  });
});

describe('the evaluation scorer', () => {
  it('tokenises as the corpus baselines do and scores F1 and coverage', () => {
    expect(tokens("Crazy Frog's 20th, 2.1!")).toEqual(['crazy', 'frog', 's', '20th', '2', '1']);
    expect(tokenF1('white pepper', 'white pepper')).toBe(1);
    expect(tokenF1('the spice is white pepper', 'white pepper')).toBeCloseTo(4 / 7);
    expect(tokenF1('nothing', 'white pepper')).toBe(0);
    expect(covers('it is white', 'white pepper')).toBe(true);
    expect(covers('it is black', 'white pepper')).toBe(false);
    expect(covers(`white pepper ${'x '.repeat(60)}`, 'white pepper')).toBe(false);
  });
});

describe('findTextRange and the mark-text message', () => {
  it('finds text across element boundaries and whitespace, and leaves the DOM alone', () => {
    document.body.innerHTML = '<p>US spokesman <b>Matt</b>\n   Miller told “reporters”</p><p>Next one.</p>';
    const before = document.body.innerHTML;
    const range = findTextRange(document.body, 'spokesman Matt Miller told "reporters"');
    expect(range?.toString().replace(/\s+/g, ' ')).toBe('spokesman Matt Miller told “reporters”');
    expect(findTextRange(document.body, 'Miller told reporters. Next')).toBeNull();
    // A spoiler of two sentences in two paragraphs: the paragraph break counts as the space between them.
    expect(findTextRange(document.body, 'Miller told "reporters" Next one.')?.toString()).toBe(
      'Miller told “reporters”Next one.',
    );
    expect(findTextRange(document.body, 'not on the page')).toBeNull();
    expect(findTextRange(document.body, '')).toBeNull();
    expect(document.body.innerHTML).toBe(before);
  });

  it('is part of the one protocol, validated', () => {
    expect(parseRequest({ type: 'mark-text', text: 'Saved you a click' })).toEqual({
      type: 'mark-text',
      text: 'Saved you a click',
    });
    expect(parseRequest({ type: 'mark-text', text: 7 })).toBeNull();
    expect(parseRequest({ type: 'mark-text', text: '' })).toBeNull();
  });
});
