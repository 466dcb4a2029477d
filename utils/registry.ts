/**
 * The one registry of detectors. Order does not matter: the pipeline merges
 * their blocks (outermost clutter block wins, clickbait teasers are kept).
 */
import { clickbaitDetector, judgePageHeadline } from './clickbait/index.ts';
import { boilerplateDetector } from './clutter/boilerplate.ts';
import { relatedDetector } from './clutter/related.ts';
import type { DetectionContext, Detector } from './detectors.ts';
import type { HeadlineVerdict } from './report.ts';

export const DETECTORS: readonly Detector[] = [clickbaitDetector, boilerplateDetector, relatedDetector];

/** Scores the article's headline; filled by the clickbait model. */
export function judgeHeadline(text: string, context: DetectionContext): HeadlineVerdict | null {
  return judgePageHeadline(text, context);
}
