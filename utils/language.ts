/**
 * A small stop-word language guess, for pages that do not declare their
 * language. It only needs to tell the languages our phrase patterns and reading
 * rates cover; anything else comes back as "".
 */
import { baseLanguage } from './text.ts';

const STOP_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'was', 'for', 'with', 'have', 'are', 'this', 'from'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'ein', 'eine', 'mit', 'auf', 'sich', 'auch', 'wird'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'dans', 'pour', 'que', 'qui', 'pas', 'sur'],
  es: ['el', 'la', 'los', 'las', 'y', 'que', 'del', 'una', 'por', 'para', 'con', 'es', 'se'],
  it: ['il', 'che', 'di', 'della', 'per', 'una', 'sono', 'non', 'gli', 'con', 'anche', 'nel', 'è'],
  pt: ['o', 'que', 'não', 'uma', 'os', 'para', 'com', 'mais', 'dos', 'das', 'foi', 'pelo', 'ao'],
  nl: ['de', 'het', 'een', 'van', 'en', 'niet', 'dat', 'zijn', 'voor', 'met', 'ook', 'wordt', 'maar'],
  pl: ['i', 'w', 'nie', 'się', 'na', 'jest', 'że', 'do', 'to', 'z', 'jak', 'przez', 'oraz'],
};
const LOOKUP = new Map<string, Map<string, number>>();
for (const [lang, words] of Object.entries(STOP_WORDS)) {
  for (const word of words) {
    const entry = LOOKUP.get(word) ?? new Map<string, number>();
    entry.set(lang, 1);
    LOOKUP.set(word, entry);
  }
}

/** Scripts that (nearly) name their language; Han alone is Chinese, Han with kana is Japanese. */
const SCRIPTS: [RegExp, string][] = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Hangul}/gu, 'ko'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
];

/** The language a non-Latin script gives away, when most letters are in it. */
function scriptLanguage(sample: string): string {
  // Every script below lies past U+0400: without such characters there is nothing to count.
  if (!/[\u0400-\uffff]/.test(sample)) return '';
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 20) return '';
  const kana = sample.match(SCRIPTS[0]?.[0] as RegExp)?.length ?? 0;
  for (const [pattern, lang] of SCRIPTS) {
    const count = sample.match(pattern)?.length ?? 0;
    // Japanese mixes kana with Han: a little kana is enough.
    if (lang === 'ja' ? count / letters <= 0.1 : count / letters <= 0.4) continue;
    if (lang === 'zh' && kana > 0) return 'ja';
    // Ukrainian has letters Russian lacks; other Cyrillic languages pass for Russian here.
    if (lang === 'ru' && /[іїєґ]/iu.test(sample)) return 'uk';
    return lang;
  }
  return '';
}

export function guessLanguage(text: string): string {
  const byScript = scriptLanguage(text.slice(0, 5000));
  if (byScript) return byScript;
  const counts = new Map<string, number>();
  let seen = 0;
  // match() rather than matchAll(): the same words, without an iterator and a match object for each.
  for (const word of text
    .slice(0, 5000)
    .toLowerCase()
    .match(/\p{L}+/gu) ?? []) {
    seen++;
    const langs = LOOKUP.get(word);
    if (!langs) continue;
    for (const lang of langs.keys()) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  let best = '';
  let bestCount = 0;
  for (const [lang, count] of counts) {
    if (count > bestCount) [best, bestCount] = [lang, count];
  }
  // Too few stop words to say anything (short text, or another language).
  return bestCount >= 3 && bestCount / Math.max(seen, 1) > 0.08 ? best : '';
}

/** Declared language first, then a guess from the text. */
export function pageLanguage(declared: string | null | undefined, text: string): string {
  return baseLanguage(declared) || guessLanguage(text);
}
