/**
 * The clickbait detector: scores a headline (scoreHeadline) and flags the
 * article's headline and teaser links on a page (clickbaitDetector).
 */

import { type BlockIndex, blockIndex } from '../clutter/blocks.ts';
import type { DetectedBlock, DetectionContext, Detector } from '../detectors.ts';
import { guessLanguage } from '../language.ts';
import type { HeadlineVerdict } from '../report.ts';
import { baseLanguage, normalizeSpace } from '../text.ts';
import modelJson from './model.json' with { type: 'json' };
import { type ClickbaitModels, loadModel, reasonsFor, type ScoredLanguage, scoreWith } from './model.ts';

// Parsed once per page (module load), then shared by every headline.
const MODELS = {
  en: loadModel((modelJson as ClickbaitModels).en, 'en'),
  es: loadModel((modelJson as ClickbaitModels).es, 'es'),
};
// Same as DEFAULT_CLICKBAIT_THRESHOLD in context.ts (a unit test keeps them equal); importing it
// would make a cycle analyze -> registry -> here -> analyze.
export const DEFAULT_THRESHOLD = 0.5;
// Spanish teasers are posts (text plus linked headline): a little longer than a headline.
const MAX_HEADLINE_CHARS = 400;

export interface ScoreOptions {
  threshold?: number;
  /** Language of the headline or its page; guessed from the text when absent. */
  lang?: string;
}

// Function words of languages we do not score: one is enough to doubt a short headline. Words
// that also occur in English headlines or names ("die", "per", "van", "Le Pen", "Los Angeles",
// "De Niro", "von der Leyen") are left out.
const FOREIGN_WORDS = new Set(
  (
    'das und ist nicht ein eine einen mit auf sich auch wird für dem vom zum zur nach bei über wie gegen ' +
    'sind wurde werden hat neue neuen neuer nur noch schon wegen ' +
    'les et est une dans pour que qui pas sur au aux avec cette ces sont été nouveau nouvelle selon après contre ne jamais toutes tous leur très ' +
    'del una por para como más según tras contra nuevo nueva muy pero sus fue está ' +
    'che della sono gli anche nel è dopo ' +
    'não uma com mais dos foi pelo ao após ' +
    'het een niet zijn voor ook wordt maar ' +
    'nie się jest że oraz przez'
  ).split(' '),
);
const ENGLISH_WORDS = new Set(
  (
    'the a an and of to in on for is are was were be with from by at as that this these it its ' +
    'you your he she they we his her their our has have had will would can could after over ' +
    'how why what who when new says said not no more than into about up out'
  ).split(' '),
);

/**
 * Whether a headline of unknown language may be English. Headlines are too
 * short for the stop-word guess, so this asks for Latin script and no more
 * foreign function words than English ones.
 */
export function mayBeEnglish(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return false;
  const latin = letters.filter((letter) => /\p{Script=Latin}/u.test(letter)).length;
  if (latin / letters.length < 0.8) return false;
  // Letters English does not use (ß, ñ, ą, ...), beyond the odd borrowed name.
  const accented = text.match(/[ßñãõąęłśźżőűäöüçèêàì]/giu)?.length ?? 0;
  let foreign = 0;
  let english = 0;
  for (const word of text.match(/\p{L}+/gu) ?? []) {
    // All-capitals words are acronyms ("MIT"), not function words.
    if (word.length > 1 && word === word.toUpperCase()) continue;
    const lower = word.toLowerCase();
    if (ENGLISH_WORDS.has(lower)) english++;
    else if (FOREIGN_WORDS.has(lower)) foreign++;
  }
  return foreign + (accented >= 2 ? 1 : 0) <= english;
}

const SPANISH_WORDS = new Set(
  (
    'el la los las del al un una unos unas y o que de en por para con sin como más según tras contra sobre ' +
    'entre nuevo nueva muy pero sus su fue es está están se les qué cómo cuál cuándo ' +
    'dónde quién porque este esta esto estos estas ese esa así ya también años hoy'
  ).split(' '),
);
// Words other Latin-script languages share with Spanish spelling rarely: one is enough to doubt.
const NOT_SPANISH_WORDS = new Set(
  'the and of is are you your das und ist nicht les et est une dans pour qui avec della sono não uma het een'.split(
    ' ',
  ),
);

/**
 * Whether a headline of unknown language reads as Spanish: Latin script,
 * Spanish punctuation or letters, or more Spanish function words than
 * English and other ones.
 */
export function mayBeSpanish(text: string): boolean {
  if (!mayBeLatin(text) || !/\p{L}/u.test(text)) return false;
  let spanish = /[¿¡ñ]/iu.test(text) ? 2 : 0;
  let other = 0;
  for (const word of text.match(/\p{L}+/gu) ?? []) {
    if (word.length > 1 && word === word.toUpperCase()) continue;
    const lower = word.toLowerCase();
    if (SPANISH_WORDS.has(lower)) spanish++;
    else if (NOT_SPANISH_WORDS.has(lower)) other++;
  }
  return spanish >= 2 && spanish > 2 * other;
}

/** The model a headline is scored by, or "other" when no model reads its language. */
export function headlineLanguage(text: string, lang?: string): ScoredLanguage | 'other' {
  const declared = baseLanguage(lang);
  if (declared === 'en' || declared === 'es') return mayBeLatin(text) ? declared : 'other';
  if (declared) return 'other';
  const guessed = guessLanguage(text);
  if (guessed === 'en' || guessed === 'es') return guessed;
  // Stop words shared with Spanish ("de", "que") can tip a short text to Dutch or Portuguese.
  if (mayBeSpanish(text)) return 'es';
  // Stop words shared with Polish ("i", "to", "do") can tip an English headline the other way:
  // English function words and none of another language's keep it English.
  if (guessed) return onlyEnglishWords(text) ? 'en' : 'other';
  return mayBeEnglish(text) ? 'en' : 'other';
}

/** At least two English function words, none of another language's, no letters English does not use. */
function onlyEnglishWords(text: string): boolean {
  if (!mayBeLatin(text) || /[ßñãõąęłśźżőűäöüçèêàì]/iu.test(text)) return false;
  let english = 0;
  for (const word of text.match(/\p{L}+/gu) ?? []) {
    const lower = word.toLowerCase();
    if (FOREIGN_WORDS.has(lower)) return false;
    if (ENGLISH_WORDS.has(lower)) english++;
  }
  return english >= 2;
}

function mayBeLatin(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.filter((letter) => /\p{Script=Latin}/u.test(letter)).length >= letters.length * 0.8;
}

export function scoreHeadline(text: string, options: ScoreOptions = {}): HeadlineVerdict {
  const headline = normalizeSpace(text);
  const language = headlineLanguage(headline, options.lang);
  if (language === 'other') {
    return { text: headline, score: null, clickbait: false, reasons: [], notScored: 'language' };
  }
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  // Headlines are short; a page's giant h1 is scored by its opening, which bounds the regex work.
  const scored = scoreWith(MODELS[language], headline.slice(0, MAX_HEADLINE_CHARS));
  const clickbait = scored.score >= threshold;
  return {
    text: headline,
    score: Math.round(scored.score * 1000) / 1000,
    clickbait,
    reasons: reasonsFor(scored, clickbait),
  };
}

const MAX_LINKS = 400;
const MIN_WORDS = 4;
const MAX_WORDS = 25;
const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
// Page chrome whose links are menus, not headlines. Checked by hand in an ancestor walk:
// an equivalent closest() selector costs more than all the scoring on a page.
const CHROME_TAGS = new Set(['nav', 'footer']);
const CHROME_ROLES = new Set(['navigation', 'contentinfo', 'menu', 'menubar']);
const CHROME_NAMES = /share|social|breadcrumb|pagination|cookie|consent/i;

function isChromeElement(element: Element): boolean {
  if (CHROME_TAGS.has(element.localName)) return true;
  const role = element.getAttribute('role');
  if (role && CHROME_ROLES.has(role)) return true;
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('aria-label') ?? ''}`;
  return names.length > 1 && CHROME_NAMES.test(names);
}

const SHARE_HREF =
  /^(?:mailto:|tel:|javascript:)|(?:facebook\.com\/sharer|twitter\.com\/intent|x\.com\/intent|linkedin\.com\/share|pinterest\.com\/pin|reddit\.com\/submit|wa\.me|whatsapp:)/i;
// Lower-case local names, so XHTML pages (lower-case tagName) read the same as HTML.
const BLOCKS = new Set([
  'li',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'article',
  'div',
  'section',
  'td',
  'dd',
  'figcaption',
]);

/** The nearest block around a link, to tell a teaser from a link inside running text. */
function blockOf(element: Element): Element {
  let block: Element = element;
  while (block.parentElement && !BLOCKS.has(block.localName)) block = block.parentElement;
  return block;
}

/** The page's links with an href, in document order: the block index's when it holds them all. */
function pageLinks(document: Document, index: BlockIndex | undefined): ArrayLike<Element> {
  if (index) {
    const links: Element[] = [];
    let named = 0;
    for (const element of index.anchors) {
      if (element.localName !== 'a') continue;
      named++;
      if (element.hasAttribute('href')) links.push(element);
    }
    // Links outside body (or under a prefixed name) are not in the index: then ask the document.
    if (named === document.getElementsByTagName('a').length) return links;
  }
  return document.querySelectorAll('a[href]');
}

/**
 * Link texts that read as headlines: 4-25 words, standing on their own, outside menus and share bars.
 * With the page's block index, the links and their texts come from it (one walk, texts cached and
 * shared with the clutter detectors); the cheap tests run first and the raw text is read last.
 */
export function teaserLinks(
  document: Document,
  skip: Element | null,
  index?: BlockIndex,
): { element: Element; text: string }[] {
  const found: { element: Element; text: string }[] = [];
  const links = pageLinks(document, index);
  const textOf = index
    ? (element: Element) => index.text(element)
    : (element: Element) => normalizeSpace(element.textContent ?? '');
  const limit = Math.min(links.length, MAX_LINKS);
  const inMenuChrome = new Map<Element, boolean>();
  // Memoised per element, iterative so that absurdly deep pages cannot overflow the stack.
  const insideChrome = (element: Element): boolean => {
    const path: Element[] = [];
    let inside = false;
    for (let node: Element | null = element; node; node = node.parentElement) {
      const known = inMenuChrome.get(node);
      if (known !== undefined) {
        inside = known;
        break;
      }
      path.push(node);
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const node = path[i] as Element;
      inside = inside || isChromeElement(node);
      inMenuChrome.set(node, inside);
    }
    return inside;
  };
  for (let i = 0; i < limit; i++) {
    const link = links[i] as Element;
    // A card link wraps its headline in a heading, next to a summary or a date: score the heading.
    const heading = link.firstElementChild ? link.querySelector(HEADINGS) : null;
    const source = heading ?? link;
    const text = textOf(source);
    // 4-25 words fit in 7-400 characters: no word split for the rest.
    if (text.length < 7 || text.length > 400) continue;
    const words = text.split(' ').length;
    if (words < MIN_WORDS || words > MAX_WORDS) continue;
    if (SHARE_HREF.test(link.getAttribute('href') ?? '')) continue;
    if (skip && (skip.contains(link) || link.contains(skip))) continue;
    if (insideChrome(link)) continue;
    // Most of its block's text: a list item or heading, not a phrase linked mid-sentence.
    if (!heading && text.length < textOf(blockOf(link)).length * 0.6) continue;
    // Length bounds on the raw text, whitespace included (markup indentation counts against a card).
    const raw = (source.textContent ?? '').length;
    if (raw < 8 || raw > 400) continue;
    found.push({ element: link, text });
  }
  return found;
}

function languageHint(context: DetectionContext): string | undefined {
  // context.lang falls back to "en"; only a declared or detected language is a hint.
  return context.article?.lang ?? (baseLanguage(context.document.documentElement?.lang) || undefined);
}

// The detector scores the page's headline already; the report's verdict reuses it (same text, threshold, language).
const headlineVerdicts = new WeakMap<DetectionContext, { text: string; verdict: HeadlineVerdict }>();

/** The headline verdict for a page, at the page's threshold and language. */
export function judgePageHeadline(text: string, context: DetectionContext): HeadlineVerdict {
  const known = headlineVerdicts.get(context);
  if (known && known.text === text) return { ...known.verdict, reasons: [...known.verdict.reasons] };
  return scoreHeadline(text, { threshold: context.options.clickbaitThreshold, lang: languageHint(context) });
}

export const clickbaitDetector: Detector = {
  name: 'clickbait',
  detect(context: DetectionContext): DetectedBlock[] {
    const threshold = context.options.clickbaitThreshold;
    const lang = languageHint(context);
    const blocks: DetectedBlock[] = [];
    const headline = context.headlineElement;
    if (headline) {
      const text = context.headlineText ?? headline.textContent ?? '';
      const verdict = scoreHeadline(text, { threshold, lang });
      headlineVerdicts.set(context, { text, verdict });
      if (verdict.clickbait && verdict.score !== null) {
        blocks.push({
          element: headline,
          kind: 'clickbait',
          category: 'headline',
          reasons: verdict.reasons,
          score: verdict.score,
        });
      }
    }
    const seen = new Map<string, HeadlineVerdict>();
    const headlineText = context.headlineText ?? '';
    for (const { element, text } of teaserLinks(context.document, headline, blockIndex(context))) {
      if (text === headlineText) continue;
      const verdict = seen.get(text) ?? scoreHeadline(text, { threshold, lang });
      seen.set(text, verdict);
      if (verdict.clickbait && verdict.score !== null) {
        blocks.push({ element, kind: 'clickbait', category: 'teaser', reasons: verdict.reasons, score: verdict.score });
      }
    }
    return blocks;
  },
};
