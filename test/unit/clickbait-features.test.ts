import { describe, expect, it } from 'vitest';
import {
  type CueId,
  execAll,
  extractCues,
  ngrams,
  normalizeHeadline,
  tokenize,
} from '../../utils/clickbait/features.ts';

function cue(headline: string, id: CueId): string[] {
  return extractCues(headline).find((match) => match.id === id)?.matches ?? [];
}

describe('clickbait cue extractors', () => {
  it('finds listicle numbers but not casualty counts', () => {
    expect(cue('17 photos that prove cats run the country', 'listicle')).toEqual(['17 photos']);
    expect(cue('The 10 best beaches in Europe', 'listicle')).toHaveLength(1);
    expect(cue('Here are seven signs your boss likes you', 'listicle')).toHaveLength(1);
    expect(cue('3 killed as storm hits coast', 'listicle')).toEqual([]);
    expect(cue('Three men jailed for drug smuggling plot', 'listicle')).toEqual([]);
    expect(cue('29. Dealing with interrupts', 'listicle')).toEqual([]);
    expect(cue('Patients 18 times more likely to survive', 'listicle')).toEqual([]);
    expect(cue('26 Times Chris Pratt ruined men for you', 'listicle')).toEqual(['26 Times']);
    expect(cue('Council approves budget for 2024', 'listicle')).toEqual([]);
  });

  it('finds forward references but not time phrases', () => {
    expect(cue('Doctors are stunned by this one simple trick', 'forwardReference')).toEqual(['this one simple trick']);
    expect(cue("Here's why the pound fell", 'forwardReference')).toEqual(["Here's why"]);
    expect(cue('This is what happens when you stop eating sugar', 'forwardReference')).toContain('This is what');
    expect(cue('Mum left fuming after spotting this on her receipt', 'forwardReference')).toEqual(['spotting this']);
    expect(cue('Parliament to vote on the bill this week', 'forwardReference')).toEqual([]);
    expect(cue('These weeks in Firefox: issue 85', 'forwardReference')).toEqual([]);
    expect(cue('This year’s harvest is the smallest since 1990', 'forwardReference')).toEqual([]);
  });

  it('finds curiosity gaps', () => {
    expect(cue("You won't believe what she found", 'curiosityGap')).toEqual(["You won't believe", 'what she found']);
    expect(cue('The real reason the Queen never ate shellfish', 'curiosityGap')).toEqual(['The real reason']);
    expect(cue('Obama has a message for Trump supporters', 'curiosityGap')).toEqual(['has a message for']);
    expect(cue('Bank of England holds interest rates', 'curiosityGap')).toEqual([]);
  });

  it('finds teased outcomes, hurried wording, promised oddities and disclosures', () => {
    expect(cue('What would happen if the moon vanished tomorrow?', 'curiosityGap')).toEqual(['What would happen']);
    expect(cue('A fan mocked the striker online. His response is priceless', 'curiosityGap')).toEqual(['is priceless']);
    expect(cue("A goat climbed onto the town hall roof. But that's not the surprising part", 'curiosityGap')).toEqual([
      "But that's not the surprising part",
    ]);
    expect(cue('A supermarket worker just leaked the new loyalty card prices', 'hurried')).toEqual(['just leaked']);
    expect(cue('The sequel finally has a release date', 'hurried')).toEqual(['finally']);
    expect(cue('Minister says just 40% of trains ran on time', 'hurried')).toEqual([]);
    expect(cue('The most unexpected city that makes the best pizza', 'teasedOddity')).toEqual([
      'The most unexpected city',
    ]);
    expect(cue('Your phone battery dies early for a painfully simple reason', 'teasedOddity')).toEqual([
      'a painfully simple reason',
    ]);
    expect(cue('Police investigate unexplained deaths in Leeds', 'teasedOddity')).toEqual([]);
    expect(cue('Retired detective reveals who stole the crown jewels', 'revealVerb')).toEqual(['reveals']);
    expect(cue('Chancellor reveals budget plans', 'revealVerb')).toEqual([]);
    expect(cue('The one word NO landlord wants to hear', 'emphasis')).toEqual(['NO']);
    expect(cue('The one word NO landlord wants to hear', 'allCaps')).toEqual([]);
  });

  it('finds kept disclosures, conditions, shouted emphasis and hashtags', () => {
    expect(cue("The sequel's new title revealed", 'keptDisclosure')).toEqual(['revealed']);
    expect(cue('Mayor reveals her favourite pick for the cup final', 'keptDisclosure')).toEqual([
      'reveals her favourite pick',
    ]);
    expect(cue('Chancellor reveals budget for schools', 'keptDisclosure')).toEqual([]);
    expect(cue('Studio will make the sequel on one condition', 'curiosityGap')).toEqual(['on one condition']);
    expect(cue('Hiker learns the hard way not to feed the gulls', 'curiosityGap')).toEqual(['learns the hard way']);
    expect(cue('Sailor waves at the crowd. When he looks closer, he gasps', 'curiosityGap')).toEqual([
      'When he looks closer',
    ]);
    expect(cue('The lift test will stun you', 'emotionalReaction')).toEqual(['will stun you']);
    expect(cue('Goalkeeper has a perfect response for his critics', 'withheldThing')).toEqual(['a perfect response']);
    expect(cue('Singer loses weight with ONE breakfast swap', 'emphasis')).toEqual(['ONE']);
    expect(cue('STORM WARNING FOR THE COAST TODAY', 'emphasis')).toEqual([]);
    expect(cue('#Viral puppy learns to skateboard', 'hashtag')).toEqual(['#Viral']);
    expect(cue('Issue #42 of the parish newsletter', 'hashtag')).toEqual([]);
  });

  it('finds the reader addressed in the second person', () => {
    expect(cue('Signs you might be short of vitamin D', 'secondPerson')).toEqual(['you']);
    expect(cue('Warning to anyone who eats this food', 'secondPerson')).toEqual(['anyone who']);
    expect(cue('Youth unemployment falls in Spain', 'secondPerson')).toEqual([]);
  });

  it('finds questions', () => {
    expect(cue('Can you spot the cat in this picture?', 'question')).toHaveLength(1);
    expect(cue('Which Disney princess are you', 'question')).toEqual([]);
    expect(cue('Which Disney princess are you?', 'question')).toHaveLength(1);
  });

  it('separates fear of catastrophe from shock and fury framing', () => {
    const seed = 'WW3 fears as Russia claims US weapons were used in shock attack on their soil';
    expect(cue(seed, 'doom')).toEqual(['WW3 fears']);
    expect(cue(seed, 'sensational')).toEqual(['shock attack']);
    expect(cue(seed, 'reactionLead')).toEqual(['WW3 fears as']);
    expect(cue('Fury as council slaps fine on pensioner', 'sensational')).toEqual(['Fury', 'slaps']);
    // Newswire uses "blasts" for explosions and "feared dead" for casualties.
    expect(cue('Bomb blasts kill several in Iran', 'sensational')).toEqual([]);
    expect(cue('Fifty feared dead after boat capsizes', 'sensational')).toEqual([]);
    expect(cue('Fifty feared dead after boat capsizes', 'doom')).toEqual([]);
    expect(cue('Recession fears weigh on global stocks', 'doom')).toEqual([]);
    expect(cue('Nuclear war fears as missile test goes ahead', 'doom')).toEqual(['Nuclear war fears']);
    expect(cue('Iraq shock Australia to win Asian Cup', 'sensational')).toEqual(['shock Australia']);
  });

  it('finds emotional reactions and vague subjects', () => {
    expect(cue('Woman’s garden discovery leaves neighbours baffled', 'emotionalReaction')).toEqual([
      'leaves neighbours baffled',
    ]);
    expect(cue('People are freaking out over this illusion', 'vagueSubject')).toEqual(['People are']);
    expect(cue('This man tried to sell his house on Twitter', 'vagueSubject')).toEqual(['This man']);
    expect(cue('Police name man charged over stabbing', 'vagueSubject')).toEqual([]);
  });

  it('finds scare quotes, including words with apostrophes, but not quoted speech', () => {
    expect(cue('Wagner mercenary ‘doesn’t regret’ grenade execution', 'scareQuotes')).toEqual(["doesn't regret"]);
    expect(cue("Putin was waiting for Trump's 'wink'", 'scareQuotes')).toEqual(['wink']);
    expect(cue('Minister: "We will not raise taxes on working people this year or next"', 'scareQuotes')).toEqual([]);
    expect(cue("Labour's plan for Britain's railways", 'scareQuotes')).toEqual([]);
    // Titles of works are quoted, not scare-quoted.
    expect(cue("Kit Harington premieres 'Game of Thrones Season 5' in London", 'scareQuotes')).toEqual([]);
  });

  it('finds shouting in capitals, but not acronyms or all-caps typography', () => {
    expect(cue('You will NEVER guess who turned up', 'emphasis')).toEqual(['NEVER']);
    expect(cue('You will NEVER guess who turned up', 'allCaps')).toEqual([]);
    expect(cue('NATO leaders meet in Vilnius', 'allCaps')).toEqual([]);
    expect(cue('NATO LEADERS MEET IN VILNIUS', 'allCaps')).toEqual([]);
  });

  it('finds exclamation marks and teaser-style title case', () => {
    expect(cue('What a save!', 'exclamation')).toEqual(['!']);
    expect(cue('Sid The Beagle Is Running For Mayor', 'titleCase')).toEqual(['The']);
    expect(cue('Supreme Court Hears Arguments in Voting Rights Case', 'titleCase')).toEqual([]);
  });

  it('finds headlines that break off before the point', () => {
    expect(cue('And the best city for newlyweds is...', 'cliffhanger')).toEqual(['And the best', 'is...']);
    expect(cue('How this 27-year-old made $1 million last year:', 'cliffhanger')).toEqual(['year:']);
    expect(cue('Spokane: council approves budget', 'cliffhanger')).toEqual([]);
    expect(cue('Markets fall as oil climbs', 'cliffhanger')).toEqual([]);
  });

  it('finds people named only by a description', () => {
    expect(cue("Popular country singer's tour bus strikes pedestrian", 'unnamedSubject')).toEqual([
      "Popular country singer's",
    ]);
    expect(cue('"Mad Men" star took 10 years to make this movie', 'unnamedSubject')).toEqual(['"Mad Men" star']);
    expect(cue('He carried the flag the entire race.', 'unnamedSubject')).toEqual(['He carried']);
    expect(cue('He said the vote would go ahead', 'unnamedSubject')).toEqual([]);
    expect(cue('Pop star Adele cancels tour', 'unnamedSubject')).toEqual([]);
    expect(cue('Former "Full House" star is now a go-go dancer', 'unnamedSubject')).toEqual([
      'Former "Full House" star',
    ]);
  });

  it('finds guessing games and teased secrets', () => {
    expect(cue('Guess who Obama just dined with in Vietnam', 'curiosityGap')).toEqual(['Guess who']);
    expect(cue("President won't end his vacation for one specific reason", 'curiosityGap')).toEqual([
      'for one specific reason',
    ]);
    expect(cue("There's a £20,000 house up for sale but there's a catch", 'curiosityGap')).toEqual([
      "but there's a catch",
    ]);
    expect(cue('Council keeps budget secret from auditors', 'curiosityGap')).toEqual([]);
  });

  it('finds a kind of thing evaluated but not named', () => {
    expect(cue('Boeing is making a major change to its planes', 'withheldThing')).toEqual(['a major change']);
    expect(cue('The crazy cooking hack that halves the calories in rice', 'withheldThing')).toEqual([
      'The crazy cooking hack',
    ]);
    expect(cue('A new plan to help modify second mortgages', 'withheldThing')).toEqual([]);
  });

  it('finds yes-or-no questions, with or without the question mark', () => {
    expect(cue('Is North Korea Behind Bank Heists?', 'yesNoQuestion')).toHaveLength(1);
    expect(cue('Does Sean Bean Really Die More Than Other Actors', 'yesNoQuestion')).toHaveLength(1);
    expect(cue('Is set to rise again, says central bank', 'yesNoQuestion')).toEqual([]);
    expect(cue('Israel strikes Gaza after rocket fire', 'yesNoQuestion')).toEqual([]);
  });

  it('finds a speaking-voice opener, but not a ranking or an ordinary first word', () => {
    expect(cue('So, is the office really dead?', 'conversationalOpener')).toEqual(['So,']);
    expect(cue('Wait, the sequel is set where?', 'conversationalOpener')).toEqual(['Wait,']);
    expect(cue('Hmm?', 'conversationalOpener')).toEqual(['Hmm?']);
    expect(cue('No. 3 seed advances to the final', 'conversationalOpener')).toEqual([]);
    expect(cue('So far 20 towns have lost power', 'conversationalOpener')).toEqual([]);
    expect(cue('Well owners told to test water', 'conversationalOpener')).toEqual([]);
  });

  it('finds a round-up opened on the two ends of its range', () => {
    expect(cue('From kale to quinoa, how to shop for a week of lunches', 'roundupOpener')).toEqual([
      'From kale to quinoa,',
    ]);
    expect(cue('From Lisbon to Lima, ten markets worth the flight', 'roundupOpener')).toHaveLength(1);
    expect(cue('From today, trains to Leeds run hourly', 'roundupOpener')).toEqual([]);
    expect(cue('From Monday to Friday the bridge is closed', 'roundupOpener')).toEqual([]);
  });

  it('reads teaser wording written without apostrophes, truths behind things and reveals of who', () => {
    expect(cue('Heres why the ferry never left port', 'forwardReference')).toEqual(['Heres why']);
    expect(cue('Thats why the pitch was covered', 'forwardReference')).toEqual(['Thats why']);
    expect(cue('The surprising truth behind the vanishing bees', 'curiosityGap')).toEqual([
      'The surprising truth behind',
    ]);
    expect(cue('Retired detective reveals who stole the painting', 'curiosityGap')).toEqual(['reveals who']);
    expect(cue('Audit reveals costs overran', 'curiosityGap')).toEqual([]);
  });

  it('finds a lost mind, a withheld thing after a verb or opening the headline, and longer end pointers', () => {
    expect(cue('Driver loses his mind at the car wash', 'emotionalReaction')).toEqual(['loses his mind']);
    expect(cue('The coach finally lost it', 'emotionalReaction')).toEqual(['lost it']);
    expect(cue('Party lost its majority in the vote', 'emotionalReaction')).toEqual([]);
    expect(cue('Divers make gross discovery in the harbour', 'withheldThing')).toEqual(['make gross discovery']);
    expect(cue('Strange sign spotted on the motorway', 'withheldThing')).toEqual(['Strange sign']);
    expect(cue('Stadium has new roof for the season', 'withheldThing')).toEqual([]);
    expect(cue('The singer once dated this 1990s game show host', 'endPointer')).toEqual(['this 1990s game show host']);
    expect(cue('Rain expected on this coming bank holiday Monday', 'endPointer')).toEqual([]);
  });

  it('keeps the title-case cue for headlines that capitalise every word', () => {
    expect(cue('Rangers and Devils Split On the Road', 'titleCase')).toEqual([]);
    expect(cue('Coins found near The Old Mill', 'titleCase')).toEqual([]);
    expect(cue('This Dog Waited At The Station For His Owner', 'titleCase')).toEqual(['At']);
    expect(cue('Watch What Happens When A Cat Meets a Mirror', 'titleCase')).toEqual([]);
  });

  it('reads a time phrase after "this" as a time, not a pointer', () => {
    expect(cue('On this day, the first tram ran in the city', 'forwardReference')).toEqual([]);
    expect(cue('Polls close within this hour', 'forwardReference')).toEqual([]);
  });

  it('fires nothing on plain news', () => {
    expect(extractCues('Council approves new budget for road repairs in 2024')).toEqual([]);
    expect(extractCues('Heatwave warning issued for south-east as temperatures climb')).toEqual([]);
  });
});

describe('clickbait text features', () => {
  it('normalises quotes and spaces', () => {
    expect(normalizeHeadline('  ‘Wink’ “now”  –  here ')).toBe(`'Wink' "now" - here`);
  });

  it('lower-cases tokens and folds numbers', () => {
    expect(tokenize('17 Photos That Prove It’s True')).toEqual(['<num>', 'photos', 'that', 'prove', "it's", 'true']);
  });

  it('masks the words a sensational cue owns from the n-grams', () => {
    const headline = 'Shock attack on Moscow';
    const grams = ngrams(headline, extractCues(headline));
    expect(grams).toContain('moscow');
    expect(grams).toContain('on moscow');
    expect(grams).toContain('attack');
    expect(grams.some((gram) => gram.includes('shock'))).toBe(false);
  });
});

describe('quoted speech', () => {
  it('is not the headline addressing the reader', () => {
    expect(cue('Boris Johnson: "You can\'t have your cake and eat it"', 'secondPerson')).toEqual([]);
    expect(cue('You can now pay by phone on buses', 'secondPerson')).toEqual(['You']);
    expect(cue('How attacks on U.S. intelligence will haunt him', 'secondPerson')).toEqual([]);
    expect(cue('Songs that will make u cry', 'secondPerson')).toEqual(['u']);
  });

  it('keeps ratios apart from listicle counts in the n-grams', () => {
    expect(ngrams('Patients 18 times more likely to survive', [])).not.toContain('<num> times');
    expect(ngrams('18 Times Chris Pratt ruined men for you', [])).toContain('<num> times');
  });

  it('becomes one token for the n-grams', () => {
    const grams = ngrams('PM says "you will pay for this" to rivals', []);
    expect(grams).toContain('says <quote>');
    expect(grams).not.toContain('you');
  });
});

describe('house-style n-grams', () => {
  it('leaves out n-grams made only of articles, auxiliaries and prepositions', () => {
    const grams = ngrams('The mayor has been at the council', []);
    for (const gram of ['<s> the', 'the', 'has', 'has been', 'at the', 'been at', 'PM says "a b c"']) {
      expect(grams).not.toContain(gram);
    }
    expect(grams).toContain('the mayor');
    expect(grams).toContain('mayor has');
    expect(grams).toContain('council </s>');
  });
});

describe('execAll', () => {
  const cases: [RegExp, string][] = [
    [/\b\w+\b/g, 'Doctors are stunned by this one simple trick'],
    // Empty matches step by one character, by one code point under the u flag.
    [/x*/g, 'axxb'],
    [/(?:)/gu, 'a😀b'],
    [/(?:)/g, 'a😀b'],
    [/\p{L}+/gu, 'Él dijo: ¿qué pasó?'],
    [/(\d+)-(\d+)/g, '1-2, 30-40 and 5-'],
  ];
  it('returns what matchAll returns, groups and indices included', () => {
    for (const [pattern, text] of cases) {
      const ours = execAll(pattern, text).map((match) => [match.index, ...match]);
      const theirs = Array.from(text.matchAll(pattern), (match) => [match.index, ...match]);
      expect(ours).toEqual(theirs);
    }
  });
  it('starts at lastIndex and leaves it as it was, as matchAll does', () => {
    const pattern = /\d/g;
    pattern.lastIndex = 2;
    expect(execAll(pattern, '1234').map((match) => match[0])).toEqual(['3', '4']);
    expect(pattern.lastIndex).toBe(2);
  });
  it('refuses a pattern without the g flag', () => {
    expect(() => execAll(/a/, 'a')).toThrow(TypeError);
  });
});
