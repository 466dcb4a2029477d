import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, MAX_DISABLED_SITES, SETTINGS_VERSION, type Settings } from '@/utils/settings.ts';
import { loadSettings, saveSettings, settingsItem, watchSettings } from '@/utils/settings-item.ts';

const stored = (value: unknown, meta?: unknown) =>
  fakeBrowser.storage.sync.set(
    (meta === undefined ? { settings: value } : { settings: value, settings$: meta }) as Record<string, unknown>,
  );

describe('settings storage (fake browser)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('gives the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('falls back field by field when stored values have the wrong types', async () => {
    await stored({
      autoAnalyze: 'yes',
      showKinds: { clickbait: 'no', boilerplate: false, related: 1 },
      clickbaitSensitivity: 'high',
      disabledSites: 'example.com',
      highlightStyle: 'glow',
      highlightPageChrome: true,
      unknownKey: { nested: true },
    });
    const settings = await loadSettings();
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      showKinds: { clickbait: true, boilerplate: false, related: true },
      highlightPageChrome: true,
    });
    expect(Object.keys(settings).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it('keeps the good fields of a hand-edited value and clamps numbers', async () => {
    await stored({ autoAnalyze: false, clickbaitSensitivity: 250, highlightStyle: 'tint', showKinds: null });
    expect(await loadSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      autoAnalyze: false,
      clickbaitSensitivity: 100,
      highlightStyle: 'tint',
    });
    await stored({ clickbaitSensitivity: Number.NaN, autoAnalyze: false });
    expect((await loadSettings()).clickbaitSensitivity).toBe(DEFAULT_SETTINGS.clickbaitSensitivity);
  });

  it.each([['a string'], [[1, 2, 3]], [42], [true]])('treats a stored %j as no settings at all', async (value) => {
    await stored(value);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('bounds a huge disabled-sites list and drops junk entries', async () => {
    const sites: unknown[] = [];
    for (let i = 0; i < 100_000; i++) sites.push(i % 3 === 0 ? { host: i } : i % 3 === 1 ? `site${i}.example` : '!!');
    sites.unshift('https://www.News.example/path', 'news.example');
    await stored({ disabledSites: sites, autoAnalyze: false });
    const settings = await loadSettings();
    expect(settings.autoAnalyze).toBe(false);
    expect(settings.disabledSites.length).toBeLessThanOrEqual(MAX_DISABLED_SITES);
    expect(settings.disabledSites[0]).toBe('news.example');
    expect(settings.disabledSites.filter((site) => site === 'news.example')).toHaveLength(1);
    for (const site of settings.disabledSites) expect(site).toMatch(/^[a-z0-9.-]+$/);
  });

  it('still reads the fields of settings written by a newer version', async () => {
    await stored({ autoAnalyze: false, highlightStyle: 'underline', futureField: [1] }, { v: SETTINGS_VERSION + 5 });
    // The storage layer refuses to "downgrade"; our loader still repairs what it can read.
    await expect(settingsItem.migrate()).rejects.toThrow(/downgrade/i);
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, autoAnalyze: false, highlightStyle: 'underline' });
  });

  it('saves validated settings with the schema version', async () => {
    const input = { ...DEFAULT_SETTINGS, disabledSites: ['WWW.Example.COM', 'junk value'], extra: 1 } as Settings;
    await saveSettings(input);
    const raw = await fakeBrowser.storage.sync.get(['settings', 'settings$']);
    expect(raw.settings).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['example.com'] });
    expect(raw.settings$).toEqual({ v: SETTINGS_VERSION });
    expect(await loadSettings()).toEqual(raw.settings);
  });

  it('refuses to save settings larger than one sync item may be, leaving the stored ones', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, autoAnalyze: false });
    const many = Array.from(
      { length: MAX_DISABLED_SITES },
      (_, i) => `a-rather-long-host-name-number-${i}.example.org`,
    );
    await expect(saveSettings({ ...DEFAULT_SETTINGS, disabledSites: many })).rejects.toThrow('settings-too-large');
    expect((await loadSettings()).autoAnalyze).toBe(false);
  });

  it('delivers validated values to watchers, defaults when the value is removed', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((settings) => seen.push(settings));
    await stored({ highlightStyle: 'tint', clickbaitSensitivity: 'x' });
    await fakeBrowser.storage.sync.remove('settings');
    unwatch();
    await stored({ highlightStyle: 'underline' });
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, highlightStyle: 'tint' }, DEFAULT_SETTINGS]);
  });

  it('keeps other watchers running when one throws', async () => {
    const seen: string[] = [];
    const stopBad = watchSettings(() => {
      throw new Error('subscriber bug');
    });
    const stopGood = watchSettings((settings) => seen.push(settings.highlightStyle));
    await stored({ highlightStyle: 'tint' });
    stopBad();
    stopGood();
    expect(seen).toEqual(['tint']);
  });
});
