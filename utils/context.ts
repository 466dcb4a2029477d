/**
 * The detection context: what every detector may know about the page once the
 * article is extracted (its language, where its text lives, its headline).
 */
import { blockIndex, firstWithAttribute, setArticleTextNodes } from './clutter/blocks.ts';
import type { AnalyzeOptions, DetectionContext } from './detectors.ts';
import type { Extraction } from './extract.ts';
import { guessLanguage } from './language.ts';
import type { ArticleInfo } from './report.ts';
import { baseLanguage, normalizeSpace } from './text.ts';

export const DEFAULT_CLICKBAIT_THRESHOLD = 0.5;

/** The context the detectors read: the article's live text nodes registered, the block statistics built. */
export function detectionContext(
  document: Document,
  options: AnalyzeOptions,
  extraction: Extraction | null,
  article: ArticleInfo | null,
): DetectionContext {
  const holders = new Set<Element>();
  let articleRoot: Element | null = null;
  for (const { live } of extraction?.textNodes ?? []) {
    if (!live?.data.trim()) continue;
    // Climb until an ancestor already known; each element is added once.
    for (let element = live.parentElement; element && !holders.has(element); element = element.parentElement) {
      holders.add(element);
    }
    if (!articleRoot) articleRoot = live.parentElement;
    while (articleRoot && !articleRoot.contains(live)) articleRoot = articleRoot.parentElement;
  }
  // The page's text is read only when neither the article nor the page declares a language.
  const lang =
    article?.lang ?? (baseLanguage(document.documentElement?.lang) || guessLanguage(document.body?.textContent ?? ''));
  const headlineElement = findHeadlineElement(document, article?.title ?? null, articleRoot);
  const ogTitle = firstWithAttribute(document, 'meta', 'property', 'og:title')?.getAttribute('content');
  const headlineText =
    normalizeSpace(headlineElement?.textContent ?? '') || normalizeSpace(ogTitle ?? '') || article?.title || null;
  const context: DetectionContext = {
    document,
    options: { ...options, clickbaitThreshold: options.clickbaitThreshold ?? DEFAULT_CLICKBAIT_THRESHOLD },
    article,
    lang: lang || 'en',
    articleRoot,
    holdsArticleText: (element) => holders.has(element),
    headlineElement,
    headlineText,
  };
  setArticleTextNodes(context, liveArticleText(extraction));
  // The block statistics every clutter detector reads: one walk of the page, made here
  // once for all of them rather than inside whichever detector happens to ask first.
  blockIndex(context);
  return context;
}

function liveArticleText(extraction: Extraction | null): Text[] {
  const nodes: Text[] = [];
  for (const { live } of extraction?.textNodes ?? []) if (live) nodes.push(live);
  return nodes;
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** The article's h1: the one most like Readability's title, else the first inside the article. */
function findHeadlineElement(document: Document, title: string | null, articleRoot: Element | null): Element | null {
  const headings = Array.from(document.getElementsByTagName('h1')).slice(0, 30);
  if (title) {
    const titleWords = words(title);
    let best: Element | null = null;
    let bestOverlap = 0.5;
    for (const heading of headings) {
      const headingWords = words(heading.textContent ?? '');
      if (headingWords.size === 0) continue;
      let shared = 0;
      for (const word of headingWords) if (titleWords.has(word)) shared++;
      const overlap = shared / Math.max(headingWords.size, titleWords.size);
      if (overlap > bestOverlap) [best, bestOverlap] = [heading, overlap];
    }
    if (best) return best;
  }
  const inside = headings.find((heading) => articleRoot?.contains(heading));
  return inside ?? (headings.length === 1 ? (headings[0] ?? null) : null);
}
