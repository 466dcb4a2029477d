/**
 * The detector interface and registry. A detector reads the live DOM (never
 * mutates it) with the help of the extraction context and returns blocks; the
 * pipeline in analyze.ts turns blocks into report flags. Adding a detector is
 * one module plus one line in DETECTORS.
 */
import type { ArticleInfo, FlagKind } from './report.ts';

export interface AnalyzeOptions {
  /** The page's URL (the CLI passes --url; defaults to document.URL). */
  url?: string;
  /** Extract even when the page does not look like an article. */
  force?: boolean;
  /** Clickbait verdict threshold, 0..1 (default 0.5). */
  clickbaitThreshold?: number;
  /** Above this many elements the page is reported as too large (default 60 000). */
  maxElements?: number;
}

export interface DetectionContext {
  /** The live page, read-only. */
  document: Document;
  options: Required<Pick<AnalyzeOptions, 'clickbaitThreshold'>> & AnalyzeOptions;
  /** The extracted article, or null when extraction found none. */
  article: ArticleInfo | null;
  /** Two-letter language code of the page or article ("en" when unknown). */
  lang: string;
  /** Lowest live element that holds all the extracted article's text, or null. */
  articleRoot: Element | null;
  /** True when the live element contains text that Readability kept in the article. */
  holdsArticleText(element: Element): boolean;
  /** The element that carries the article's headline (its h1), if any. */
  headlineElement: Element | null;
  /** The headline text: h1, else og:title, else Readability's title. */
  headlineText: string | null;
}

export interface DetectedBlock {
  /** Live element to flag. */
  element: Element;
  kind: FlagKind;
  category: string;
  reasons: string[];
  score: number;
}

export interface Detector {
  name: string;
  detect(context: DetectionContext): DetectedBlock[];
}
