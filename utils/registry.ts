/**
 * The one registry of detectors. The pipeline merges their blocks (outermost clutter
 * block wins, clickbait teasers are kept). The boilerplate rules read the classifier's
 * related blocks (found once per page) to tell related links from page chrome (navigation, header, footer).
 */
import { clickbaitDetector, judgePageHeadline } from './clickbait/index.ts';
import { blockModelDetector } from './clutter/block-model.ts';
import { withRelatedSplit } from './clutter/block-split.ts';
import { boilerplateDetector } from './clutter/boilerplate.ts';
import type { DetectionContext, Detector } from './detectors.ts';
import type { HeadlineVerdict } from './report.ts';

export const DETECTORS: readonly Detector[] = [
  clickbaitDetector,
  blockModelDetector,
  withRelatedSplit(boilerplateDetector),
];

/** Scores the article's headline; filled by the clickbait model. */
export function judgeHeadline(text: string, context: DetectionContext): HeadlineVerdict | null {
  return judgePageHeadline(text, context);
}
