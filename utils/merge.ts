/** Block merging: the detectors' blocks become one flag per element, outermost clutter block wins. */
import type { DetectedBlock } from './detectors.ts';

/** One flag per element, outermost block wins, in document order. */
export function mergeBlocks(blocks: DetectedBlock[]): DetectedBlock[] {
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
