/**
 * Related-link blocks: inline "READ MORE: <link>" lines, lists of links to
 * other stories, most-read modules and next-article teasers. Evidence is the
 * block's structure (share of text in links, how many links read like
 * headlines), its heading or lead-in phrase, and where it sits.
 */
import type { DetectedBlock, DetectionContext, Detector } from '../detectors.ts';
import { type BlockIndex, blockHeading, blockIndex, closest, hasToken, outermostBlocks, role } from './blocks.ts';
import { isBlockUnit, sameAsParent } from './boilerplate.ts';
import { MOST_READ_HEADING, NEXT_ARTICLE, READ_MORE_LEAD, RELATED_HEADING } from './phrases.ts';

type Verdict = Omit<DetectedBlock, 'element' | 'kind'> | null;

const LIST_TAGS = new Set(['UL', 'OL', 'DIV', 'SECTION', 'ASIDE', 'NAV', 'TABLE', 'DL', 'P', 'FOOTER']);
const LINE_TAGS = new Set([
  'P',
  'DIV',
  'LI',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'SPAN',
  'STRONG',
  'B',
  'EM',
  'I',
  'DD',
  'ASIDE',
  'SECTION',
]);

function quote(text: string, length = 40): string {
  return `'${text.length > length ? `${text.slice(0, length - 1)}…` : text}'`;
}

function inSidebar(element: Element, context: DetectionContext): boolean {
  if (context.articleRoot?.contains(element)) return false;
  return !!closest(
    element,
    (ancestor) =>
      ancestor.tagName === 'ASIDE' ||
      role(ancestor) === 'complementary' ||
      hasToken(ancestor, /^(sidebar|side|rail|aside)$/),
    8,
  );
}

function readMoreLine(index: BlockIndex, element: Element): Verdict {
  const stats = index.get(element);
  if (stats.text > 300 || !LINE_TAGS.has(index.tagOf(element))) return null;
  const text = index.text(element);
  const lead = READ_MORE_LEAD.exec(text);
  if (lead) {
    const rest = text.slice(lead[0].length);
    // "Lea" or "Related" alone open real sentences too: demand a separator or a link.
    const separated = /^\s*[:»›>|\-–—]/u.test(rest) || /[:»›>]\s*$/u.test(lead[0]);
    if (stats.links > 0 && (separated || index.linkDensity(element) >= 0.5)) {
      return {
        category: 'read-more',
        score: 0.9,
        reasons: [`Inline related link: ${quote(lead[0].trim())} + link to another story`],
      };
    }
    if (separated && stats.text <= 200 && !/[.!?]["”»]?\s*$/u.test(rest.slice(0, -1) || '')) {
      return { category: 'read-more', score: 0.6, reasons: [`Inline related link: ${quote(lead[0].trim())} lead-in`] };
    }
  }
  // A lead-in line of its own ("Lesen Sie auch die folgenden Beiträge:") announces the links below it.
  if (stats.text <= 80) {
    const heading = lead ?? RELATED_HEADING.exec(text) ?? MOST_READ_HEADING.exec(text);
    if (heading && (heading[0].trim().length >= text.length * 0.5 || /:\s*$/.test(text))) {
      return { category: 'read-more', score: 0.55, reasons: [`Related-links lead-in: ${quote(text)}`] };
    }
  }
  // A line that is nothing but one headline link into the same site: a teaser for another story.
  if (
    stats.links === 1 &&
    stats.siteHeadlineLinks === 1 &&
    index.linkDensity(element) >= 0.95 &&
    !/[.!?:;,]["”»)]?$/u.test(text) &&
    /^(P|DIV|H[2-6])$/.test(index.tagOf(element)) &&
    // Between the article's paragraphs, not in a fact box or a table.
    index.get(element.parentElement ?? element).paragraphs >= 3
  ) {
    return { category: 'read-more', score: 0.55, reasons: ['Related link: a line with only a link to another story'] };
  }
  const next = stats.links > 0 ? NEXT_ARTICLE.exec(text) : null;
  if (next) {
    return { category: 'next-article', score: 0.8, reasons: [`Next-article teaser: ${quote(next[0].trim())}`] };
  }
  return null;
}

function storyList(index: BlockIndex, element: Element, context: DetectionContext): Verdict {
  const stats = index.get(element);
  if (!LIST_TAGS.has(index.tagOf(element)) || stats.headlineLinks === 0) return null;
  const density = index.linkDensity(element);
  const inArticle = index.inArticle(element);
  const heading = blockHeading(index, element);
  const mostRead = heading && MOST_READ_HEADING.exec(heading);
  const related = heading && RELATED_HEADING.exec(heading);
  const headingMatch = mostRead || related;
  // Teasers carry a line of summary, so a labelled module may be less link-dense.
  const minDensity = headingMatch ? 0.45 : inArticle ? 0.7 : 0.6;
  if (density < minDensity) return null;
  if (stats.text / stats.headlineLinks > (headingMatch ? 400 : 250)) return null;
  const isList = index.tagOf(element) === 'UL' || index.tagOf(element) === 'OL';
  // A lone link is a related story only when it points into the same site (not a shop or a source).
  const enough =
    (stats.headlineLinks >= 2 && (!inArticle || stats.siteHeadlineLinks * 2 >= stats.headlineLinks)) ||
    (isList && stats.items === 1 && stats.links === 1 && density >= 0.8 && stats.siteHeadlineLinks === 1) ||
    !!headingMatch;
  if (!enough) return null;
  const links = stats.headlineLinks;
  const what = isList
    ? `list of ${links} link${links > 1 ? 's' : ''}`
    : `${links} headline link${links > 1 ? 's' : ''}`;
  if (mostRead) {
    return {
      category: 'most-read',
      score: 0.9,
      reasons: [`Most-read module: heading ${quote(mostRead[0])} + ${what}`],
    };
  }
  const reasons = [`Related links: ${what} to other stories`];
  let score = 0.55 + Math.min(0.25, links * 0.05) + (density >= 0.85 ? 0.1 : 0);
  if (related) {
    score += 0.2;
    reasons.push(`heading ${quote(related[0])}`);
  }
  if (inSidebar(element, context)) {
    reasons.push('in the sidebar');
    score += 0.1;
    if (!related) return { category: 'most-read', score: Math.min(1, score), reasons };
  }
  if (hasToken(element, /^(related|recommended|more|popular|teaser|teasers|recirculation|trending|also)$/)) {
    score += 0.05;
    reasons.push('marked as related by the page');
  }
  return { category: 'story-list', score: Math.min(1, score), reasons };
}

/** A short heading that announces a related block ("Mehr zum Thema") right before links. */
function relatedHeading(index: BlockIndex, element: Element): Verdict {
  if (!/^H[2-6]$|^P$|^DIV$/.test(index.tagOf(element))) return null;
  const stats = index.get(element);
  if (stats.text > 60 || stats.text === 0 || stats.links > 1) return null;
  const next = element.nextElementSibling;
  if (!next) return null;
  const nextStats = index.get(next);
  if (nextStats.headlineLinks === 0 || index.linkDensity(next) < 0.5) return null;
  const text = index.text(element);
  const match = MOST_READ_HEADING.exec(text) ?? RELATED_HEADING.exec(text);
  if (!match || match[0].length < text.length * 0.5) return null;
  const category = MOST_READ_HEADING.test(text) ? 'most-read' : 'story-list';
  return { category, score: 0.7, reasons: [`Heading of a related-links block: ${quote(text)}`] };
}

export const relatedDetector: Detector = {
  name: 'related',
  detect(context) {
    const index = blockIndex(context);
    return outermostBlocks(index, 'related', (element) => {
      const stats = index.get(element);
      if (stats.links === 0 && stats.text > 60) return null;
      if (stats.text === 0 || index.articleShare(element) > 0.3) return null;
      if (!isBlockUnit(index, element)) return null;
      if (sameAsParent(index, element) && !LIST_TAGS.has(index.tagOf(element))) return null;
      return readMoreLine(index, element) ?? storyList(index, element, context) ?? relatedHeading(index, element);
    });
  },
};
