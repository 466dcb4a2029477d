/**
 * The split of link clutter into related links and page chrome (navigation, header, footer); the boilerplate rules
 * see a rail or a footer row as a menu; when most of that block's text is in blocks the
 * classifier calls links to other stories, the block is related content, not chrome
 * (a reader clicking "Most read" leaves for another story, not for a section page).
 */
import type { DetectedBlock, DetectionContext, Detector } from '../detectors.ts';
import { relatedBlocks } from './block-model.ts';
import { blockIndex } from './blocks.ts';

/** Share of a boilerplate block's text that related verdicts inside it must hold to make it related. */
export const RELATED_SHARE = 0.6;

/** Categories that are page chrome by their links alone, so related links inside them can outweigh them. */
const LINK_CHROME = new Set(['navigation', 'site-header', 'site-footer']);

/** Boilerplate blocks whose text is mostly related links become related blocks (same element). */
export function splitRelated(
  context: DetectionContext,
  boilerplate: DetectedBlock[],
  related: readonly DetectedBlock[],
): DetectedBlock[] {
  if (related.length === 0) return boilerplate;
  const index = blockIndex(context);
  return boilerplate.map((block) => {
    if (!LINK_CHROME.has(block.category)) return block;
    const total = index.get(block.element).text;
    let covered = 0;
    let first: DetectedBlock | null = null;
    for (const inner of related) {
      if (inner.element !== block.element && !block.element.contains(inner.element)) continue;
      covered += index.get(inner.element).text;
      first ??= inner;
    }
    if (!first || total === 0 || covered < total * RELATED_SHARE) return block;
    const share = Math.round((100 * covered) / total);
    return {
      element: block.element,
      kind: 'related',
      category: first.category,
      score: first.score,
      reasons: [...first.reasons, `${share} % of this block is links to other stories (${block.reasons[0] ?? ''})`],
    };
  });
}

/** A boilerplate detector whose link chrome holding mostly related links is reported as related. */
export function withRelatedSplit(detector: Detector): Detector {
  return {
    name: detector.name,
    detect(context) {
      return splitRelated(context, detector.detect(context), relatedBlocks(context));
    },
  };
}
