/**
 * The one registry of detectors. Order does not matter: the pipeline merges
 * their blocks (outermost clutter block wins, clickbait teasers are kept).
 */
import { clickbaitDetector, judgePageHeadline } from './clickbait/index.ts';
import { blockModelDetector } from './clutter/block-model.ts';
import { boilerplateDetector } from './clutter/boilerplate.ts';
import type { DetectionContext, Detector } from './detectors.ts';
import type { HeadlineVerdict } from './report.ts';

export const DETECTORS: readonly Detector[] = [clickbaitDetector, boilerplateDetector, blockModelDetector];

/** Scores the article's headline; filled by the clickbait model. */
export function judgeHeadline(text: string, context: DetectionContext): HeadlineVerdict | null {
  return judgePageHeadline(text, context);
}
