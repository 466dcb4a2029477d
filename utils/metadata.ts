/**
 * Fixes to Readability's metadata. Readability sometimes takes a dateline for
 * the byline ("Saturday, 10 Jun 2023"): a date is never an author, and it is a
 * fair publication date when the page gives none.
 */
import { normalizeSpace } from './text.ts';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  januar: 1,
  jänner: 1,
  februar: 2,
  märz: 3,
  mai: 5,
  juni: 6,
  juli: 7,
  oktober: 10,
  dezember: 12,
  janvier: 1,
  février: 2,
  mars: 3,
  avril: 4,
  juin: 6,
  juillet: 7,
  août: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
};
const MONTH_NAME = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-zäéû]*\\.?';
const WEEKDAY = '(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?|(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)';

const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+${MONTH_NAME},?\\s+(\\d{4})\\b`, 'i');
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const NUMERIC = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/;
const TIME = /\b\d{1,2}[:.]\d{2}\s*(am|pm|uhr|h)?\b/i;
const DATE_WORDS = new RegExp(
  `^(${WEEKDAY}|${MONTH_NAME}|updated|published|posted|aktualisiert|veröffentlicht|stand|on|at|am|um|le|el|\\d+(st|nd|rd|th)?|gmt|bst|utc|cet|cest|est|edt|pst|am|pm|uhr|[,.:/|–—-])$`,
  'i',
);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)];
}

/** The calendar date a text names, as YYYY-MM-DD, or null. */
export function parseDate(text: string): string | null {
  let match = ISO.exec(text);
  if (match) return `${match[1]}-${match[2]}-${match[3]}`;
  match = DAY_MONTH_YEAR.exec(text);
  if (match?.[2] && match[1] && match[3]) {
    const month = monthNumber(match[2]);
    if (month) return `${match[3]}-${pad(month)}-${pad(Number(match[1]))}`;
  }
  match = MONTH_DAY_YEAR.exec(text);
  if (match?.[1] && match[2] && match[3]) {
    const month = monthNumber(match[1]);
    if (month) return `${match[3]}-${pad(month)}-${pad(Number(match[2]))}`;
  }
  match = NUMERIC.exec(text);
  if (match?.[1] && match[2] && match[3]) {
    const day = Number(match[1]);
    const month = Number(match[2]);
    if (day <= 31 && month <= 12) return `${match[3]}-${pad(month)}-${pad(day)}`;
  }
  return null;
}

/** True when the text is a date (and maybe a time), with no name in it. */
export function isDateOnly(text: string): boolean {
  const clean = normalizeSpace(text.replace(TIME, ' '));
  if (!parseDate(clean)) return false;
  const rest = clean.replace(ISO, ' ').replace(DAY_MONTH_YEAR, ' ').replace(MONTH_DAY_YEAR, ' ').replace(NUMERIC, ' ');
  return rest
    .split(/\s+|(?=[,|])/)
    .filter(Boolean)
    .every((word) => DATE_WORDS.test(word));
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
  if (cleanByline && isDateOnly(cleanByline)) {
    return { byline: null, publishedTime: published || parseDate(cleanByline) };
  }
  return { byline: cleanByline || null, publishedTime: published || null };
}
