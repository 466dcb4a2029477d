/** The report's article: the extraction's metadata and text, tidied (byline, date, language, reading time). */
import { articleSegments, type Extraction, segmentsText } from './extract.ts';
import { pageLanguage } from './language.ts';
import { fixBylineAndDate } from './metadata.ts';
import type { ArticleInfo } from './report.ts';
import { countWords, normalizeSpace, readingMinutes } from './text.ts';

export function articleInfo(extraction: Extraction, document: Document): ArticleInfo {
  const text = segmentsText(articleSegments(extraction));
  const lang = pageLanguage(extraction.lang ?? document.documentElement?.lang, text) || null;
  const { byline, publishedTime } = fixBylineAndDate(extraction.byline, extraction.publishedTime);
  const wordCount = countWords(text);
  return {
    title: normalizeSpace(extraction.title),
    byline,
    siteName: extraction.siteName ? normalizeSpace(extraction.siteName) : null,
    publishedTime,
    lang,
    dir: extraction.dir,
    excerpt: extraction.excerpt ? normalizeSpace(extraction.excerpt) : null,
    wordCount,
    readingMinutes: readingMinutes(wordCount, lang),
    text,
  };
}
