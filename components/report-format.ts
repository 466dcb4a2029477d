/** Plain helpers that turn a PageReport into what the popup shows and copies. */
import { isPageChrome } from '../utils/categories.ts';
import { FLAG_KINDS, type Flag, type FlagKind, type PageReport } from '../utils/report.ts';
import { normalizeHost, type Settings } from '../utils/settings.ts';
import { categoryLabel, t } from './i18n.ts';

export function hostOf(url: string): string | null {
  try {
    return normalizeHost(new URL(url).hostname);
  } catch {
    return null;
  }
}

export function siteLabel(report: PageReport): string {
  return report.article?.siteName || hostOf(report.url) || report.url;
}

/** A date in the interface language; the page's own string when it does not parse. */
export function formatDate(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    // A bare date parses as UTC midnight: format it in UTC so it never shifts a day.
    const hasTime = /T\d{2}:\d{2}/.test(iso);
    const options: Intl.DateTimeFormatOptions = hasTime
      ? { dateStyle: 'long', timeStyle: 'short' }
      : { dateStyle: 'long', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(lang, options).format(date);
  } catch {
    return iso;
  }
}

export function formatNumber(value: number, lang: string): string {
  try {
    return new Intl.NumberFormat(lang).format(value);
  } catch {
    return String(value);
  }
}

/** The flags the user asked to see: their kinds on, page chrome only on request. */
export function visibleFlags(flags: readonly Flag[], settings: Settings | null): Flag[] {
  if (!settings) return flags.filter((flag) => !isPageChrome(flag.category));
  return flags.filter(
    (flag) => settings.showKinds[flag.kind] && (settings.highlightPageChrome || !isPageChrome(flag.category)),
  );
}

export function countByKind(flags: readonly Flag[]): Record<FlagKind, number> {
  const counts: Record<FlagKind, number> = { clickbait: 0, boilerplate: 0, related: 0 };
  for (const flag of flags) counts[flag.kind] += 1;
  return counts;
}

export function baitTeaserCount(flags: readonly Flag[]): number {
  return flags.filter((flag) => flag.kind === 'clickbait' && flag.category === 'teaser').length;
}

/** The first few words of a block, enough to recognise it. */
export function firstWords(text: string, count = 12): string {
  const words = text.trim().split(/\s+/);
  return words.length <= count ? words.join(' ') : `${words.slice(0, count).join(' ')}…`;
}

export function scorePercent(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 100);
}

export function kindLabel(kind: FlagKind): string {
  return t(`kind_${kind}`);
}

interface ReportLines {
  title: string;
  meta: string[];
  headline: string[];
  clutter: string[];
  summary: string[];
}

function reportLines(report: PageReport, flags: readonly Flag[], lang: string): ReportLines {
  const article = report.article;
  const meta = [t('copySite', siteLabel(report))];
  if (article?.byline) meta.push(t('copyAuthor', article.byline));
  if (article?.publishedTime) meta.push(t('copyDate', formatDate(article.publishedTime, lang)));
  if (article)
    meta.push(t('readingTime', article.readingMinutes), t('wordCount', formatNumber(article.wordCount, lang)));
  meta.push(report.url);
  const headline: string[] = [];
  const verdict = report.headline;
  if (verdict) {
    if (verdict.score === null) headline.push(t('headlineNotScored'));
    else
      headline.push(
        `${verdict.clickbait ? t('headlineClickbait') : t('headlineNotClickbait')} (${t('scoreOutOf', scorePercent(verdict.score))})`,
      );
    headline.push(...verdict.reasons);
  }
  const counts = countByKind(flags);
  const clutter = FLAG_KINDS.filter((kind) => counts[kind] > 0).map((kind) => `${kindLabel(kind)}: ${counts[kind]}`);
  for (const flag of flags)
    clutter.push(`${kindLabel(flag.kind)} / ${categoryLabel(flag.category)}: ${firstWords(flag.text)}`);
  return { title: article?.title || report.url, meta, headline, clutter, summary: report.summary };
}

export function reportPlainText(report: PageReport, flags: readonly Flag[], lang: string): string {
  const lines = reportLines(report, flags, lang);
  const out = [lines.title, ...lines.meta];
  if (lines.headline.length) out.push('', `${t('sectionHeadline')}:`, ...lines.headline.map((line) => `- ${line}`));
  out.push(
    '',
    `${t('sectionClutter')}:`,
    ...(lines.clutter.length ? lines.clutter.map((l) => `- ${l}`) : [t('noClutter')]),
  );
  if (lines.summary.length) out.push('', `${t('sectionSummary')}:`, lines.summary.join(' '));
  return `${out.join('\n')}\n`;
}

/** Page text is escaped so it cannot turn into links, images or HTML in a Markdown viewer. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/g, (char) => `\\${char}`);
}

export function reportMarkdown(report: PageReport, flags: readonly Flag[], lang: string): string {
  const lines = reportLines(report, flags, lang);
  const out = [`# ${escapeMarkdown(lines.title)}`, '', ...lines.meta.map((line) => `- ${escapeMarkdown(line)}`)];
  if (lines.headline.length)
    out.push('', `## ${t('sectionHeadline')}`, '', ...lines.headline.map((line) => `- ${escapeMarkdown(line)}`));
  out.push(
    '',
    `## ${t('sectionClutter')}`,
    '',
    ...(lines.clutter.length ? lines.clutter.map((line) => `- ${escapeMarkdown(line)}`) : [t('noClutter')]),
  );
  if (lines.summary.length) out.push('', `## ${t('sectionSummary')}`, '', escapeMarkdown(lines.summary.join(' ')));
  return `${out.join('\n')}\n`;
}
