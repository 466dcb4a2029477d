/**
 * Extraction: Readability on a clone of the page, plus a map from the clone's
 * text nodes back to the live page's, so that everything downstream can talk
 * about live elements. The clone is mapped by one parallel walk before
 * Readability mutates it; Readability moves text nodes but never re-creates
 * them, so the map survives its clean-up.
 */
import { Readability } from '@mozilla/readability';
import { AUTHOR_ROLE, BIO_LEAD, CAPTION_CREDIT, PHOTO_CREDIT } from './clutter/phrases.ts';
import type { ArticleInfo } from './report.ts';

const SHOW_TEXT = 0x4;
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Readability's metadata, as the report carries it. */
type ArticleMetadata = Pick<
  ArticleInfo,
  'title' | 'byline' | 'siteName' | 'publishedTime' | 'lang' | 'dir' | 'excerpt'
>;

export interface Extraction extends ArticleMetadata {
  /** Readability's article container (in the clone). */
  content: Element;
  /** Article text nodes of the clone, in order, each with its live twin (or null). */
  textNodes: { clone: Text; live: Text | null }[];
}

/** Clone the document and map each clone text node to its live twin (same tree, so same text order). */
function cloneWithTextMap(document: Document): { clone: Document; liveText: Map<Node, Text> } {
  const clone = document.cloneNode(true) as Document;
  const liveText = new Map<Node, Text>();
  const live = document.createTreeWalker(document, SHOW_TEXT);
  const copy = clone.createTreeWalker(clone, SHOW_TEXT);
  for (let a = live.nextNode(), b = copy.nextNode(); a && b; a = live.nextNode(), b = copy.nextNode()) {
    liveText.set(b, a as Text);
  }
  return { clone, liveText };
}

export function extractArticle(document: Document, maxElemsToParse: number): Extraction | null {
  const { clone, liveText } = cloneWithTextMap(document);
  const parsed = new Readability<Element>(clone, {
    maxElemsToParse,
    serializer: (element) => element as Element,
  }).parse();
  if (!parsed?.content) return null;
  const content = parsed.content;
  const textNodes: Extraction['textNodes'] = [];
  const walker = clone.createTreeWalker(content, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    textNodes.push({ clone: node as Text, live: liveText.get(node) ?? null });
  }
  if (textNodes.some(({ clone, live }) => !live && clone.data.trim())) relinkByText(document, textNodes);
  recoverStandfirst(content, textNodes);
  return {
    content,
    title: parsed.title ?? '',
    byline: parsed.byline ?? null,
    siteName: parsed.siteName ?? null,
    publishedTime: parsed.publishedTime ?? null,
    lang: parsed.lang ?? null,
    dir: parsed.dir ?? null,
    excerpt: parsed.excerpt ?? null,
    textNodes,
  };
}

/**
 * When Readability's first pass finds too little text it rebuilds the page from
 * its HTML and tries again; the rebuilt nodes have no twin in the map. Find
 * each one's live twin by its text, in document order.
 */
function relinkByText(document: Document, textNodes: Extraction['textNodes']): void {
  const order = new Map<Text, number>();
  const byData = new Map<string, Text[]>();
  const walker = document.createTreeWalker(document.body ?? document, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (!text.data.trim()) continue;
    order.set(text, order.size);
    const list = byData.get(text.data);
    if (list) list.push(text);
    else byData.set(text.data, [text]);
  }
  // Each text's candidates are in document order: a cursor per text keeps this linear.
  const cursor = new Map<string, number>();
  let last = -1;
  for (const entry of textNodes) {
    if (entry.live) {
      last = order.get(entry.live) ?? last;
      continue;
    }
    const candidates = byData.get(entry.clone.data);
    if (!candidates) continue;
    let position = cursor.get(entry.clone.data) ?? 0;
    while (position < candidates.length && (order.get(candidates[position] as Text) ?? -1) <= last) position++;
    const next = candidates[position] ?? candidates[cursor.get(entry.clone.data) ?? 0];
    if (!next) continue;
    cursor.set(entry.clone.data, position + 1);
    entry.live = next;
    last = order.get(next) ?? last;
  }
}

const STANDFIRST_TAGS = new Set(['P', 'H2', 'H3', 'DIV']);
/** Furniture that can sit between a headline and the body: never a standfirst. */
const NOT_STANDFIRST = 'nav, aside, footer, form, figure, ul, ol, table, button, time, address, [role="navigation"]';
const MAX_STANDFIRST_CLIMB = 8;
const NEAR_STANDFIRST_CLIMB = 4;
/** Levels above the headline within which a far standfirst must share an ancestor with it. */
const HEADLINE_NEIGHBOURHOOD = 3;
const MEDIA_TAGS = new Set(['IMG', 'PICTURE', 'VIDEO', 'IFRAME', 'SVG', 'svg']);

/**
 * Readability often picks the body container and leaves out the standfirst
 * (lead, deck, teaser paragraph) that sits between the headline and the body in
 * the same article. Take back paragraph-like blocks found after the nearest
 * enclosing h1 and before the body, via clones of the live nodes so the text
 * map stays whole.
 */
function recoverStandfirst(content: Element, textNodes: Extraction['textNodes']): void {
  const kept = new Set<Text>();
  let root: Element | null = null;
  for (const { live } of textNodes) {
    if (!live) continue;
    kept.add(live);
    if (!live.data.trim()) continue;
    if (!root) root = live.parentElement;
    while (root && !root.contains(live)) root = root.parentElement;
  }
  if (!root) return;
  let scope: Element | null = root.parentElement;
  let headline: Element | null = null;
  let climb = 0;
  for (; scope && climb < MAX_STANDFIRST_CLIMB; climb++, scope = scope.parentElement) {
    if (scope.tagName === 'BODY' || scope.tagName === 'HTML') return;
    const before = Array.from(scope.getElementsByTagName('h1')).filter(
      (h1) => !root?.contains(h1) && (h1.compareDocumentPosition(root as Element) & 4) !== 0,
    );
    headline = before[before.length - 1] ?? null;
    if (headline) break;
  }
  if (!scope || !headline) return;
  // A headline far above the body is trusted only for a paragraph that sits right beside it.
  const far = climb >= NEAR_STANDFIRST_CLIMB;
  const blocks: Element[] = [];
  const walker = scope.ownerDocument.createTreeWalker(scope, 0x1);
  walker.currentNode = headline;
  for (let node = walker.nextNode(); node && blocks.length < 3; node = walker.nextNode()) {
    const element = node as Element;
    if (element === root || element.contains(root)) {
      if (element === root) break;
      continue;
    }
    if (headline.contains(element) || !STANDFIRST_TAGS.has(element.tagName)) continue;
    if (blocks.some((block) => block.contains(element))) continue;
    if (far && (element.tagName !== 'P' || !nearHeadline(element, headline))) continue;
    if (isStandfirst(element, kept)) blocks.push(element);
  }
  if (blocks.length === 0) return;
  const added: Extraction['textNodes'] = [];
  const anchor = content.firstChild;
  for (const block of blocks) {
    const copy = content.ownerDocument.importNode(block, true);
    const live = block.ownerDocument.createTreeWalker(block, SHOW_TEXT);
    const twin = content.ownerDocument.createTreeWalker(copy, SHOW_TEXT);
    for (let a = live.nextNode(), b = twin.nextNode(); a && b; a = live.nextNode(), b = twin.nextNode()) {
      added.push({ clone: b as Text, live: a as Text });
    }
    content.insertBefore(copy, anchor);
  }
  textNodes.unshift(...added);
}

/** The element shares an ancestor with the headline within a few levels: a deck in the same header block. */
function nearHeadline(element: Element, headline: Element): boolean {
  let ancestor = headline.parentElement;
  for (let level = 0; ancestor && level < HEADLINE_NEIGHBOURHOOD; level++, ancestor = ancestor.parentElement) {
    if (ancestor.contains(element)) return true;
  }
  return false;
}

/** A sentence-like paragraph of its own: enough words, few links, no block children, nothing already extracted. */
function isStandfirst(element: Element, kept: Set<Text>): boolean {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    if (BLOCK_TAGS.has(child.tagName) && child.tagName !== 'BR') return false;
  }
  if (element.closest(NOT_STANDFIRST)) return false;
  // Text right beside a picture is its caption.
  for (const near of [element.previousElementSibling, element.nextElementSibling]) {
    if (near && MEDIA_TAGS.has(near.tagName)) return false;
  }
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  const words = text.split(' ').length;
  // Scripts without spaces between words count by characters.
  if (words < 12 && !(text.length >= 60 && /[\u3040-\u9fff\uac00-\ud7af]/.test(text))) return false;
  // Captions and author boxes also sit between headline and body.
  if (CAPTION_CREDIT.test(text) || PHOTO_CREDIT.test(text) || (BIO_LEAD.test(text) && AUTHOR_ROLE.test(text))) {
    return false;
  }
  let linked = 0;
  for (const link of Array.from(element.getElementsByTagName('a'))) linked += (link.textContent ?? '').trim().length;
  if (linked > text.length * 0.25) return false;
  const walker = element.ownerDocument.createTreeWalker(element, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (kept.has(node as Text)) return false;
  return true;
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

/** One paragraph of a subtree's text: its text nodes, and their text with whitespace collapsed. */
export interface TextSegment {
  nodes: Text[];
  text: string;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The text of a subtree cut where blocks begin and end, each piece with the text
 * nodes it is made of (empty pieces included): blockText without a second walk.
 */
export function textSegments(root: Node): TextSegment[] {
  const segments: TextSegment[] = [];
  let nodes: Text[] = [];
  let current = '';
  const flush = () => {
    if (nodes.length > 0) segments.push({ nodes, text: collapse(current) });
    nodes = [];
    current = '';
  };
  // Iterative walk: hostile pages nest deeply enough to overflow recursion.
  const stack: (Node | 'exit-block')[] = [root];
  while (stack.length > 0) {
    const item = stack.pop() as Node | 'exit-block';
    if (item === 'exit-block') {
      flush();
      continue;
    }
    if (item.nodeType === TEXT_NODE) {
      nodes.push(item as Text);
      current += (item as Text).data;
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE && item !== root) continue;
    const tag = (item as Element).tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') continue;
    const isBlock = tag !== undefined && BLOCK_TAGS.has(tag);
    if (isBlock) {
      flush();
      stack.push('exit-block');
    }
    for (let child = item.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  flush();
  return segments;
}

/** The paragraphs of the segments, separated by blank lines; `keep` can drop text nodes. */
export function segmentsText(segments: TextSegment[], keep?: (text: Text) => boolean): string {
  const paragraphs: string[] = [];
  for (const segment of segments) {
    let paragraph = segment.text;
    if (keep && paragraph && !segment.nodes.every(keep)) {
      let raw = '';
      for (const node of segment.nodes) if (keep(node)) raw += node.data;
      paragraph = collapse(raw);
    }
    if (paragraph) paragraphs.push(paragraph);
  }
  return paragraphs.join('\n\n');
}

const extractionSegments = new WeakMap<Extraction, TextSegment[]>();

/** The article's text segments, walked once per extraction (nothing changes the content after extraction). */
export function articleSegments(extraction: Extraction): TextSegment[] {
  let segments = extractionSegments.get(extraction);
  if (!segments) {
    segments = textSegments(extraction.content);
    extractionSegments.set(extraction, segments);
  }
  return segments;
}

/**
 * Visible text of a subtree as paragraphs separated by blank lines, with
 * whitespace collapsed inside each paragraph. `keep` can drop text nodes (the
 * flagged ones), so cleaned text is always the same text with parts removed.
 */
export function blockText(root: Node, keep?: (text: Text) => boolean): string {
  return segmentsText(textSegments(root), keep);
}
