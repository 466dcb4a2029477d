/**
 * The one-line baseline the clutter evaluation prints beside ours: every block on a
 * line of its own whose text is more than 30 % link text is related clutter (outermost
 * block wins), and nothing else is flagged. It runs through the same pipeline, with
 * the clutter detectors swapped out for the duration of one call.
 */
import { blockIndex, outermostBlocks } from '../../utils/clutter/blocks.ts';
import { isBlockUnit } from '../../utils/clutter/boilerplate.ts';
import type { DetectedBlock, DetectionContext, Detector } from '../../utils/detectors.ts';
import { DETECTORS } from '../../utils/registry.ts';

export const LINK_RATIO = 0.3;

function linkRatioBlocks(context: DetectionContext): DetectedBlock[] {
  const index = blockIndex(context);
  return outermostBlocks(index, 'related', (element) => {
    const stats = index.get(element);
    if (stats.links === 0 || stats.text === 0 || index.articleShare(element) > 0.3) return null;
    if (!isBlockUnit(index, element) || index.linkDensity(element) <= LINK_RATIO) return null;
    return { category: 'story-list', score: 1, reasons: ['link text ratio > 0.3'] };
  });
}

/** Runs fn with the clutter detectors replaced by the link-ratio rule. */
export function withLinkRatioRule<T>(fn: () => T): T {
  const saved = new Map<Detector, Detector['detect']>();
  let first = true;
  for (const detector of DETECTORS) {
    if (detector.name === 'clickbait') continue;
    saved.set(detector, detector.detect);
    const ruleOnce = first;
    first = false;
    (detector as { detect: Detector['detect'] }).detect = (context) => (ruleOnce ? linkRatioBlocks(context) : []);
  }
  try {
    return fn();
  } finally {
    for (const [detector, detect] of saved) (detector as { detect: Detector['detect'] }).detect = detect;
  }
}
