/** The stored settings item (synced through the browser account where available). */
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
  type Settings,
  validateSettings,
} from './settings.ts';

/** Chrome's storage.sync limit for one item (QUOTA_BYTES_PER_ITEM), key included. */
export const SYNC_ITEM_QUOTA_BYTES = 8192;

export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS as Settings,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

/** Read settings, repairing whatever is stored. */
export async function loadSettings(): Promise<Settings> {
  try {
    return validateSettings(await settingsItem.getValue());
  } catch {
    return validateSettings(undefined);
  }
}

/**
 * Validates, then writes. Rejects with Error('settings-too-large') instead of
 * letting storage.sync fail on its per-item quota (a long disabled-sites list).
 */
export async function saveSettings(settings: Settings): Promise<void> {
  const valid = validateSettings(settings);
  const bytes = new TextEncoder().encode(`settings${JSON.stringify(valid)}`).length;
  if (bytes > SYNC_ITEM_QUOTA_BYTES) throw new Error('settings-too-large');
  await settingsItem.setValue(valid);
  // Stamp the schema version with every write, so the next migration knows what it reads.
  await settingsItem.setMeta({ v: SETTINGS_VERSION });
}

/** Calls back with validated settings on every change; returns the unwatch function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => {
    try {
      callback(validateSettings(value));
    } catch {
      // A failing subscriber must not break storage's other listeners.
    }
  });
}
