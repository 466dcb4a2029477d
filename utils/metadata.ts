/**
 * Fixes to Readability's metadata. Readability sometimes takes a dateline for
 * the byline ("Saturday, 10 Jun 2023", "By Jane Doe March 25, 2015"): a date is
 * never an author, so it is cut out of the byline, and it is a fair publication
 * date when the page gives none.
 */
import { DATELINE_WORDS, MONTHS, monthNumber, WEEKDAYS } from './calendar.ts';
import { normalizeSpace } from './text.ts';

const MONTH_NAME = `(${MONTHS})\\.?`;
const DATE_WORD = `(?:${WEEKDAYS}|${DATELINE_WORDS})\\.?`;

const DAY_MONTH_YEAR = `(\\d{1,2})(?:st|nd|rd|th|er)?\\.?\\s+(?:de\\s+)?${MONTH_NAME},?\\s+(?:de\\s+)?(\\d{4})`;
const MONTH_DAY_YEAR = `${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`;
const ISO = '(\\d{4})-(\\d{2})-(\\d{2})(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?)?';
const NUMERIC = '(\\d{1,2})[./](\\d{1,2})[./](\\d{4})';
const TIME =
  '\\d{1,2}[:.h]\\d{2}(?:\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|uhr|h))?|\\d{1,2}\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|uhr)';
const SEPARATOR = '[\\s,.:;|·•/()–—-]*';
const ANY_DATE = `(?:${ISO}|${DAY_MONTH_YEAR}|${MONTH_DAY_YEAR}|${NUMERIC})`;
/** A date with the words and times around it: the part of a byline that is not a name. */
const DATE_SPAN = new RegExp(
  `(?:(?<![\\p{L}\\p{N}])${DATE_WORD}(?![\\p{L}\\p{N}])${SEPARATOR})*(?<![\\p{L}\\p{N}])${ANY_DATE}(?![\\p{L}\\p{N}])` +
    `(?:${SEPARATOR}(?<![\\p{L}\\p{N}])(?:${DATE_WORD}|${TIME})(?![\\p{L}\\p{N}]))*`,
  'giu',
);

function pattern(source: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, 'iu');
}
const ISO_RE = pattern(ISO);
const DAY_MONTH_YEAR_RE = pattern(DAY_MONTH_YEAR);
const MONTH_DAY_YEAR_RE = pattern(MONTH_DAY_YEAR);
const NUMERIC_RE = pattern(NUMERIC);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDate(year: string, month: number, day: number): string | null {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** The calendar date a text names, as YYYY-MM-DD, or null. */
export function parseDate(text: string): string | null {
  let match = ISO_RE.exec(text);
  if (match?.[1] && match[2] && match[3]) {
    const date = validDate(match[1], Number(match[2]), Number(match[3]));
    if (date) return date;
  }
  match = DAY_MONTH_YEAR_RE.exec(text);
  if (match?.[1] && match[2] && match[3]) {
    const date = validDate(match[3], monthNumber(match[2]) ?? 0, Number(match[1]));
    if (date) return date;
  }
  match = MONTH_DAY_YEAR_RE.exec(text);
  if (match?.[1] && match[2] && match[3]) {
    const date = validDate(match[3], monthNumber(match[1]) ?? 0, Number(match[2]));
    if (date) return date;
  }
  match = NUMERIC_RE.exec(text);
  if (match?.[1] && match[2] && match[3]) return validDate(match[3], Number(match[2]), Number(match[1]));
  return null;
}

/** The text with every date (and the words and times that go with it) taken out. */
export function withoutDates(text: string): string {
  return normalizeSpace(text.replace(DATE_SPAN, ' ')).replace(/^[\s,;:|·•/–—-]+|[\s,;:|·•/–—-]+$/g, '');
}

/** True when the text is a date (and maybe a time), with no name in it. */
export function isDateOnly(text: string): boolean {
  return parseDate(text) !== null && !/[\p{L}\p{N}]/u.test(withoutDates(text));
}

export interface BylineAndDate {
  byline: string | null;
  publishedTime: string | null;
}

export function fixBylineAndDate(
  byline: string | null | undefined,
  publishedTime: string | null | undefined,
): BylineAndDate {
  const cleanByline = byline ? normalizeSpace(byline) : '';
  const published = publishedTime ? publishedTime.trim() : '';
  const date = cleanByline ? parseDate(cleanByline) : null;
  if (!date) return { byline: cleanByline || null, publishedTime: published || null };
  // "By Jane Doe, March 25, 2015": keep the name, move the date.
  const name = withoutDates(cleanByline);
  return {
    byline: /\p{L}/u.test(name) ? name : null,
    publishedTime: published || date,
  };
}
