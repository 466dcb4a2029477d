/**
 * Shared block features for the clutter detectors, computed in one bottom-up
 * pass over the page's elements (children before parents), so every element's
 * text length, link text, link count and form fields cost O(1) to read. Text
 * itself is read lazily and only for short blocks. Nothing here mutates the DOM
 * or uses layout.
 */
import type { DetectedBlock, DetectionContext } from '../detectors.ts';
import type { FlagKind } from '../report.ts';
import { normalizeSpace } from '../text.ts';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const CDATA_NODE = 4;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'IFRAME', 'OBJECT']);

export interface BlockStats {
  /** The element's tagName, read once (jsdom builds it anew on every read). */
  tag: string;
  /** Visible characters, whitespace runs counted as one. */
  text: number;
  /** Characters inside links. */
  linkText: number;
  links: number;
  /** Links whose text looks like a story headline (several words). */
  headlineLinks: number;
  /** Headline-like links to the page's own site (other stories, not shops or sources). */
  siteHeadlineLinks: number;
  items: number;
  forms: number;
  inputs: number;
  emailInputs: number;
  buttons: number;
  paragraphs: number;
  headings: number;
  /** Characters of text that Readability kept in the article. */
  articleText: number;
  /** Elements whose text a reader never sees (script, style, SVG, ...), the element itself included. */
  hidden: number;
}

function emptyStats(tag: string): BlockStats {
  return {
    tag,
    text: 0,
    linkText: 0,
    links: 0,
    headlineLinks: 0,
    siteHeadlineLinks: 0,
    items: 0,
    forms: 0,
    inputs: 0,
    emailInputs: 0,
    buttons: 0,
    paragraphs: 0,
    headings: 0,
    articleText: 0,
    hidden: 0,
  };
}

/** Rough visible length of a text node: trimmed, inner whitespace runs counted as they are (cheap). */
function visibleLength(data: string): number {
  return data.length === 0 ? 0 : data.trim().length;
}

const WORDS = /[\p{L}\p{N}]+/gu;

export function wordCount(text: string): number {
  return text.match(WORDS)?.length ?? 0;
}

/** A link text that reads like a story headline: several words, not a sentence fragment like "here". */
export function isHeadlineLike(text: string): boolean {
  if (text.length < 18 || text.length > 220) return false;
  const words = wordCount(text);
  return words >= 4 && words <= 35;
}

function addStats(stats: BlockStats, child: BlockStats): void {
  stats.text += child.text;
  stats.linkText += child.linkText;
  stats.links += child.links;
  stats.headlineLinks += child.headlineLinks;
  stats.siteHeadlineLinks += child.siteHeadlineLinks;
  stats.items += child.items;
  stats.forms += child.forms;
  stats.inputs += child.inputs;
  stats.emailInputs += child.emailInputs;
  stats.buttons += child.buttons;
  stats.paragraphs += child.paragraphs;
  stats.headings += child.headings;
  stats.articleText += child.articleText;
  stats.hidden += child.hidden;
}

export class BlockIndex {
  readonly context: DetectionContext;
  readonly stats = new Map<Element, BlockStats>();
  /** Every element under body, in document order. */
  readonly elements: Element[];
  /** The elements under body named a (any namespace, with or without href), in document order. */
  readonly anchors: Element[] = [];
  /** Characters of the extracted article. */
  readonly articleLength: number;
  private texts = new Map<Element, SpacedText>();
  private articleTexts: Set<Text>;

  private siteHost: string;

  constructor(context: DetectionContext, articleTexts: Set<Text>) {
    this.context = context;
    this.siteHost = siteHostOf(context);
    this.articleTexts = articleTexts;
    const body = context.document.body;
    const elements: Element[] = [];
    this.elements = elements;
    // One walk of the tree in document order (elements listed as entered, their stats summed
    // as they are left, so children before parents), with an explicit stack: hostile pages nest
    // deeply. Skipped tags (scripts, SVG, ...) count nothing; their elements count for themselves.
    const open: Element[] = [];
    const openStats: BlockStats[] = [];
    let parentStats: BlockStats | null = null;
    let node: Node | null = body?.firstChild ?? null;
    while (node) {
      const type = node.nodeType;
      if (type === ELEMENT_NODE) {
        const element = node as Element;
        const tag = element.tagName;
        const stats = emptyStats(tag);
        this.stats.set(element, stats);
        elements.push(element);
        if (tag === 'A' || tag === 'a') this.anchors.push(element);
        const first = element.firstChild;
        if (first) {
          open.push(element);
          openStats.push(stats);
          parentStats = SKIP.has(tag) ? null : stats;
          node = first;
          continue;
        }
        this.finish(element, stats);
        if (parentStats) addStats(parentStats, stats);
      } else if (type === TEXT_NODE && parentStats) {
        const length = visibleLength((node as Text).data);
        // Whitespace adds nothing, so only text with length is looked up among the article's.
        if (length > 0) {
          parentStats.text += length;
          if (articleTexts.has(node as Text)) parentStats.articleText += length;
        }
      }
      // On to the next node in document order, leaving each element whose last child this was.
      let next: Node | null = node.nextSibling;
      while (!next && open.length > 0) {
        const element = open.pop() as Element;
        const stats = openStats.pop() as BlockStats;
        const outer = openStats[openStats.length - 1];
        parentStats = outer && !SKIP.has(outer.tag) ? outer : null;
        this.finish(element, stats);
        if (parentStats) addStats(parentStats, stats);
        next = element.nextSibling;
      }
      node = next;
    }
    let articleLength = 0;
    for (const text of articleTexts) articleLength += visibleLength(text.data);
    this.articleLength = articleLength;
  }

  /** The element's own contribution, once its children are summed (nothing for skipped tags). */
  private finish(element: Element, stats: BlockStats): void {
    const tag = stats.tag;
    if (SKIP.has(tag)) {
      stats.hidden = 1;
      return;
    }
    // Lower-case names (XHTML) of the tags whose text is hidden.
    const first = tag.charCodeAt(0);
    if (first >= 97 && first <= 122 && SKIP.has(tag.toUpperCase())) stats.hidden = 1;
    switch (tag) {
      case 'A': {
        // One attribute read: null exactly when the link has no href.
        const href = element.getAttribute('href');
        if (href !== null) {
          stats.linkText = stats.text;
          stats.links += 1;
          // In-page anchors (a table of contents) are not other stories.
          if (!href.startsWith('#') && stats.text >= 18 && stats.text <= 220 && isHeadlineLike(this.text(element))) {
            stats.headlineLinks += 1;
            if (this.isSiteLink(href)) stats.siteHeadlineLinks += 1;
          }
        }
        break;
      }
      case 'LI':
        stats.items += 1;
        break;
      case 'FORM':
        stats.forms += 1;
        break;
      case 'INPUT': {
        const type = (element.getAttribute('type') ?? 'text').toLowerCase();
        if (type !== 'hidden') stats.inputs += 1;
        const name = `${element.getAttribute('name') ?? ''} ${element.getAttribute('placeholder') ?? ''}`;
        if (type === 'email' || /e-?mail/i.test(name)) stats.emailInputs += 1;
        if (type === 'submit' || type === 'button') stats.buttons += 1;
        break;
      }
      case 'BUTTON':
        stats.buttons += 1;
        break;
      case 'P':
        stats.paragraphs += 1;
        break;
      case 'H1':
      case 'H2':
      case 'H3':
      case 'H4':
      case 'H5':
      case 'H6':
        stats.headings += 1;
        break;
    }
  }

  /** Relative links and links to the page's own host (www. aside). */
  isSiteLink(href: string): boolean {
    const match = /^(?:https?:)?\/\/([^/?#:]+)/i.exec(href.trim());
    if (!match) return !/^(mailto|tel|javascript):/i.test(href.trim());
    return !!this.siteHost && registrable(match[1] ?? '') === this.siteHost;
  }

  get(element: Element): BlockStats {
    return this.stats.get(element) ?? emptyStats(element.tagName);
  }

  /** element.tagName, cached for elements under body. */
  tagOf(element: Element): string {
    return this.stats.get(element)?.tag ?? element.tagName;
  }

  /**
   * normalizeSpace(element.textContent), built from the children's cached texts so
   * nested blocks never re-read or re-normalise the same text (iterative: deep trees).
   */
  text(element: Element): string {
    const known = this.texts.get(element);
    if (known) return known.text;
    // One walk of the uncached subtree: each element's children are folded in as they are
    // met, an uncached child element first in full (explicit stack: deep trees).
    const stack: TextFold[] = [newFold(element)];
    while (stack.length > 0) {
      const fold = stack[stack.length - 1] as TextFold;
      let descended = false;
      while (fold.child) {
        const child = fold.child;
        fold.child = child.nextSibling;
        const type = child.nodeType;
        if (type === TEXT_NODE || type === CDATA_NODE) addPart(fold, spacedText((child as CharacterData).data));
        else if (type === ELEMENT_NODE) {
          const known = this.texts.get(child as Element);
          if (known) addPart(fold, known);
          else {
            stack.push(newFold(child as Element));
            descended = true;
            break;
          }
        }
      }
      if (descended) continue;
      stack.pop();
      const done: SpacedText = fold.raw ? { text: fold.text, lead: fold.lead, trail: fold.trail, raw: true } : NONE;
      this.texts.set(fold.element, done);
      const outer = stack[stack.length - 1];
      if (outer) addPart(outer, done);
    }
    return (this.texts.get(element) as SpacedText).text;
  }

  /** index.text(element) when it is already known (no text is read). */
  knownText(element: Element): string | undefined {
    return this.texts.get(element)?.text;
  }

  /** Share of the block's text that sits in links. */
  linkDensity(element: Element): number {
    const stats = this.get(element);
    return stats.text === 0 ? 0 : stats.linkText / stats.text;
  }

  /** True when the element holds text Readability kept (so flagging it changes cleanText). */
  inArticle(element: Element): boolean {
    return this.get(element).articleText > 0;
  }

  /** True for text nodes Readability kept. */
  isArticleText(text: Text): boolean {
    return this.articleTexts.has(text);
  }

  /** Share of the article's text inside this block: a guard against flagging the article itself. */
  articleShare(element: Element): number {
    return this.articleLength === 0 ? 0 : this.get(element).articleText / this.articleLength;
  }
}

/** A normalised text plus what normalising dropped at its edges, enough to join it to its neighbours exactly. */
interface SpacedText {
  text: string;
  /** The raw text starts (ends) with whitespace; for whitespace-only text both are true. */
  lead: boolean;
  trail: boolean;
  /** The raw text was not empty. */
  raw: boolean;
}

const SPACE = /\s/;
const NONE: SpacedText = { text: '', lead: false, trail: false, raw: false };

/** SPACE.test for one UTF-16 unit, without the regex for ASCII. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return SPACE.test(String.fromCharCode(code));
}

function spacedText(data: string): SpacedText {
  if (data.length === 0) return NONE;
  return {
    text: normalizeSpace(data),
    lead: isSpace(data.charCodeAt(0)),
    trail: isSpace(data.charCodeAt(data.length - 1)),
    raw: true,
  };
}

/** normalizeSpace of the concatenated raw texts of an element's children, folded in one child at a time. */
interface TextFold {
  element: Element;
  /** The next child to fold in. */
  child: ChildNode | null;
  text: string;
  /** The text so far ends in whitespace that normalising dropped. */
  space: boolean;
  lead: boolean;
  trail: boolean;
  raw: boolean;
}

function newFold(element: Element): TextFold {
  return { element, child: element.firstChild, text: '', space: false, lead: false, trail: false, raw: false };
}

function addPart(fold: TextFold, part: SpacedText): void {
  if (!part.raw) return;
  if (!fold.raw) fold.lead = part.lead;
  fold.raw = true;
  fold.trail = part.trail;
  if (part.text === '') {
    fold.space = true;
    return;
  }
  if (fold.text !== '' && (fold.space || part.lead)) fold.text += ' ';
  fold.text += part.text;
  fold.space = part.trail;
}

/** A host without its www. prefix; other subdomains count as other sites (a blog's bug tracker is not its archive). */
function registrable(host: string): string {
  return host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\d?\./, '');
}

/** The site's host: canonical or og:url first (saved pages often carry a placeholder URL), then the page URL. */
function siteHostOf(context: DetectionContext): string {
  const document = context.document;
  const declared =
    firstWithAttribute(document, 'link', 'rel', 'canonical')?.getAttribute('href') ??
    firstWithAttribute(document, 'meta', 'property', 'og:url')?.getAttribute('content') ??
    context.options.url ??
    document.URL;
  let host = '';
  try {
    host = registrable(new URL(declared ?? '', document.URL).hostname);
  } catch {
    host = '';
  }
  return host || linkedHost(document);
}

/**
 * A page saved to disk (a file: URL, no canonical link) still links mostly to its own
 * site: the host of at least a third of its absolute links (and 3 or more), else none.
 */
function linkedHost(document: Document): string {
  const counts = new Map<string, number>();
  let total = 0;
  for (const link of Array.from(document.getElementsByTagName('a'))) {
    const match = /^\s*https?:\/\/([^/?#:\s]+)/i.exec(link.getAttribute('href') ?? '');
    if (!match) continue;
    const host = registrable(match[1] ?? '');
    counts.set(host, (counts.get(host) ?? 0) + 1);
    total++;
  }
  let best = '';
  let most = 0;
  for (const [host, count] of counts) {
    if (count > most) {
      best = host;
      most = count;
    }
  }
  return most >= 3 && most * 3 >= total ? best : '';
}

/**
 * document.querySelector(`${tag}[${name}="${value}"]`) without jsdom's slow selector engine.
 * A value equal to the wanted one only up to case would make the answer depend on the
 * selector's case rules, so that rare page goes through querySelector itself.
 */
export function firstWithAttribute(document: Document, tag: string, name: string, value: string): Element | null {
  for (const element of Array.from(document.getElementsByTagName(tag))) {
    const attribute = element.getAttribute(name);
    if (attribute === null || attribute.length !== value.length) continue;
    if (attribute === value) return element;
    if (attribute.toLowerCase() === value) return document.querySelector(`${tag}[${name}="${value}"]`);
  }
  return null;
}

const cache = new WeakMap<DetectionContext, BlockIndex>();
const registered = new WeakMap<DetectionContext, Set<Text>>();

/** The pipeline hands over the live text nodes Readability kept (exact, no text matching needed). */
export function setArticleTextNodes(context: DetectionContext, nodes: Iterable<Text>): void {
  registered.set(context, new Set(nodes));
}

/** The shared index for one analysis, built once and reused by every clutter detector. */
export function blockIndex(context: DetectionContext): BlockIndex {
  let index = cache.get(context);
  if (!index) {
    index = new BlockIndex(context, registered.get(context) ?? articleTextNodes(context));
    cache.set(context, index);
  }
  return index;
}

/** Fallback when the pipeline did not register the nodes: text directly inside holders of article text. */
function articleTextNodes(context: DetectionContext): Set<Text> {
  const found = new Set<Text>();
  const root = context.articleRoot;
  if (!root) return found;
  const walker = context.document.createTreeWalker(root, 0x4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && context.holdsArticleText(parent) && (node as Text).data.trim()) found.add(node as Text);
  }
  return found;
}

/** Lower-case class and id tokens, split at separators and camelCase. */
export function attributeTokens(element: Element): readonly string[] {
  const raw = `${element.getAttribute('class') ?? ''} ${element.id ?? ''}`;
  if (raw.length < 2) return [];
  let tokens = tokenCache.get(raw);
  if (!tokens) {
    tokens = raw
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    // Keyed by the attribute text, so a changed class can never hit a stale entry; bounded for long-lived pages.
    if (tokenCache.size >= 4096) tokenCache.clear();
    tokenCache.set(raw, tokens);
  }
  return tokens;
}

const tokenCache = new Map<string, string[]>();

export function hasToken(element: Element, pattern: RegExp): boolean {
  const tokens = attributeTokens(element);
  return tokens.some((token) => pattern.test(token));
}

export function role(element: Element): string {
  return (element.getAttribute('role') ?? '').toLowerCase();
}

/** Nearest ancestor (inclusive) matching the test, up to `depth` levels. */
export function closest(element: Element, test: (element: Element) => boolean, depth = 12): Element | null {
  let current: Element | null = element;
  for (let level = 0; current && level < depth; level++, current = current.parentElement) {
    if (test(current)) return current;
  }
  return null;
}

/** The heading text just before a block or as its first child: "Most read", "Related". */
export function blockHeading(index: BlockIndex, element: Element): string {
  const first = element.firstElementChild;
  if (first && /^H[1-6]$/.test(first.tagName)) return index.text(first).slice(0, 80);
  if (first && index.get(first).text <= 60 && index.get(first).links === 0 && first.tagName !== 'LI') {
    return index.text(first).slice(0, 80);
  }
  let previous = element.previousElementSibling;
  for (let steps = 0; previous && steps < 2; steps++, previous = previous.previousElementSibling) {
    const stats = index.get(previous);
    if (stats.text === 0) continue;
    if (stats.text <= 60) return index.text(previous).slice(0, 80);
    break;
  }
  return '';
}

/** Below this score a verdict is not a flag. */
const MIN_FLAG_SCORE = 0.5;

/**
 * Judges the page's elements in document order and flags those with a verdict. A flagged
 * block's inner elements are not judged: they would lose to it in the merge anyway, and on
 * pages with big menus and footers that is most of the work.
 */
export function outermostBlocks(
  index: BlockIndex,
  kind: FlagKind,
  judge: (element: Element) => Omit<DetectedBlock, 'element' | 'kind'> | null,
): DetectedBlock[] {
  const blocks: DetectedBlock[] = [];
  const { elements } = index;
  for (let at = 0; at < elements.length; at++) {
    const element = elements[at] as Element;
    const verdict = judge(element);
    if (!verdict || verdict.score < MIN_FLAG_SCORE) continue;
    blocks.push({ element, kind, ...verdict });
    // Document order keeps a subtree together: skip to the first element after this one's.
    while (at + 1 < elements.length && element.contains(elements[at + 1] as Element)) at++;
  }
  return blocks;
}
