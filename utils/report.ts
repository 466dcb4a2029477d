/**
 * The PageReport: the one plain-data result of analysing a page. It is what the
 * CLI prints, what the content script sends to the popup and what the
 * benchmarks score, so every field here is a contract: extend, never rename.
 */

export type FlagKind = 'clickbait' | 'boilerplate' | 'related';
export const FLAG_KINDS: readonly FlagKind[] = ['clickbait', 'boilerplate', 'related'];

export interface Flag {
  /** Stable within one report; the content script maps it back to a live element. */
  id: string;
  kind: FlagKind;
  /** Finer label, e.g. "newsletter", "share", "read-more", "headline", "teaser". */
  category: string;
  /** The flagged block's visible text, whitespace-normalised (may be shortened). */
  text: string;
  /** Plain-language reasons, strongest first. */
  reasons: string[];
  /** 0..1, how sure the detector is. */
  score: number;
  /** True when the block lies inside the article Readability extracted. */
  insideArticle: boolean;
}

export interface ArticleInfo {
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601 date or date-time, as given by the page. */
  publishedTime: string | null;
  lang: string | null;
  dir: string | null;
  excerpt: string | null;
  wordCount: number;
  readingMinutes: number;
  text: string;
}

export interface HeadlineVerdict {
  text: string;
  /** null when the headline was not scored (language the model does not know). */
  score: number | null;
  clickbait: boolean;
  reasons: string[];
  /** Why there is no score, e.g. "language". */
  notScored?: string;
  /**
   * "Saved you a click": the span of the article (at most 60 words) that answers what a clickbait
   * headline withholds, or null when the article does not answer it (`spoilerReason` says why).
   * Absent when the headline is not clickbait. Made where the report is read (`withSpoiler`: the
   * CLI, the popup), not in the page-load analysis.
   */
  spoiler?: SpoilerInfo | null;
  /** Why `spoiler` is null: "no-article", "no-answer", "language" or "no-headline". */
  spoilerReason?: string;
}

/** A spoiler, in the SemEval-2023 Task 5 types. */
export interface SpoilerInfo {
  text: string;
  type: 'phrase' | 'passage' | 'multi';
  /** 0..1, how sure the ranker is. */
  score: number;
  /**
   * A list answer's items, each as the article has it (its first words), in order, or an answer's two
   * places in the article (the best span and the runner-up sentence); `text` joins them.
   */
  parts?: string[];
}

/** Why an analysis is partial; the popup turns these into plain words. */
export type ReportNotice = 'page-too-large' | 'not-html' | 'no-article' | 'analysed-in-page';

export interface PageReport {
  url: string;
  readerable: boolean;
  article: ArticleInfo | null;
  headline: HeadlineVerdict | null;
  flags: Flag[];
  /** The article text without the flagged blocks. */
  cleanText: string;
  /**
   * Extractive summary of cleanText, a few sentences. `analyzePage` (CLI) fills it; the content
   * script's `analyzeDocument` leaves it empty and the popup fills it (`withSummary`).
   */
  summary: string[];
  notices: ReportNotice[];
  /**
   * In the browser: flags the analysis made on its copy of the page whose element is gone from the
   * live page, or whose text changed meanwhile (left out of `flags`). Absent where nothing was moved.
   */
  flagsDropped?: number;
}
