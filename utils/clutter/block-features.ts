/**
 * Shallow features of one link-bearing block, for the learned block classifier
 * (block-model.ts). Everything comes from the counts the block index already holds
 * (one bottom-up walk of the live DOM), the block's place relative to the article
 * root, its neighbours, its class/id tokens and its heading; phrase hits are
 * features here, never verdicts. Training (scripts/train/blocks.ts) and scoring
 * share this one function, so the model sees in the page what it saw in training.
 */
import type { DetectionContext } from '../detectors.ts';
import { attributeTokens, type BlockIndex, blockHeading, wordCount } from './blocks.ts';
import { MOST_READ_HEADING, NEXT_ARTICLE, READ_MORE_LEAD, RELATED_HEADING } from './phrases.ts';

/** Where a block sits relative to the article Readability found. */
export type Position = 'before' | 'inside' | 'after' | 'around' | 'none';

export const FEATURE_NAMES = [
  'logText',
  'logLinkText',
  'linkDensity',
  'logLinks',
  'logCharsPerLink',
  'logLinkCharsPerLink',
  'logOtherCharsPerLink',
  'headlineLinkShare',
  'siteHeadlineShare',
  'logHeadlineLinks',
  'logWordsPerSentence',
  'itemsPerLink',
  'list',
  'item',
  'paragraph',
  'division',
  'table',
  'heading',
  'landmark',
  'inline',
  'inside',
  'before',
  'after',
  'noArticle',
  'keptShare',
  'articleShare',
  'depth',
  'logParagraphs',
  'formFields',
  'relatedToken',
  'chromeToken',
  'socialToken',
  'relatedHeading',
  'mostReadHeading',
  'readMoreLead',
  'nextArticle',
  'dates',
  'endsSentence',
  'parentDensity',
  'previousDensity',
  'nextDensity',
  'sameTagNeighbour',
  'insideDense',
  'afterDense',
  'keptDense',
  'keptHeadlines',
  'keptItem',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Facts behind the features that the reasons quote. */
export interface BlockFacts {
  links: number;
  headlineLinks: number;
  /** Headline-like links that stay on the page's own site. */
  siteHeadlineLinks: number;
  density: number;
  position: Position;
  heading: string;
  relatedHeading: boolean;
  mostRead: boolean;
  next: boolean;
  readMore: boolean;
  relatedToken: boolean;
  /** The page marks the block (or a near ancestor) as navigation, header or footer. */
  chrome: boolean;
  /** Mean characters of link text per link. */
  linkCharsPerLink: number;
}

const RELATED_TOKEN =
  /^(related|recommended|recommendations?|more|popular|teasers?|recirculation|trending|also|most|headlines|stories|latest|morestories|taboola|outbrain|read|next|prev|previous)$/;
const CHROME_TOKEN =
  /^(nav|navigation|menu|menus|footer|header|breadcrumbs?|masthead|toolbar|tabs|pagination|sitemap)$/;
const SOCIAL_TOKEN = /^(share|sharing|social|comments?|tags?|keywords|topics)$/;
const DATE = /(?<![\p{L}\p{N}])(?:(?:19|20)\d\d|\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?|\d{1,2}:\d\d)(?![\p{N}])/gu;
const SENTENCE_END = /[.!?](?=\s|$)/g;
const ENDS_SENTENCE = /[.!?]["'”»)]?$/u;
const LIST_TAGS = new Set(['UL', 'OL', 'DL']);
const ITEM_TAGS = new Set(['LI', 'DD', 'DT']);
const DIVISION_TAGS = new Set(['DIV', 'SECTION', 'ARTICLE', 'CENTER', 'BLOCKQUOTE', 'FIGURE', 'FORM']);
const TABLE_TAGS = new Set(['TABLE', 'TBODY', 'TR', 'TD', 'TH']);
const LANDMARK_TAGS = new Set(['ASIDE', 'NAV', 'FOOTER', 'HEADER']);
const INLINE_TAGS = new Set(['A', 'SPAN', 'EM', 'I', 'STRONG', 'B', 'SMALL', 'FONT']);

export function blockPosition(context: DetectionContext, element: Element): Position {
  const root = context.articleRoot;
  if (!root) return 'none';
  if (root === element || root.contains(element)) return 'inside';
  if (element.contains(root)) return 'around';
  return root.compareDocumentPosition(element) & 4 ? 'after' : 'before';
}

function density(index: BlockIndex, element: Element | null): number {
  return element ? index.linkDensity(element) : 0;
}

/** The nearest sibling with text, in the given direction (at most a few steps). */
function neighbour(index: BlockIndex, element: Element, step: 'previousElementSibling' | 'nextElementSibling') {
  let current = element[step];
  for (let steps = 0; current && steps < 3; steps++, current = current[step]) {
    if (index.get(current).text > 0) return current;
  }
  return null;
}

/** Bits of tokenBits: the class/id token kinds the features read. */
const RELATED_BIT = 1;
const CHROME_BIT = 2;
const SOCIAL_BIT = 4;
/** The token kinds of one element's tokens, keyed by attributeTokens' cached array (same attribute text, same array). */
const tokenKinds = new WeakMap<readonly string[], number>();

/** The kinds among an element's class/id tokens: related, else chrome, else social, per token. */
function tokenBits(element: Element): number {
  const tokens = attributeTokens(element);
  if (tokens.length === 0) return 0;
  let bits = tokenKinds.get(tokens);
  if (bits === undefined) {
    bits = 0;
    for (const token of tokens) {
      if (RELATED_TOKEN.test(token)) bits |= RELATED_BIT;
      else if (CHROME_TOKEN.test(token)) bits |= CHROME_BIT;
      else if (SOCIAL_TOKEN.test(token)) bits |= SOCIAL_BIT;
    }
    tokenKinds.set(tokens, bits);
  }
  return bits;
}

/** The facts the verdict reads plus the other cheap facts the features need (no counting over the text). */
export interface BlockLook {
  facts: BlockFacts;
  chromeToken: boolean;
  socialToken: boolean;
  /** Ancestors above the block, counted up to 40. */
  depth: number;
}

/**
 * The block's facts, without the features that read its whole text (words, sentences,
 * dates) or its neighbours: enough for isRelated, so a block no verdict can follow
 * from is never counted over.
 */
export function blockLook(index: BlockIndex, context: DetectionContext, element: Element): BlockLook {
  const stats = index.get(element);
  const tag = index.tagOf(element);
  const links = Math.max(1, stats.links);
  const position = blockPosition(context, element);
  const heading = blockHeading(index, element);
  const relatedHeading = !!heading && RELATED_HEADING.test(heading);
  const mostRead = !!heading && MOST_READ_HEADING.test(heading);
  const text = index.text(element);
  // Anchored at the start (and without the g flag): a match always sits at index 0.
  const readMore = READ_MORE_LEAD.test(text.slice(0, 60));
  const next = stats.text <= 400 && NEXT_ARTICLE.test(text);
  let bits = 0;
  let depth = 0;
  // Tokens of the block and its two nearest ancestors; depth counted up to 40.
  for (let current: Element | null = element; current; current = current.parentElement, depth++) {
    if (depth < 3) bits |= tokenBits(current);
    if (depth >= 40) break;
  }
  const chromeToken = (bits & CHROME_BIT) !== 0;
  return {
    facts: {
      links: stats.links,
      headlineLinks: stats.headlineLinks,
      siteHeadlineLinks: stats.siteHeadlineLinks,
      density: stats.text === 0 ? 0 : stats.linkText / stats.text,
      position,
      heading,
      relatedHeading,
      mostRead,
      next,
      readMore,
      relatedToken: (bits & RELATED_BIT) !== 0,
      chrome: chromeToken || LANDMARK_TAGS.has(tag),
      linkCharsPerLink: stats.linkText / links,
    },
    chromeToken,
    socialToken: (bits & SOCIAL_BIT) !== 0,
    depth,
  };
}

/** Matches of a global pattern in the text, counted up to `cap` (for a feature that saturates there). */
function countUpTo(pattern: RegExp, text: string, cap = Number.POSITIVE_INFINITY): number {
  pattern.lastIndex = 0;
  let found = 0;
  while (found < cap && pattern.exec(text)) found++;
  return found;
}

/** The feature vector (in FEATURE_NAMES order) and the facts behind it (look: blockLook's, when already made). */
export function blockFeatures(
  index: BlockIndex,
  context: DetectionContext,
  element: Element,
  look: BlockLook = blockLook(index, context, element),
): { values: Float64Array; facts: BlockFacts } {
  const { facts, chromeToken, socialToken, depth } = look;
  const { position, relatedHeading, mostRead, readMore, next, relatedToken } = facts;
  const stats = index.get(element);
  const tag = index.tagOf(element);
  const text = index.text(element);
  const links = Math.max(1, stats.links);
  const linkDensity = facts.density;
  const words = wordCount(text);
  const sentences = countUpTo(SENTENCE_END, text) + 1;
  const previous = neighbour(index, element, 'previousElementSibling');
  const following = neighbour(index, element, 'nextElementSibling');
  const inside = position === 'inside' ? 1 : 0;
  const after = position === 'after' ? 1 : 0;
  const values = new Float64Array(FEATURE_NAMES.length);
  let at = 0;
  const push = (value: number) => {
    values[at++] = value;
  };
  push(Math.log1p(stats.text));
  push(Math.log1p(stats.linkText));
  push(linkDensity);
  push(Math.log1p(stats.links));
  push(Math.log1p(stats.text / links));
  push(Math.log1p(stats.linkText / links));
  push(Math.log1p((stats.text - stats.linkText) / links));
  push(stats.headlineLinks / links);
  push(stats.headlineLinks === 0 ? 0 : stats.siteHeadlineLinks / stats.headlineLinks);
  push(Math.log1p(stats.headlineLinks));
  push(Math.log1p(words / sentences));
  push(Math.min(3, stats.items / links));
  push(LIST_TAGS.has(tag) ? 1 : 0);
  push(ITEM_TAGS.has(tag) ? 1 : 0);
  push(tag === 'P' ? 1 : 0);
  push(DIVISION_TAGS.has(tag) ? 1 : 0);
  push(TABLE_TAGS.has(tag) ? 1 : 0);
  push(/^H[1-6]$/.test(tag) ? 1 : 0);
  push(LANDMARK_TAGS.has(tag) ? 1 : 0);
  push(INLINE_TAGS.has(tag) ? 1 : 0);
  push(inside);
  push(position === 'before' ? 1 : 0);
  push(after);
  push(position === 'none' ? 1 : 0);
  push(stats.text === 0 ? 0 : stats.articleText / stats.text);
  push(index.articleShare(element));
  push(Math.min(depth, 40) / 40);
  push(Math.log1p(stats.paragraphs));
  push(stats.inputs + stats.buttons + stats.forms > 0 ? 1 : 0);
  push(relatedToken ? 1 : 0);
  push(chromeToken ? 1 : 0);
  push(socialToken ? 1 : 0);
  push(relatedHeading ? 1 : 0);
  push(mostRead ? 1 : 0);
  push(readMore ? 1 : 0);
  push(next ? 1 : 0);
  // min(1, dates / links): counting stops at `links` dates, where the feature saturates.
  push(Math.min(1, countUpTo(DATE, text, links) / links));
  // Anchored at the end, so the last two characters decide (the regex alone would scan the whole text).
  push(ENDS_SENTENCE.test(text.slice(-2)) ? 1 : 0);
  push(density(index, element.parentElement));
  push(density(index, previous));
  push(density(index, following));
  push((previous && index.tagOf(previous) === tag) || (following && index.tagOf(following) === tag) ? 1 : 0);
  push(inside * linkDensity);
  push(after * linkDensity);
  const kept = stats.text === 0 ? 0 : stats.articleText / stats.text;
  push(kept * linkDensity);
  push((kept * stats.headlineLinks) / links);
  push(kept * (ITEM_TAGS.has(tag) || LIST_TAGS.has(tag) ? 1 : 0));
  return { values, facts };
}
