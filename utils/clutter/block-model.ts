/**
 * The learned block classifier: a logistic regression over the shallow block
 * features of block-features.ts, weights shipped as data (block-model.json,
 * written by `npm run train:blocks`). It answers "is this link-bearing block
 * clutter?"; what kind of clutter (related links or page chrome) and the reasons
 * shown come from the block's plain facts, so a reader sees why
 * ("12 links, 96 % link text, after the article").
 */
import type { DetectedBlock, DetectionContext, Detector } from '../detectors.ts';
import { type BlockFacts, blockFeatures, blockLook, blockPosition, FEATURE_NAMES } from './block-features.ts';
import MODEL from './block-model.json' with { type: 'json' };
import { finishRelated, isLinkItem, prevNextVerdict } from './block-runs.ts';
import { type TeaserList, teaserList } from './block-teasers.ts';
import { type BlockIndex, blockHeading, blockIndex } from './blocks.ts';
import { isBlockUnit, sameAsParent } from './boilerplate.ts';
import { MOST_READ_HEADING, NEXT_ARTICLE, READ_MORE_LEAD, RELATED_HEADING } from './phrases.ts';

export interface BlockModel {
  method: string;
  features: string[];
  /** Standardisation: (value - mean) / scale, then the weights. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** A block inside the extracted article at or above this probability is flagged (it costs article text). */
  threshold: number;
  /** The same for blocks outside the article, which leave the article text alone. */
  thresholdOutside: number;
}

const model = MODEL as BlockModel;

/** Characters above which a block must be at least 30 % link text to be judged. */
const LONG_BLOCK = 300;

/** Blocks the model judges: on a line of their own, with links, and not the article itself. */
export function isCandidate(index: BlockIndex, element: Element): boolean {
  const stats = index.get(element);
  if (stats.links === 0 || stats.text < 8 || stats.text > 8000) return false;
  if (stats.linkText < 8 || index.articleShare(element) > 0.3) return false;
  // Not prose with a link or two: a long block needs a good share of link text.
  if (stats.linkText < stats.text * (stats.text > LONG_BLOCK ? 0.3 : 0.1)) return false;
  if (!isBlockUnit(index, element)) return false;
  return !sameAsParent(index, element);
}

export function scoreValues(values: Float64Array, weights: BlockModel = model): number {
  let z = weights.bias;
  for (let at = 0; at < values.length; at++) {
    z += (weights.weights[at] ?? 0) * (((values[at] ?? 0) - (weights.mean[at] ?? 0)) / (weights.scale[at] || 1));
  }
  return 1 / (1 + Math.exp(-z));
}

const WHERE: Record<BlockFacts['position'], string> = {
  before: 'before the article',
  inside: 'inside the article',
  after: 'after the article',
  around: 'around the article',
  none: 'no article found',
};

function quote(text: string, length = 40): string {
  return `'${text.length > length ? `${text.slice(0, length - 1)}…` : text}'`;
}

/** Related links point at other stories: headline-like links, a related heading or a next-story line. */
export function isRelated(facts: BlockFacts): boolean {
  // A lone link inside the article is another story only when it stays on the site (not a shop or a source).
  if (facts.position === 'inside' && facts.links === 1 && facts.siteHeadlineLinks === 0 && !facts.readMore) {
    return false;
  }
  if (facts.relatedHeading || facts.mostRead || facts.next || facts.readMore) return true;
  if (facts.headlineLinks > 0 && facts.headlineLinks * 3 >= facts.links) return true;
  // Links of several words each (not a menu of section names), unless the page calls it its menu.
  return facts.linkCharsPerLink >= RELATED_LINK_CHARS && !(facts.chrome && facts.headlineLinks === 0);
}

/** Mean characters per link from which a link block reads as titles of other pages, not a menu. */
const RELATED_LINK_CHARS = 12;

/**
 * A cheap test that passes every block isRelated could accept (it reads only counts,
 * and the heading and lead phrases when the counts do not decide), so the full
 * features are computed only where a verdict can follow.
 */
export function mayBeRelated(index: BlockIndex, element: Element): boolean {
  const stats = index.get(element);
  if (stats.headlineLinks > 0 && stats.headlineLinks * 3 >= stats.links) return true;
  if (stats.linkText / Math.max(1, stats.links) >= RELATED_LINK_CHARS) return true;
  const heading = blockHeading(index, element);
  if (heading && (RELATED_HEADING.test(heading) || MOST_READ_HEADING.test(heading))) return true;
  const text = index.text(element);
  if (stats.text <= 400 && NEXT_ARTICLE.test(text)) return true;
  const lead = text.slice(0, 60);
  return READ_MORE_LEAD.exec(lead)?.index === 0;
}

/** The related-links verdict, or null for link clutter of another kind (menus are the boilerplate rules' job). */
export function verdict(facts: BlockFacts, score: number): Omit<DetectedBlock, 'element'> | null {
  if (!isRelated(facts)) return null;
  const links = `${facts.links} link${facts.links === 1 ? '' : 's'}`;
  const headlines = `${facts.headlineLinks} headline link${facts.headlineLinks === 1 ? '' : 's'}`;
  const reasons = [
    `${headlines} of ${links}, ${Math.round(facts.density * 100)} % link text, ${WHERE[facts.position]}`,
  ];
  if (facts.heading && (facts.relatedHeading || facts.mostRead)) reasons.push(`heading ${quote(facts.heading)}`);
  if (facts.relatedToken) reasons.push('marked as related by the page');
  const category = facts.mostRead
    ? 'most-read'
    : facts.next
      ? 'next-article'
      : facts.links === 1 && facts.readMore
        ? 'read-more'
        : 'story-list';
  return { kind: 'related', category, score, reasons: [`Links to other stories: ${reasons.join('; ')}`] };
}

/** Every candidate's features and facts, in document order (training reads these too). */
export function judgeBlock(index: BlockIndex, context: DetectionContext, element: Element) {
  const { values, facts } = blockFeatures(index, context, element);
  return { values, facts, score: scoreValues(values) };
}

/** Below this score outermostBlocks-style merging ignores a verdict. */
const MIN_SHOWN = 0.5;

/** A teaser list's verdict: its structure is the reason. */
function teaserVerdict(
  index: BlockIndex,
  context: DetectionContext,
  element: Element,
  list: TeaserList,
): Omit<DetectedBlock, 'element'> {
  const stats = index.get(element);
  const where = WHERE[blockPosition(context, element)];
  return {
    kind: 'related',
    category: 'story-list',
    score: Math.min(1, 0.6 + (0.4 * list.teasers) / Math.max(1, list.items)),
    reasons: [
      `Links to other stories: ${list.teasers} of ${list.items} items are a headline link with at most a short summary ` +
        `(${stats.links} links), ${where}`,
    ],
  };
}

/** A child without links holding at least this many characters is text of its own (a caption, a note). */
const OWN_TEXT = 40;
/** A child with at least this many links, at least half its text in them, is a list of links of its own. */
const LINK_LIST_LINKS = 3;

/**
 * True when a block is a list of links beside text of its own: one child holds a list of
 * links, another is text without links that is no teaser's summary (the child just before
 * it is no link item), such as a photo caption or a note beside a story list. Such a block
 * outside the article is not flagged whole; its parts are judged on their own, so the
 * caption is not marked as a link. A single story's item (a headline, a sponsor line, a
 * summary) holds no list.
 */
export function holdsOwnText(index: BlockIndex, element: Element): boolean {
  let previous: Element | null = null;
  let ownText = false;
  let linkList = false;
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    const stats = index.get(child);
    if (stats.text === 0) continue;
    if (stats.links >= LINK_LIST_LINKS && stats.linkText * 2 >= stats.text) linkList = true;
    // Text right after a headline link is that teaser's summary, not text of its own.
    if (stats.links === 0 && stats.text >= OWN_TEXT && !(previous && isLinkItem(index, previous))) ownText = true;
    previous = child;
  }
  return ownText && linkList;
}

/** The classifier's verdict on a candidate block, or null. */
function modelVerdict(
  index: BlockIndex,
  context: DetectionContext,
  element: Element,
): Omit<DetectedBlock, 'element'> | null {
  if (!isCandidate(index, element) || !mayBeRelated(index, element)) return null;
  // Every null below is null whatever the score, so the cheap facts and the children decide
  // first and the features that count over the block's text are made only where a verdict can follow.
  const look = blockLook(index, context, element);
  if (!isRelated(look.facts)) return null;
  const inArticle = index.inArticle(element);
  // Outside the article only: there a flag marks and removes nothing, while inside it a
  // split would leave the list's headings and short lines in the clean text.
  if (!inArticle && holdsOwnText(index, element)) return null;
  const { facts, values } = blockFeatures(index, context, element, look);
  const score = scoreValues(values);
  const threshold = inArticle ? model.threshold : model.thresholdOutside;
  if (score < threshold) return null;
  // Shown scores start at 0.5 at the threshold, like the other detectors' verdicts.
  const shown = MIN_SHOWN + (0.5 * (score - threshold)) / Math.max(1e-9, 1 - threshold);
  return verdict(facts, Math.min(1, shown));
}

/** A teaser list the classifier does not judge (long, or much of the article's text), or null. */
function teaserBlock(
  index: BlockIndex,
  context: DetectionContext,
  element: Element,
): Omit<DetectedBlock, 'element'> | null {
  const list = teaserList(index, element);
  return list ? teaserVerdict(index, context, element, list) : null;
}

/** The classifier's related blocks (and teaser lists), outermost first in document order. */
function findRelatedBlocks(context: DetectionContext): DetectedBlock[] {
  const index = blockIndex(context);
  const blocks: DetectedBlock[] = [];
  const { elements } = index;
  for (let at = 0; at < elements.length; at++) {
    const element = elements[at] as Element;
    // All three verdicts need links: most elements stop at one look-up.
    if (!index.get(element).links) continue;
    const found =
      modelVerdict(index, context, element) ?? teaserBlock(index, context, element) ?? prevNextVerdict(index, element);
    if (!found) continue;
    blocks.push({ element, ...found });
    // Document order keeps a subtree together: skip to the first element after this one's.
    while (at + 1 < elements.length && element.contains(elements[at + 1] as Element)) at++;
  }
  return finishRelated(index, blocks);
}

const relatedCache = new WeakMap<DetectionContext, DetectedBlock[]>();

/**
 * The related blocks of one analysis, found once: the detector reports them and the
 * boilerplate split (block-split.ts) reads them.
 */
export function relatedBlocks(context: DetectionContext): DetectedBlock[] {
  let blocks = relatedCache.get(context);
  if (!blocks) {
    blocks = findRelatedBlocks(context);
    relatedCache.set(context, blocks);
  }
  return blocks;
}

export const blockModelDetector: Detector = {
  name: 'blocks',
  detect(context) {
    return relatedBlocks(context).slice();
  },
};

export { FEATURE_NAMES };
