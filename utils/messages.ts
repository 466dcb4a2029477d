/**
 * The one message protocol between the extension's parts. Every handler
 * checks the sender (see isTrustedSender) and parses the payload with
 * parseRequest before acting, so nothing a web page sends can act on it.
 */
import { type ElementAddress, parseAddress } from './address.ts';
import { isPageChrome } from './categories.ts';
import type { FlagKind, PageReport } from './report.ts';

/**
 * What the content script holds for its tab. The report in `done` is the one it
 * draws; the popup reads the tab's report from the background (get-report) and
 * asks the content script for its view only (a request with `view: true`).
 */
export type TabState =
  | { status: 'idle' }
  | { status: 'analyzing' }
  | { status: 'disabled-site'; host: string }
  | { status: 'done'; report: PageReport; highlights: boolean; clutterHidden: boolean; ms: number }
  | { status: 'error'; message: string };

/** The tab's state without the report: what the content script answers a request with `view: true`. */
export type TabView =
  | Exclude<TabState, { status: 'done' }>
  | { status: 'done'; highlights: boolean; clutterHidden: boolean; ms: number };

/** Popup/background -> content script; `view: true` asks for the answer without the report. */
export type ContentRequest = ContentAction & { view?: true };

export type ContentAction =
  | { type: 'get-state' }
  | { type: 'analyze'; force: boolean }
  | { type: 'set-highlights'; on: boolean }
  | { type: 'toggle-highlights' }
  | { type: 'set-clutter-hidden'; hidden: boolean }
  | { type: 'reveal-flag'; id: string }
  /** Find this text on the page (a spoiler), scroll to it and mark it. */
  | { type: 'mark-text'; text: string };

/** Content script -> background, and extension pages -> background (get-report). */
export type BackgroundRequest =
  /**
   * The tab's badge; with `report`, also the tab's latest report for the background to keep
   * (null: the tab has none any more: a new page, an analysis started or failed, the site turned off).
   */
  | { type: 'report-summary'; badge: BadgeSummary | null; report?: PageReport | null }
  /** An extension page (the popup) asks for a tab's latest report. */
  | { type: 'get-report'; tabId: number }
  /** Make sure the extension document that analyses pages exists (Chrome: the offscreen document). */
  | { type: 'ensure-analyzer' };

/** Content script -> the extension document that analyses pages (offscreen document or background page). */
export interface AnalyzePageRequest {
  type: 'analyze-page';
  /** The page's HTML, slimmed (see serialize.ts). */
  html: string;
  url: string;
  force: boolean;
  clickbaitThreshold: number;
}

/** The analysis of a copy: the report, and where each flag's element is in the page. */
export type AnalyzePageResponse =
  | { ok: true; report: PageReport; addresses: Record<string, ElementAddress>; analysisMs: number }
  | { ok: false; error: string };

/** Largest page HTML accepted in one analyze-page message (UTF-16 units). */
export const MAX_PAGE_HTML = 24 * 1024 * 1024;

export interface BadgeSummary {
  readerable: boolean;
  clickbait: boolean;
  clutter: number;
}

export type Request = ContentRequest | BackgroundRequest | AnalyzePageRequest;

/** Every response: the tab's state, or an error message. */
export type Response = { ok: true; state: TabState } | { ok: false; error: string };

/** The content script's answer to a request with `view: true`. */
export type ViewResponse = { ok: true; state: TabView } | { ok: false; error: string };

/** The background's answer to get-report: the tab's latest report, or null when it has none. */
export type ReportResponse = { ok: true; report: PageReport | null } | { ok: false; error: string };

/** The background's answer to report-summary. */
export type BackgroundResponse = { ok: true } | { ok: false; error: string };

/** A spoiler is at most 60 words: no longer text is a spoiler to mark. */
export const MAX_MARK_CHARS = 2000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Returns the request if the payload has exactly the shape of one, else null. */
export function parseRequest(message: unknown): Request | null {
  const request = parseOne(message);
  if (request && isRecord(message) && message.view === true && isContentAction(request))
    return { ...request, view: true };
  return request;
}

const CONTENT_TYPES: ReadonlySet<string> = new Set<ContentAction['type']>([
  'get-state',
  'analyze',
  'set-highlights',
  'toggle-highlights',
  'set-clutter-hidden',
  'reveal-flag',
  'mark-text',
]);

function isContentAction(request: Request): request is ContentAction {
  return CONTENT_TYPES.has(request.type);
}

/** The analysis host's only request, checked alone (the host bundles no other part of the protocol). */
export function parseAnalyzePageRequest(message: unknown): AnalyzePageRequest | null {
  if (!isRecord(message) || message.type !== 'analyze-page') return null;
  const { html, url, force, clickbaitThreshold } = message;
  if (typeof html !== 'string' || html.length > MAX_PAGE_HTML) return null;
  if (typeof url !== 'string' || url.length > 8192 || typeof force !== 'boolean') return null;
  if (typeof clickbaitThreshold !== 'number' || !(clickbaitThreshold >= 0 && clickbaitThreshold <= 1)) return null;
  return { type: 'analyze-page', html, url, force, clickbaitThreshold };
}

function parseOne(message: unknown): Request | null {
  if (!isRecord(message) || typeof message.type !== 'string') return null;
  switch (message.type) {
    case 'get-state':
    case 'toggle-highlights':
      return { type: message.type };
    case 'analyze':
      return { type: 'analyze', force: message.force === true };
    case 'set-highlights':
      return typeof message.on === 'boolean' ? { type: 'set-highlights', on: message.on } : null;
    case 'set-clutter-hidden':
      return typeof message.hidden === 'boolean' ? { type: 'set-clutter-hidden', hidden: message.hidden } : null;
    case 'reveal-flag':
      return typeof message.id === 'string' && /^f\d{1,6}$/.test(message.id)
        ? { type: 'reveal-flag', id: message.id }
        : null;
    case 'ensure-analyzer':
      return { type: 'ensure-analyzer' };
    case 'analyze-page':
      return parseAnalyzePageRequest(message);
    case 'get-report':
      return typeof message.tabId === 'number' && Number.isInteger(message.tabId) && message.tabId >= 0
        ? { type: 'get-report', tabId: message.tabId }
        : null;
    case 'mark-text':
      return typeof message.text === 'string' && message.text.trim() !== '' && message.text.length <= MAX_MARK_CHARS
        ? { type: 'mark-text', text: message.text }
        : null;
    case 'report-summary': {
      const badge = parseBadge(message.badge);
      if (badge === undefined) return null;
      if (!('report' in message) || message.report === undefined) return { type: 'report-summary', badge };
      if (message.report === null) return { type: 'report-summary', badge, report: null };
      const report = parseReport(message.report);
      return report ? { type: 'report-summary', badge, report } : null;
    }
    default:
      return null;
  }
}

/** A badge summary, null, or undefined when the value is neither. */
function parseBadge(badge: unknown): BadgeSummary | null | undefined {
  if (badge === null) return null;
  if (
    isRecord(badge) &&
    typeof badge.readerable === 'boolean' &&
    typeof badge.clickbait === 'boolean' &&
    typeof badge.clutter === 'number' &&
    Number.isInteger(badge.clutter) &&
    badge.clutter >= 0
  ) {
    return { readerable: badge.readerable, clickbait: badge.clickbait, clutter: badge.clutter };
  }
  return undefined;
}

/**
 * A report as the content script sends it, or null when its shape is not one:
 * the fields every reader relies on are checked (the popup renders every string as text).
 */
export function parseReport(value: unknown): PageReport | null {
  if (!isRecord(value)) return null;
  const { url, readerable, article, headline, flags, cleanText, summary, notices } = value;
  if (typeof url !== 'string' || typeof readerable !== 'boolean' || typeof cleanText !== 'string') return null;
  if (
    article !== null &&
    !(isRecord(article) && typeof article.title === 'string' && typeof article.text === 'string')
  ) {
    return null;
  }
  if (headline !== null && !(isRecord(headline) && typeof headline.text === 'string')) return null;
  if (!Array.isArray(summary) || !summary.every((line) => typeof line === 'string')) return null;
  if (!Array.isArray(notices) || !notices.every((notice) => typeof notice === 'string')) return null;
  const flagOk = (flag: unknown) =>
    isRecord(flag) &&
    typeof flag.id === 'string' &&
    typeof flag.kind === 'string' &&
    typeof flag.category === 'string' &&
    typeof flag.text === 'string' &&
    Array.isArray(flag.reasons);
  if (!Array.isArray(flags) || !flags.every(flagOk)) return null;
  return value as unknown as PageReport;
}

/** The tab's state as the popup asks for it: everything but the report. */
export function viewOf(state: TabState): TabView {
  if (state.status !== 'done') return state;
  const { report: _report, ...view } = state;
  return view;
}

/** The sender as the runtime describes it (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
}

/** Only this extension's own contexts may talk to us. */
export function isTrustedSender(sender: SenderInfo, extensionId: string): boolean {
  return sender.id === extensionId;
}

/** The badge text and colour for a report summary. */
export function badgeFor(summary: BadgeSummary | null): { text: string; color: string } {
  if (!summary?.readerable) return { text: '', color: '#5f6368' };
  if (summary.clickbait) return { text: summary.clutter > 0 ? `!${summary.clutter}` : '!', color: '#b3261e' };
  return { text: summary.clutter > 0 ? String(summary.clutter) : '✓', color: '#1a5fb4' };
}

/** What the badge summarises: only the flags the user asked to see. */
export function summaryFor(
  report: PageReport,
  view: { showKinds: Record<FlagKind, boolean>; highlightPageChrome: boolean },
): BadgeSummary {
  const clutter = report.flags.filter(
    (flag) =>
      flag.kind !== 'clickbait' &&
      view.showKinds[flag.kind] &&
      (view.highlightPageChrome || !isPageChrome(flag.category)),
  ).length;
  return {
    readerable: report.article !== null,
    clickbait: view.showKinds.clickbait && report.headline?.clickbait === true,
    clutter,
  };
}

/** Checks an analyze-page answer; the flags without a valid address are left out of `addresses`. */
export function parseAnalyzePageResponse(value: unknown): AnalyzePageResponse | null {
  if (!isRecord(value)) return null;
  if (value.ok === false) return { ok: false, error: typeof value.error === 'string' ? value.error : 'failed' };
  if (value.ok !== true || !isRecord(value.report) || !isRecord(value.addresses)) return null;
  const report = value.report as unknown as PageReport;
  if (!Array.isArray(report.flags) || !Array.isArray(report.notices)) return null;
  const addresses: Record<string, ElementAddress> = {};
  for (const flag of report.flags) {
    const address = isRecord(flag) && typeof flag.id === 'string' ? parseAddress(value.addresses[flag.id]) : null;
    if (address) addresses[flag.id] = address;
  }
  const analysisMs = typeof value.analysisMs === 'number' ? value.analysisMs : 0;
  return { ok: true, report, addresses, analysisMs };
}
