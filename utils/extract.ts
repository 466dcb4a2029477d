/**
 * Extraction: Readability on a clone of the page, plus a map from the clone's
 * text nodes back to the live page's, so that everything downstream can talk
 * about live elements. The clone is mapped by one parallel walk before
 * Readability mutates it; Readability moves text nodes but never re-creates
 * them, so the map survives its clean-up.
 */
import { Readability } from '@mozilla/readability';

const SHOW_TEXT = 0x4;
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export interface Extraction {
  /** Readability's article container (in the clone). */
  content: Element;
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: string | null;
  excerpt: string | null;
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

/**
 * Visible text of a subtree as paragraphs separated by blank lines, with
 * whitespace collapsed inside each paragraph. `keep` can drop text nodes (the
 * flagged ones), so cleaned text is always the same text with parts removed.
 */
export function blockText(root: Node, keep: (text: Text) => boolean = () => true): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const paragraph = current.replace(/\s+/g, ' ').trim();
    if (paragraph) paragraphs.push(paragraph);
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
      if (keep(item as Text)) current += (item as Text).data;
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
  return paragraphs.join('\n\n');
}
