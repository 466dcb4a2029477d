/**
 * The analysis pipeline: extraction, then every registered detector, then the
 * report. Pure: it takes a Document and returns plain data, so it runs the same
 * in the content script, in jsdom tests and in the CLI.
 */
import { isProbablyReaderable } from '@mozilla/readability';
import { firstWithAttribute, setArticleTextNodes } from './clutter/blocks.ts';
import { captionTest } from './clutter/captions.ts';
import { isLoneAddress, isMetaLine } from './clutter/metalines.ts';
import type { AnalyzeOptions, DetectedBlock, DetectionContext } from './detectors.ts';
import { blockText, type Extraction, extractArticle } from './extract.ts';
import { pageLanguage } from './language.ts';
import { fixBylineAndDate } from './metadata.ts';
import { DETECTORS, judgeHeadline } from './registry.ts';
import type { ArticleInfo, Flag, PageReport, ReportNotice } from './report.ts';
import { withSpoiler } from './spoiler/index.ts';
import { withSummary } from './summary.ts';
import { countWords, normalizeSpace, readingMinutes } from './text.ts';

export const DEFAULT_CLICKBAIT_THRESHOLD = 0.5;
export const DEFAULT_MAX_ELEMENTS = 60_000;
const MAX_FLAG_TEXT = 600;
/** Share of the article's text in figcaptions above which the captions are the story. */
const GALLERY_CAPTION_SHARE = 0.5;

export interface Analysis {
  report: PageReport;
  /** Flag id -> the live element it points at (not serialisable; stays in the page). */
  targets: Map<string, Element>;
}

/** The whole report, summary and spoiler included (CLI, tests). */
export function analyzePage(document: Document, options: AnalyzeOptions = {}): PageReport {
  return withSpoiler(withSummary(analyzeDocument(document, options).report));
}

/** The analysis the content script runs on page load: everything but the summary (see withSummary). */
export function analyzeDocument(document: Document, options: AnalyzeOptions = {}): Analysis {
  const url = options.url ?? document.URL ?? '';
  const notices: ReportNotice[] = [];
  const empty = (readerable: boolean): Analysis => ({
    report: { url, readerable, article: null, headline: null, flags: [], cleanText: '', summary: [], notices },
    targets: new Map(),
  });

  const contentType = document.contentType ?? 'text/html';
  if (!/html|xml/i.test(contentType) || !document.body) {
    notices.push('not-html');
    return empty(false);
  }
  const maxElements = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
  if (document.getElementsByTagName('*').length > maxElements) {
    notices.push('page-too-large');
    return empty(false);
  }

  const readerable = isProbablyReaderable(document);
  let extraction: Extraction | null = null;
  try {
    extraction = readerable || options.force ? extractArticle(document, maxElements) : null;
  } catch (error) {
    // Trees nested thousands deep overflow the stack of recursive DOM code (jsdom's
    // cloneNode, parts of Readability): that is a page too large, not a crash.
    if (!(error instanceof RangeError)) throw error;
    notices.push('page-too-large');
    return empty(readerable);
  }
  if (!extraction) notices.push('no-article');
  const article = extraction ? articleInfo(extraction, document) : null;

  const context = detectionContext(document, options, extraction, article);
  setArticleTextNodes(context, liveArticleText(extraction));
  const blocks = mergeBlocks(DETECTORS.flatMap((detector) => detector.detect(context)));
  const targets = new Map<string, Element>();
  const flags: Flag[] = blocks.map((block, index) => {
    const id = `f${index + 1}`;
    targets.set(id, block.element);
    return {
      id,
      kind: block.kind,
      category: block.category,
      text: leadingText(block.element, MAX_FLAG_TEXT),
      reasons: block.reasons,
      score: Math.round(block.score * 1000) / 1000,
      insideArticle: context.holdsArticleText(block.element),
    };
  });

  const cleanText = extraction && article ? cleanArticleText(extraction, blocks, url, article.text) : '';
  const headline = context.headlineText ? judgeHeadline(context.headlineText, context) : null;
  return {
    report: {
      url,
      readerable,
      article,
      headline,
      flags,
      cleanText,
      summary: [],
      notices,
    },
    targets,
  };
}

function liveArticleText(extraction: Extraction | null): Text[] {
  const nodes: Text[] = [];
  for (const { live } of extraction?.textNodes ?? []) if (live) nodes.push(live);
  return nodes;
}

function articleInfo(extraction: Extraction, document: Document): ArticleInfo {
  const text = blockText(extraction.content);
  const lang = pageLanguage(extraction.lang ?? document.documentElement?.lang, text) || null;
  const { byline, publishedTime } = fixBylineAndDate(extraction.byline, extraction.publishedTime);
  const wordCount = countWords(text);
  return {
    title: normalizeSpace(extraction.title),
    byline,
    siteName: extraction.siteName ? normalizeSpace(extraction.siteName) : null,
    publishedTime,
    lang,
    dir: extraction.dir,
    excerpt: extraction.excerpt ? normalizeSpace(extraction.excerpt) : null,
    wordCount,
    readingMinutes: readingMinutes(wordCount, lang),
    text,
  };
}

function detectionContext(
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
  const lang = article?.lang ?? pageLanguage(document.documentElement?.lang, document.body?.textContent ?? '');
  const headlineElement = findHeadlineElement(document, article?.title ?? null, articleRoot);
  const ogTitle = firstWithAttribute(document, 'meta', 'property', 'og:title')?.getAttribute('content');
  const headlineText =
    normalizeSpace(headlineElement?.textContent ?? '') || normalizeSpace(ogTitle ?? '') || article?.title || null;
  return {
    document,
    options: { ...options, clickbaitThreshold: options.clickbaitThreshold ?? DEFAULT_CLICKBAIT_THRESHOLD },
    article,
    lang: lang || 'en',
    articleRoot,
    holdsArticleText: (element) => holders.has(element),
    headlineElement,
    headlineText,
  };
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

/** One flag per element, outermost block wins, in document order. */
function mergeBlocks(blocks: DetectedBlock[]): DetectedBlock[] {
  const byElement = new Map<Element, DetectedBlock>();
  for (const block of blocks) {
    const seen = byElement.get(block.element);
    if (
      !seen ||
      (seen.kind === block.kind ? block.score > seen.score : block.kind !== 'clickbait' && seen.kind === 'clickbait')
    ) {
      byElement.set(block.element, block);
    }
  }
  const clutter = new Set<Element>();
  for (const block of byElement.values()) if (block.kind !== 'clickbait') clutter.add(block.element);
  const insideClutter = (element: Element) => {
    for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) {
      if (clutter.has(ancestor)) return true;
    }
    return false;
  };
  // Clickbait teasers live inside related lists by nature: keep them.
  const kept = [...byElement.values()].filter((block) => block.kind === 'clickbait' || !insideClutter(block.element));
  return kept.sort((a, b) => (a.element.compareDocumentPosition(b.element) & 4 ? -1 : 1));
}

function cleanArticleText(extraction: Extraction, blocks: DetectedBlock[], url: string, fullText: string): string {
  const meta = { title: extraction.title, byline: extraction.byline, url };
  const removed = new Set(blocks.filter((block) => block.kind !== 'clickbait').map((block) => block.element));
  const dropped = new Set<Text>();
  if (removed.size > 0) {
    // Whether an element lies in a removed block, remembered so each ancestor is looked at once.
    const inRemoved = new Map<Element, boolean>();
    const isRemoved = (start: Element | null): boolean => {
      const path: Element[] = [];
      let answer = false;
      for (let element = start; element; element = element.parentElement) {
        const known = inRemoved.get(element);
        if (known !== undefined) {
          answer = known;
          break;
        }
        if (removed.has(element)) {
          answer = true;
          path.push(element);
          break;
        }
        path.push(element);
      }
      for (const element of path) inRemoved.set(element, answer);
      return answer;
    };
    for (const { clone, live } of extraction.textNodes) {
      // Whitespace is never clutter, and dropping it could glue the words around a block together.
      if (live && clone.data.trim() && isRemoved(live.parentElement)) dropped.add(clone);
    }
  }
  // Captions and image credits describe pictures, not the story: marked up as such,
  const captions = Array.from(extraction.content.getElementsByTagName('figcaption'));
  // unless the story is told in them (a gallery of captioned pictures).
  let captionLength = 0;
  for (const caption of captions) captionLength += caption.textContent?.length ?? 0;
  const gallery = captionLength > fullText.length * GALLERY_CAPTION_SHARE;
  for (const caption of gallery ? [] : captions) {
    const walker = caption.ownerDocument.createTreeWalker(caption, 0x4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) dropped.add(node as Text);
  }
  // or named so by the page beside a picture.
  const inCaption = captionTest(!gallery);
  for (const { clone, live } of extraction.textNodes) {
    if (live && !dropped.has(clone) && clone.data.trim() && inCaption(live.parentElement)) dropped.add(clone);
  }
  // Nothing dropped: the text is the article's, already walked once.
  const text = dropped.size > 0 ? blockText(extraction.content, (node) => !dropped.has(node)) : fullText;
  // Datelines and reading-time notes are page furniture too, though no flag category fits them.
  return text
    .split('\n\n')
    .filter((paragraph, index, all) => !isMetaLine(paragraph, meta) && !isLoneAddress(all, index))
    .join('\n\n');
}

/** normalizeSpace(element.textContent).slice(0, max), reading only as much text as that needs. */
function leadingText(element: Element, max: number): string {
  const document = element.ownerDocument;
  const walker = document.createTreeWalker(element, 0xc);
  let raw = '';
  let check = max;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    raw += (node as Text).data;
    // Once the normalised prefix holds `max` characters, the rest cannot change them.
    if (raw.length >= check) {
      const prefix = normalizeSpace(raw);
      if (prefix.length >= max) return prefix.slice(0, max);
      check = raw.length + max;
    }
  }
  return normalizeSpace(raw).slice(0, max);
}
