/**
 * Teaser lists: three or more sibling items that each open with a headline link to
 * another story on the site, followed by at most a short summary ("Hingis banned for
 * two years / Former world number one Martina Hingis has been banned ..."). Readability
 * often keeps such a list with the article; its structure says what it is, whatever the
 * language. A list needs most of its items to be teasers, so a reference list (items
 * opening with a note mark or an author), a list of sources off the site or the
 * article's own paragraphs never qualify, and the article outside the list must keep
 * most of its text.
 */
import { type BlockIndex, isHeadlineLike } from './blocks.ts';

/** Items a teaser list needs, and the share of its items with text that must be teasers. */
export const MIN_TEASERS = 3;
const TEASER_SHARE = 2 / 3;
/** An item longer than this is not a teaser (a headline and one or two sentences). */
const MAX_TEASER_TEXT = 450;
/** A line without links up to this length beside the teasers is their date or byline. */
const MAX_META_TEXT = 40;
/** The list may hold at most this share of the extracted article... */
const MAX_ARTICLE_SHARE = 0.6;
/** ...and the article outside it keeps at least this many characters. */
const MIN_ARTICLE_LEFT = 500;

export interface TeaserList {
  teasers: number;
  items: number;
}

/** The first link with an href in the element (document order), or null. */
function firstLink(element: Element): Element | null {
  for (const link of Array.from(element.getElementsByTagName('a'))) {
    if (link.hasAttribute('href')) return link;
  }
  return null;
}

/** An item that opens with a headline-like link to the site, and holds little else. */
function isTeaser(index: BlockIndex, item: Element): boolean {
  const stats = index.get(item);
  if (stats.text > MAX_TEASER_TEXT || stats.links === 0 || stats.links > 4 || stats.siteHeadlineLinks === 0) {
    return false;
  }
  const link = firstLink(item);
  if (!link) return false;
  const headline = index.text(link);
  if (!isHeadlineLike(headline) || !index.isSiteLink(link.getAttribute('href') ?? '')) return false;
  // The headline opens the item (a bullet or a few marks may come first).
  const at = index.text(item).indexOf(headline);
  return at >= 0 && at <= 3;
}

/**
 * The element's children as a teaser list, or null. Cheap counts rule out nearly every
 * element before any child is read.
 */
export function teaserList(index: BlockIndex, element: Element): TeaserList | null {
  const stats = index.get(element);
  if (stats.siteHeadlineLinks < MIN_TEASERS || element.childElementCount < MIN_TEASERS || stats.text > 8000) {
    return null;
  }
  if (index.articleShare(element) > MAX_ARTICLE_SHARE) return null;
  if (index.articleLength > 0 && index.articleLength - stats.articleText < MIN_ARTICLE_LEFT && stats.articleText > 0) {
    return null;
  }
  let items = 0;
  let teasers = 0;
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    const childStats = index.get(child);
    // Empty items, and a teaser's date or byline line beside it (short, no link), are not items.
    if (childStats.text === 0 || (childStats.links === 0 && childStats.text <= MAX_META_TEXT)) continue;
    items++;
    if (isTeaser(index, child)) teasers++;
  }
  return teasers >= MIN_TEASERS && teasers >= items * TEASER_SHARE ? { teasers, items } : null;
}
