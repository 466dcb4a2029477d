/**
 * The settings schema: one type, one set of defaults, one validator. Stored
 * values are never trusted: each field that is missing, of the wrong type or
 * out of range falls back to its default on its own, so one bad field never
 * costs the others and never stops the extension.
 */
import type { FlagKind } from './report.ts';

export const HIGHLIGHT_STYLES = ['outline', 'tint', 'underline'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export interface Settings {
  /** Analyse article pages when they load (in idle time). */
  autoAnalyze: boolean;
  /** Which kinds of flags are highlighted and listed. */
  showKinds: Record<FlagKind, boolean>;
  /** 0..100; higher flags more headlines (threshold = 1 - sensitivity/100). */
  clickbaitSensitivity: number;
  /** Host names where the extension stays off (subdomains included). */
  disabledSites: string[];
  highlightStyle: HighlightStyle;
  /** Also highlight site navigation, header and footer. */
  highlightPageChrome: boolean;
}

export const SETTINGS_VERSION = 1;
export const MAX_DISABLED_SITES = 500;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  autoAnalyze: true,
  showKinds: Object.freeze({ clickbait: true, boilerplate: true, related: true }),
  clickbaitSensitivity: 50,
  disabledSites: [],
  highlightStyle: 'outline',
  highlightPageChrome: false,
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "https://www.Example.com/x" or "example.com." -> "example.com"; junk -> null. */
export function normalizeHost(input: string): string | null {
  let host = input.trim().toLowerCase();
  if (!host) return null;
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(host)) host = new URL(host).hostname;
  } catch {
    return null;
  }
  host =
    host
      .replace(/^\*\./, '')
      .replace(/^www\./, '')
      .replace(/\.$/, '')
      .split('/')[0] ?? '';
  return /^(?=.{1,253}$)([a-z0-9-]{1,63}\.)*[a-z0-9-]{1,63}$/.test(host) ? host : null;
}

/** Field-by-field validation; anything unusable takes its default. */
export function validateSettings(stored: unknown): Settings {
  const input = isRecord(stored) ? stored : {};
  const kinds = isRecord(input.showKinds) ? input.showKinds : {};
  const bool = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);
  const sensitivity = input.clickbaitSensitivity;
  const sites = Array.isArray(input.disabledSites) ? input.disabledSites : [];
  return {
    autoAnalyze: bool(input.autoAnalyze, DEFAULT_SETTINGS.autoAnalyze),
    showKinds: {
      clickbait: bool(kinds.clickbait, DEFAULT_SETTINGS.showKinds.clickbait),
      boilerplate: bool(kinds.boilerplate, DEFAULT_SETTINGS.showKinds.boilerplate),
      related: bool(kinds.related, DEFAULT_SETTINGS.showKinds.related),
    },
    clickbaitSensitivity:
      typeof sensitivity === 'number' && Number.isFinite(sensitivity)
        ? Math.min(100, Math.max(0, Math.round(sensitivity)))
        : DEFAULT_SETTINGS.clickbaitSensitivity,
    disabledSites: [
      ...new Set(
        sites
          .slice(0, MAX_DISABLED_SITES * 4)
          .map((site) => (typeof site === 'string' ? normalizeHost(site) : null))
          .filter((site): site is string => site !== null),
      ),
    ].slice(0, MAX_DISABLED_SITES),
    highlightStyle: HIGHLIGHT_STYLES.includes(input.highlightStyle as HighlightStyle)
      ? (input.highlightStyle as HighlightStyle)
      : DEFAULT_SETTINGS.highlightStyle,
    highlightPageChrome: bool(input.highlightPageChrome, DEFAULT_SETTINGS.highlightPageChrome),
  };
}

/** Versioned migrations: index = the version being migrated to. */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {};

export function clickbaitThreshold(settings: Settings): number {
  return Math.min(0.95, Math.max(0.05, 1 - settings.clickbaitSensitivity / 100));
}

export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  const host = normalizeHost(hostname);
  if (!host) return false;
  return settings.disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}
