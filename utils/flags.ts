/** Report flags from merged blocks: plain data, plus the live element each one points at. */
import { type BlockIndex, blockIndex } from './clutter/blocks.ts';
import type { DetectedBlock, DetectionContext } from './detectors.ts';
import type { Flag } from './report.ts';
import { normalizeSpace } from './text.ts';

const MAX_FLAG_TEXT = 600;
/** A related list is its headlines: the flag holds all of them, up to this many characters. */
const MAX_RELATED_FLAG_TEXT = 4000;

/** Flags f1, f2, ... in the blocks' order, and flag id -> element. */
export function toFlags(
  blocks: DetectedBlock[],
  context: DetectionContext,
): { flags: Flag[]; targets: Map<string, Element> } {
  const targets = new Map<string, Element>();
  const pageIndex = blockIndex(context);
  const flags: Flag[] = blocks.map((block, index) => {
    const id = `f${index + 1}`;
    targets.set(id, block.element);
    return {
      id,
      kind: block.kind,
      category: block.category,
      text: flagText(pageIndex, block.element, block.kind === 'related' ? MAX_RELATED_FLAG_TEXT : MAX_FLAG_TEXT),
      reasons: block.reasons,
      score: Math.round(block.score * 1000) / 1000,
      insideArticle: context.holdsArticleText(block.element),
    };
  });
  return { flags, targets };
}

/**
 * leadingText(element, max), read off the block index where it holds the same text: no hidden
 * element inside, and the block's text already built by a detector or short (a long block's
 * full text is not built just to cut it).
 */
function flagText(index: BlockIndex, element: Element, max: number): string {
  const stats = index.stats.get(element);
  if (stats && stats.hidden === 0) {
    const known = index.knownText(element) ?? (stats.text <= max ? index.text(element) : undefined);
    if (known !== undefined) return known.slice(0, max);
  }
  return leadingText(element, max);
}

/** Elements whose text a reader never sees (the extension's slimmed copy leaves them out too). */
const HIDDEN_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

/** Whitespace as normalizeSpace sees it (\s), without the regex for ASCII. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(String.fromCharCode(code));
}

/**
 * The block's visible text, normalizeSpace'd and cut at `max`: the text of script, style,
 * noscript, template and SVG elements is left out (as in utils/address.ts), so a saved page's flag says what the reader
 * sees (as the extension's slimmed copy does). Reads only as much text as that needs, and
 * normalises each stretch of raw text once (in chunks of about `max` characters).
 */
export function leadingText(element: Element, max: number): string {
  // The normalised text so far, and whether the raw text folded into it ended in whitespace.
  let text = '';
  let space = false;
  let raw = '';
  const fold = () => {
    const part = normalizeSpace(raw);
    if (part === '') space = true;
    else {
      if (text !== '' && (space || isSpace(raw.charCodeAt(0)))) text += ' ';
      text += part;
      space = isSpace(raw.charCodeAt(raw.length - 1));
    }
    raw = '';
  };
  let node: Node | null = element.firstChild;
  while (node && node !== element) {
    const type = node.nodeType;
    let descend = false;
    if (type === 3 || type === 4) {
      raw += (node as CharacterData).data;
      if (raw.length >= max) {
        fold();
        // Once the normalised prefix holds `max` characters, the rest cannot change them.
        if (text.length >= max) return text.slice(0, max);
      }
    } else if (type === 1) descend = !HIDDEN_TEXT.has((node as Element).tagName.toUpperCase());
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== element && !node.nextSibling) node = node.parentNode;
    if (node && node !== element) node = node.nextSibling;
  }
  if (raw !== '') fold();
  return text.slice(0, max);
}
