/**
 * Addresses of elements across two copies of one page: a child-index path from
 * <html> plus a short fingerprint of the element's text. The analysis finds the
 * element in its parsed copy; the page resolves the path on its live tree and
 * keeps the flag only when the fingerprint still matches.
 */
import type { Analysis } from './analyze.ts';
import type { PageReport } from './report.ts';
import { normalizeSpace } from './text.ts';

export interface ElementAddress {
  /** Element-child indices from <html> down (empty: <html> itself). */
  path: number[];
  /** Lower-case tag name. */
  tag: string;
  /** The first FINGERPRINT_CHARS of the element's readable text, whitespace-normalised. */
  text: string;
}

export const FINGERPRINT_CHARS = 48;
export const MAX_PATH_DEPTH = 4096;
/** Text that the serialised copy does not carry (see serialize.ts) and so cannot fingerprint; HTML and XHTML names. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg'].flatMap((tag) => [tag, tag.toUpperCase()]));

/** The element's readable text, up to `max` normalised characters (script, style and SVG text left out). */
export function fingerprintText(element: Element, max = FINGERPRINT_CHARS): string {
  let raw = '';
  // Whitespace collapses, so the text read so far is normalised to see whether it is enough,
  // each time it has doubled: indented markup costs no repeated normalising.
  let checkAt = max * 4;
  const visit = (node: Node): boolean => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        raw += (child as Text).data;
        if (raw.length > checkAt) {
          if (normalizeSpace(raw).length >= max) return true;
          checkAt = raw.length * 2;
        }
      } else if (child.nodeType === 1 && !SKIPPED.has((child as Element).tagName)) {
        if (visit(child)) return true;
      }
    }
    return false;
  };
  visit(element);
  return normalizeSpace(raw).slice(0, max);
}

/** The address of an element of `document`, or null when it is not under <html>. */
export function addressOf(element: Element): ElementAddress | null {
  const root = element.ownerDocument.documentElement;
  const path: number[] = [];
  let node: Element = element;
  while (node !== root) {
    const parent: Element | null = node.parentElement;
    if (!parent) return null;
    let index = 0;
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) index++;
    path.push(index);
    node = parent;
  }
  path.reverse();
  return { path, tag: element.localName.toLowerCase(), text: fingerprintText(element) };
}

/** The live element at an address, or null when it is gone or its text changed. */
export function resolveAddress(document: Document, address: ElementAddress): Element | null {
  let node: Element | null = document.documentElement;
  for (const index of address.path) {
    node = node?.children[index] ?? null;
    if (!node) return null;
  }
  if (!node || node.localName.toLowerCase() !== address.tag) return null;
  return fingerprintText(node) === address.text ? node : null;
}

/** Validates an address received in a message. */
export function parseAddress(value: unknown): ElementAddress | null {
  if (typeof value !== 'object' || value === null) return null;
  const { path, tag, text } = value as Record<string, unknown>;
  if (!Array.isArray(path) || path.length > MAX_PATH_DEPTH) return null;
  if (!path.every((index) => Number.isInteger(index) && index >= 0 && index < 1_000_000)) return null;
  if (typeof tag !== 'string' || !/^[a-z][a-z0-9-]{0,63}$/.test(tag)) return null;
  if (typeof text !== 'string' || text.length > FINGERPRINT_CHARS) return null;
  return { path: path as number[], tag, text };
}

/** Keeps the flags whose address resolves on the live page; counts the others. */
export function resolveFlags(
  document: Document,
  report: PageReport,
  addresses: Record<string, ElementAddress>,
): Analysis {
  const targets = new Map<string, Element>();
  const flags = report.flags.filter((flag) => {
    const address = addresses[flag.id];
    const element = address ? resolveAddress(document, address) : null;
    if (element) targets.set(flag.id, element);
    return element !== null;
  });
  return { report: { ...report, flags, flagsDropped: report.flags.length - flags.length }, targets };
}
