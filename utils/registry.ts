/**
 * The one registry of detectors. Order does not matter: the pipeline merges
 * their blocks (outermost clutter block wins, clickbait teasers are kept).
 */
import type { DetectionContext, Detector } from './detectors.ts';
import type { HeadlineVerdict } from './report.ts';

export const DETECTORS: readonly Detector[] = [];

/** Scores the article's headline; filled by the clickbait model. */
export function judgeHeadline(_text: string, _context: DetectionContext): HeadlineVerdict | null {
  return null;
}
