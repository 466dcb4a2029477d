/**
 * What a clickbait headline withholds, read from its words: the kind of
 * answer it promises and the spoiler type that follows (SemEval-2023 Task 5:
 * `phrase`, `passage`, `multi`). Rules, not a model: each pattern names the
 * wording it stands for. English cues, with the commonest Spanish ones beside.
 */
import type { SpoilerType } from './index.ts';

/** What the answer should hold. */
export type AnswerKind = 'number' | 'person' | 'place' | 'time' | 'list' | 'reason' | 'way' | 'thing';

export interface QuestionInfo {
  kind: AnswerKind;
  type: SpoilerType;
  /** The list length a headline promises ("7 things" -> 7), else null. */
  count: number | null;
  /**
   * The headline could promise several things: a count ("7 things", "15 of the most..."), "these",
   * or a plural noun the rest describes ("The oven cleaning hacks that ...", "Habits you need to stop").
   * With numbered items in the article, that makes the answer a list (see findSpoiler).
   */
  plural: boolean;
}

const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
};

/** Plural nouns that make "N <noun>" a list headline ("7 reasons", "these 3 foods"). */
const LIST_NOUNS =
  /^(things|ways|reasons|tips|signs|facts|foods|places|steps|rules|secrets|mistakes|habits|tricks|ideas|lessons|questions|words|people|times|movies|films|books|songs|shows|photos|pictures|moments|celebrities|stars|countries|cities|states|jobs|products|apps|games|items|cosas|formas|razones|consejos|señales|claves|trucos|errores|lugares|pasos|datos)$/;
/** Words between the number and the noun ("7 simple things", "5 of the best ways"). */
/** Counted nouns that are measures, not list items ("10 years", "3 minutes"). */
const MEASURES =
  /^(years?|months?|weeks?|days?|hours?|minutes?|seconds?|miles?|feet|pounds?|dollars?|percent|times|kids|children|people|men|women|girls|boys|años|meses|días|horas|minutos|veces|personas)$/;
const FILLER =
  /^(of|the|most|best|worst|simple|easy|little|big|new|old|surprising|weird|strange|amazing|key|common|other|more|great|important|different|real|top|crucial|basic|good|bad|nice|fun|cool|awesome|beautiful|delicious|healthy|cute|funny|hidden|unexpected|genius|smart|crazy|tiny|major|biggest|things?|[a-z]+(?:est|ing|ly|ic|al|ful|ous))$/;

export function analyzeQuestion(post: string): QuestionInfo {
  const text = post.toLowerCase();
  const words = text.match(/[\p{L}\p{N}'’]+/gu) ?? [];
  return { ...questionOf(post, text, words), plural: pluralCue(text, words) };
}

/** Plural nouns a clause describes: "hacks that", "habits you", "foods which", "trucos que". */
const PLURAL_HEAD = /\b[a-záéíóúñ]{3,}[^s\W]s (that|which|you|we|to|everyone|nobody|que)\b/;

function pluralCue(text: string, words: string[]): boolean {
  if (/\b(these|those|estos|estas|esos|esas)\b/.test(text) || PLURAL_HEAD.test(text)) return true;
  return words.some((word) => {
    const value = /^\d{1,2}$/.test(word) ? Number(word) : NUMBER_WORDS[word];
    return value !== undefined && value >= 2;
  });
}

function questionOf(post: string, text: string, words: string[]): Omit<QuestionInfo, 'plural'> {
  const count = listCount(words, text);
  // A list: "N things", "these N", "the things you should never do".
  if (count !== null) return { kind: 'list', type: 'multi', count };
  if (/\b(these|those|the) (things|ways|reasons|tips|signs|foods|places|habits|mistakes)\b/.test(text)) {
    return { kind: 'list', type: 'multi', count: null };
  }
  // Reasons and ways take a passage to tell: "why ...", "how to ...", "what happens when", "here's what".
  if (/\b(why|por qué|porque)\b/.test(text) || /\b(reason|truth|answer|razón)\b/.test(text)) {
    return { kind: 'reason', type: 'passage', count: null };
  }
  if (/\bhow (many|much|old|long|far|often|big|tall|fast|high)\b|\bcuánt[oa]s?\b/.test(text)) {
    return { kind: 'number', type: 'phrase', count: null };
  }
  // A yes/no question ("Do trees sleep?", "Is North Korea behind ...?") is answered by a passage.
  if (/^(do|does|did|is|are|was|were|can|could|will|would|should|has|have)\b[^?]*\?/.test(text.trim())) {
    return { kind: 'reason', type: 'passage', count: null };
  }
  if (/\bwhat (\w+ )?(does|did|do) next\b|\bwhat happens next\b|\bthen (this|everything) happen/.test(text)) {
    return { kind: 'way', type: 'passage', count: null };
  }
  // What someone said or thinks is told by a passage, often a quote: the 'thing' kind rewards quotes.
  if (/\bwhat (\S+ ){1,3}(said|says|thinks?|feels? like|told|wrote)\b/.test(text)) {
    return { kind: 'thing', type: 'passage', count: null };
  }
  // "How" opening the headline or a clause after a colon ("How free DLC turned...", "...: How he wrote
  // the song") tells a way, whatever word follows (the number questions above took "how many" and the like).
  if (
    /\bhow (to|you|your|we|they|i|this|these|he|she|it|the|a|one|people|donald|trump)\b|\bcómo\b/.test(text) ||
    /(^|[:.!?] )how \S/.test(text) ||
    /\bwhat (happens|happened|happen|will happen|would happen)\b|\bqué (pasa|pasó|ocurre)\b/.test(text) ||
    /\bhere'?s? (what|how|why)\b|\bthis is (what|how|why)\b/.test(text)
  ) {
    return { kind: 'way', type: 'passage', count: null };
  }
  if (
    /\bwho\b|\bthis (man|woman|guy|girl|boy|person|actor|actress|star|singer|celebrity|player|politician|ceo)\b|\bquién\b/.test(
      text,
    )
  ) {
    return { kind: 'person', type: 'phrase', count: null };
  }
  if (/\bwhere\b|\bthis (country|city|state|place|town|island|country's)\b|\bdónde\b/.test(text)) {
    return { kind: 'place', type: 'phrase', count: null };
  }
  if (/\bwhen\b|\bwhat (time|year|day|age)\b|\bcuándo\b/.test(text) || /\b(how old|what age)\b/.test(text)) {
    return /\bage\b/.test(text)
      ? { kind: 'number', type: 'phrase', count: null }
      : { kind: 'time', type: 'phrase', count: null };
  }
  if (/\b(number|amount|price|cost|percentage|salary)\b/.test(text)) {
    return { kind: 'number', type: 'phrase', count: null };
  }
  // A long post that tells a story or quotes someone withholds a passage; so does a question the
  // rules above did not place, and a post that opens on a name to report what someone said or did
  // ("Paul Ryan: Trump will have the funding", unless it teases "this" or "these"). A short tease, a phrase.
  const trimmed = post.trim();
  if (/^["“]/.test(trimmed) || words.length > 18 || /\?/.test(trimmed)) {
    return { kind: 'thing', type: 'passage', count: null };
  }
  if (
    /^\p{Lu}[\p{L}.'’-]+ \p{Lu}[\p{L}.'’-]+/u.test(trimmed) &&
    !titleCase(trimmed) &&
    !/\b(this|these)\b/.test(text)
  ) {
    return { kind: 'thing', type: 'passage', count: null };
  }
  return { kind: 'thing', type: 'phrase', count: null };
}

/** Most longer words capitalised: a Title Case headline, where a capital says nothing about names. */
function titleCase(text: string): boolean {
  const long = (text.match(/\p{L}[\p{L}'’]*/gu) ?? []).filter((word) => word.length > 3);
  return long.length > 0 && long.filter((word) => /^\p{Lu}/u.test(word)).length / long.length > 0.8;
}

/** Words that end the noun phrase after a number: a verb or a preposition means the count is not of items. */
const PHRASE_END =
  /^(is|are|was|were|be|been|has|have|had|will|would|can|could|to|in|on|at|for|with|and|or|that|who|which|from|by|as|after|before|than|ago|old|later|per|a|an)$/;
/** Nouns of people, counted in lists too ("15 powerful women"), but only when the count opens the headline. */
const PEOPLE = /^(people|men|women|kids|children|girls|boys|personas)$/;

/**
 * "7 things", "these three foods", "5 of the best ways", "41 incredible museums", "15 LGBTQ
 * celebrities": the promised count, else null. The plural noun must come within five words of the
 * number, before any verb or preposition; measures ("10 years", "3 minutes") are not items, nor is a
 * number in a compound ("four-letter word", "10-year-old").
 */
function listCount(words: string[], text: string): number | null {
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as string;
    const value = /^\d{1,2}$/.test(word) ? Number(word) : NUMBER_WORDS[word];
    if (value === undefined || value < 2 || value > 50) continue;
    if (new RegExp(`(^|[^\\p{L}\\p{N}])${word}-\\p{L}`, 'u').test(text)) continue;
    const opens = index === 0 || (index <= 3 && /^(these|the|here|are|top)$/.test(words[index - 1] as string));
    for (let ahead = index + 1; ahead < Math.min(words.length, index + 6); ahead++) {
      const next = words[ahead] as string;
      if (LIST_NOUNS.test(next)) return value;
      if (PEOPLE.test(next)) {
        if (opens) return value;
        break;
      }
      if (MEASURES.test(next)) break;
      // Any other plural noun after the number ("8 classic ingredients", "10 professions").
      if (/^[a-záéíóúñ]{3,}s$/.test(next) && !/(ss|us|is)$/.test(next)) return value;
      if (PHRASE_END.test(next)) break;
      if (!opens && !FILLER.test(next)) break;
    }
  }
  return null;
}
