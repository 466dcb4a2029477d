/**
 * The analysis pipeline, step by step: guards, extraction, the detection
 * context, every registered detector, block merging, flags, clean text and the
 * headline verdict. Pure: it takes a Document and returns plain data, so it runs
 * the same in the extension, in jsdom tests and in the CLI.
 */
import { isProbablyReaderable } from '@mozilla/readability';
import { articleInfo } from './article.ts';
import { cleanArticleText } from './clean-text.ts';
import { detectionContext } from './context.ts';
import type { AnalyzeOptions } from './detectors.ts';
import { type Extraction, extractArticle } from './extract.ts';
import { toFlags } from './flags.ts';
import { mergeBlocks } from './merge.ts';
import { DETECTORS, judgeHeadline } from './registry.ts';
import type { PageReport, ReportNotice } from './report.ts';
import { withSpoiler } from './spoiler/index.ts';
import { withSummary } from './summary.ts';

export { DEFAULT_CLICKBAIT_THRESHOLD } from './context.ts';
export const DEFAULT_MAX_ELEMENTS = 60_000;

export interface Analysis {
  report: PageReport;
  /** Flag id -> the element it points at (not serialisable; stays with the document analysed). */
  targets: Map<string, Element>;
}

/** The whole report, summary and spoiler included (CLI, tests). */
export function analyzePage(document: Document, options: AnalyzeOptions = {}): PageReport {
  return withSpoiler(withSummary(analyzeDocument(document, options).report));
}

/** The analysis run on page load: everything but the summary (see withSummary). */
export function analyzeDocument(document: Document, options: AnalyzeOptions = {}): Analysis {
  const url = options.url ?? document.URL ?? '';
  const notices: ReportNotice[] = [];
  const empty = (readerable: boolean): Analysis => ({
    report: { url, readerable, article: null, headline: null, flags: [], cleanText: '', summary: [], notices },
    targets: new Map(),
  });

  // 1. Guards: only HTML, only up to a size.
  const contentType = document.contentType ?? 'text/html';
  if (!/html|xml/i.test(contentType) || !document.body) {
    notices.push('not-html');
    return empty(false);
  }
  const maxElements = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
  if (document.getElementsByTagName('*').length > maxElements) {
    notices.push('page-too-large');
    return empty(false);
  }

  // 2. Extraction (Readability on a clone, mapped back to this document's text nodes).
  const readerable = isProbablyReaderable(document);
  let extraction: Extraction | null = null;
  try {
    extraction = readerable || options.force ? extractArticle(document, maxElements) : null;
  } catch (error) {
    // Trees nested thousands deep overflow the stack of recursive DOM code (jsdom's
    // cloneNode, parts of Readability): that is a page too large, not a crash.
    if (!(error instanceof RangeError)) throw error;
    notices.push('page-too-large');
    return empty(readerable);
  }
  if (!extraction) notices.push('no-article');
  const article = extraction ? articleInfo(extraction, document) : null;

  // 3. Detection: context, every detector, one block per element.
  const context = detectionContext(document, options, extraction, article);
  const blocks = mergeBlocks(DETECTORS.flatMap((detector) => detector.detect(context)));

  // 4. The report: flags, clean text, headline verdict.
  const { flags, targets } = toFlags(blocks, context);
  const cleanText = extraction && article ? cleanArticleText(extraction, blocks, url, article.text) : '';
  const headline = context.headlineText ? judgeHeadline(context.headlineText, context) : null;
  return {
    report: { url, readerable, article, headline, flags, cleanText, summary: [], notices },
    targets,
  };
}
