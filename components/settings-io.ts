/**
 * Settings files: export writes the validated settings; import accepts only an
 * object whose known fields all have usable values, so a bad file changes
 * nothing instead of silently resetting fields to their defaults.
 */
import { HIGHLIGHT_STYLES, normalizeHost, type Settings, validateSettings } from '../utils/settings.ts';

export type ImportResult =
  | { ok: true; settings: Settings }
  | { ok: false; error: 'json' | 'not-object' | 'no-settings' | 'field'; field?: string };

const FIELDS = [
  'autoAnalyze',
  'showKinds',
  'clickbaitSensitivity',
  'disabledSites',
  'highlightStyle',
  'highlightPageChrome',
] as const satisfies readonly (keyof Settings)[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldIsValid(field: (typeof FIELDS)[number], value: unknown): boolean {
  switch (field) {
    case 'autoAnalyze':
    case 'highlightPageChrome':
      return typeof value === 'boolean';
    case 'showKinds':
      return isRecord(value) && Object.values(value).every((on) => typeof on === 'boolean');
    case 'clickbaitSensitivity':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
    case 'disabledSites':
      return Array.isArray(value) && value.every((site) => typeof site === 'string' && normalizeHost(site) !== null);
    case 'highlightStyle':
      return (HIGHLIGHT_STYLES as readonly unknown[]).includes(value);
  }
}

export function exportSettingsJson(settings: Settings): string {
  return `${JSON.stringify(validateSettings(settings), null, 2)}\n`;
}

/** Fields missing from the file keep their current values. */
export function parseImportedSettings(text: string, current: Settings): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'json' };
  }
  if (!isRecord(data)) return { ok: false, error: 'not-object' };
  const present = FIELDS.filter((field) => field in data);
  if (present.length === 0) return { ok: false, error: 'no-settings' };
  const bad = present.find((field) => !fieldIsValid(field, data[field]));
  if (bad) return { ok: false, error: 'field', field: bad };
  const merged: Record<string, unknown> = { ...current };
  for (const field of present) {
    merged[field] = field === 'showKinds' ? { ...current.showKinds, ...(data[field] as object) } : data[field];
  }
  return { ok: true, settings: validateSettings(merged) };
}
