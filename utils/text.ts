/** Text helpers shared by extraction, detectors and the summary. */

export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Numbers keep their separators ("3.5", "1,000", "10:30" are one word each).
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}'’_-]|(?<=\p{N})[.,:](?=\p{N}))*/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const HAS_CJK = new RegExp(CJK.source, 'u');

/** Words for space-separated scripts; characters for CJK, which has no spaces. */
export function countWords(text: string): number {
  const cjk = HAS_CJK.test(text) ? (text.match(CJK)?.length ?? 0) : 0;
  const words = (cjk > 0 ? text.replace(CJK, ' ') : text).match(WORD)?.length ?? 0;
  return words + cjk;
}

/**
 * Silent reading rates in words per minute (characters for zh/ja/ko), from
 * Trauzettel-Klosinski & Dietz (2012), "Standardized assessment of reading
 * performance: the new IReST", the usual source for per-language rates.
 */
const READING_RATE: Record<string, number> = {
  ar: 138,
  de: 179,
  en: 228,
  es: 218,
  fi: 161,
  fr: 195,
  he: 187,
  it: 188,
  ja: 357,
  ko: 300,
  nl: 202,
  pl: 166,
  pt: 181,
  ru: 184,
  sl: 180,
  sv: 199,
  tr: 166,
  zh: 255,
};
const DEFAULT_RATE = 200;

export function readingMinutes(wordCount: number, lang: string | null): number {
  const rate = READING_RATE[baseLanguage(lang)] ?? DEFAULT_RATE;
  return wordCount === 0 ? 0 : Math.max(1, Math.round(wordCount / rate));
}

/** "en-GB" -> "en"; unknown -> "". */
export function baseLanguage(lang: string | null | undefined): string {
  return (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** The words of space-separated lists. Call it as pure, so bundles that never read the set drop the lists. */
export function wordSet(...lists: string[]): Set<string> {
  return new Set(lists.join(' ').split(' '));
}
