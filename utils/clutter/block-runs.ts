/**
 * Two cheap finishing steps on the related blocks the classifier found, reading only
 * those blocks, their parents and their siblings from the block index (no new walk):
 * - A related module's title line ("Recent related articles") often sits just before
 *   the list, with nothing else beside them in their parent: the flag takes the parent,
 *   so the title goes with its list.
 * - A list of links to other stories where most items were flagged one by one keeps an
 *   item or two that the classifier let pass alone (a link off the site, a short title):
 *   an item that is nothing but a link and continues such a run is flagged with it. A
 *   run needs at least as many flagged items as items it adds, so a list of sources
 *   with a few of the site's own stories in it is not flagged wholesale.
 * And one pattern the classifier does not see: a short "Previous: <title> | Next: <title>"
 * line (prevNextVerdict), judged in the classifier's own walk of the elements.
 */
import type { DetectedBlock } from '../detectors.ts';
import type { BlockIndex } from './blocks.ts';
import { MOST_READ_HEADING, RELATED_HEADING } from './phrases.ts';

/** A title line is at most this long and holds no link. */
const MAX_TITLE = 60;
/** Slack, in characters, between a parent's text and its title plus list (spaces, bullets). */
const TITLE_SLACK = 4;
/** A link item is at most this long and at least this share link text. */
const MAX_LINK_ITEM = 160;
const LINK_ITEM_SHARE = 0.8;
/** Flagged items a run needs before it takes in an unflagged link item. */
const MIN_RUN = 2;

/** The block's title line: the non-empty element just before it, short, without links, a related heading. */
function titleBefore(index: BlockIndex, element: Element): Element | null {
  let previous = element.previousElementSibling;
  while (previous && index.get(previous).text === 0) previous = previous.previousElementSibling;
  if (!previous) return null;
  const stats = index.get(previous);
  if (stats.links > 0 || stats.text > MAX_TITLE) return null;
  const text = index.text(previous);
  return RELATED_HEADING.test(text) || MOST_READ_HEADING.test(text) ? previous : null;
}

/** The block with its title line: their parent, when it holds nothing else. */
function withTitle(index: BlockIndex, block: DetectedBlock): DetectedBlock {
  const parent = block.element.parentElement;
  const title = titleBefore(index, block.element);
  if (!parent || !title || parent === index.context.document.body) return block;
  const own = index.get(block.element).text + index.get(title).text;
  if (index.get(parent).text > own + TITLE_SLACK || index.articleShare(parent) > 0.3) return block;
  return { ...block, element: parent };
}

/** An element that is one link (or two) and little else: a headline link. */
export function isLinkItem(index: BlockIndex, element: Element): boolean {
  const stats = index.get(element);
  return (
    stats.links >= 1 &&
    stats.links <= 2 &&
    stats.text > 0 &&
    stats.text <= MAX_LINK_ITEM &&
    stats.linkText >= stats.text * LINK_ITEM_SHARE
  );
}

/** Unflagged link items among a flagged block's same-tag siblings, when flagged ones dominate the run. */
function runItems(
  index: BlockIndex,
  block: DetectedBlock,
  flagged: ReadonlySet<Element>,
): { added: Element[]; marked: number } {
  const none = { added: [], marked: 0 };
  const parent = block.element.parentElement;
  if (!parent) return none;
  const tag = index.tagOf(block.element);
  let marked = 0;
  const added: Element[] = [];
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
    if (index.tagOf(child) !== tag || index.get(child).text === 0) continue;
    if (flagged.has(child)) marked++;
    else if (isLinkItem(index, child)) added.push(child);
    // An item of another kind (prose, a long entry) ends any claim to a run of links.
    else return none;
  }
  return marked >= MIN_RUN && added.length <= marked ? { added, marked } : none;
}

function inDocumentOrder(a: DetectedBlock, b: DetectedBlock): number {
  if (a.element === b.element) return 0;
  // DOCUMENT_POSITION_FOLLOWING: b comes after a.
  return a.element.compareDocumentPosition(b.element) & 4 ? -1 : 1;
}

/** The related blocks with their title lines and the link items that continue their runs. */
export function finishRelated(index: BlockIndex, blocks: DetectedBlock[]): DetectedBlock[] {
  if (blocks.length === 0) return blocks;
  const titled = blocks.map((block) => withTitle(index, block));
  const flagged = new Set(titled.map((block) => block.element));
  const extra: DetectedBlock[] = [];
  const seenParents = new Set<Element>();
  for (const block of titled) {
    const parent = block.element.parentElement;
    if (!parent || seenParents.has(parent)) continue;
    seenParents.add(parent);
    const { added, marked } = runItems(index, block, flagged);
    for (const element of added) {
      extra.push({
        element,
        kind: 'related',
        category: block.category,
        score: block.score,
        reasons: [
          `Links to other stories: a link item in a list where ${marked} other items are links to other stories`,
        ],
      });
      flagged.add(element);
    }
  }
  // A lifted block may now hold another block: keep the outermost only.
  const all = [...titled, ...extra].sort(inDocumentOrder);
  const kept: DetectedBlock[] = [];
  for (const block of all) {
    const last = kept[kept.length - 1];
    if (last && (last.element === block.element || last.element.contains(block.element))) continue;
    kept.push(block);
  }
  return kept;
}

/** "Previous: <title>" and "Next: <title>" (or "« Older" / "Newer »") in one short line: links to the neighbouring stories. */
const PREVIOUS_LINE = /(?:^|[\s|(])(?:[«‹]\s*)?(?:previous|prev|older)(?: (?:post|story|article|entry))?\s*[:«‹]/iu;
const NEXT_LINE = /(?:^|[\s|(])(?:next|newer)(?: (?:post|story|article|entry))?\s*[:»›]/iu;
/** The line is at most this long, holds 2 to this many links, and at least this share link text. */
const MAX_PREV_NEXT_TEXT = 300;
const MAX_PREV_NEXT_LINKS = 4;
const PREV_NEXT_LINK_SHARE = 0.3;

/**
 * A previous/next story line, or null: short, two to four links, a good share of link text,
 * and both a "previous" and a "next" label. Counts rule out nearly every element before
 * its text is read.
 */
export function prevNextVerdict(index: BlockIndex, element: Element): Omit<DetectedBlock, 'element'> | null {
  const stats = index.get(element);
  if (stats.links < 2 || stats.links > MAX_PREV_NEXT_LINKS || stats.text > MAX_PREV_NEXT_TEXT) return null;
  if (stats.linkText < stats.text * PREV_NEXT_LINK_SHARE || index.articleShare(element) > 0.3) return null;
  const text = index.text(element);
  if (!PREVIOUS_LINE.test(text) || !NEXT_LINE.test(text)) return null;
  return {
    kind: 'related',
    category: 'next-article',
    score: 0.6,
    reasons: [`Links to other stories: a previous / next story line (${stats.links} links)`],
  };
}
