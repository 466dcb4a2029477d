// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '../../components/Options.tsx';
import { exportSettingsJson, parseImportedSettings } from '../../components/settings-io.ts';
import { DEFAULT_SETTINGS, type Settings, validateSettings } from '../../utils/settings.ts';
import { loadSettings, saveSettings, settingsItem } from '../../utils/settings-item.ts';

type Messages = Record<string, { message: string }>;
const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Messages;

function installMessages(messages: Messages) {
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  }) as typeof fakeBrowser.i18n.getMessage;
}

const defaults = () => validateSettings(undefined);

async function renderOptions() {
  const result = render(<Options />);
  await screen.findByRole('heading', { level: 1, name: 'Article Lens settings' });
  return result;
}

function checkbox(name: string | RegExp) {
  return screen.getByRole('checkbox', { name }) as HTMLInputElement;
}

function importFile(content: string) {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  const file = new File([content], 'settings.json', { type: 'application/json' });
  fireEvent.change(input, { target: { files: [file] } });
}

beforeEach(() => {
  fakeBrowser.reset();
  installMessages(en);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('options page', () => {
  it('shows the stored settings, grouped, and sets the page language', async () => {
    await saveSettings({ ...defaults(), autoAnalyze: false, clickbaitSensitivity: 70, highlightStyle: 'tint' });
    await renderOptions();
    for (const group of ['Analysis', 'What to flag', 'Highlights on the page', 'Backup and reset']) {
      expect(screen.getByRole('heading', { level: 2, name: group })).toBeTruthy();
    }
    expect(checkbox(/Analyse articles automatically/).checked).toBe(false);
    expect((screen.getByRole('slider', { name: 'Clickbait sensitivity' }) as HTMLInputElement).value).toBe('70');
    expect((screen.getByRole('radio', { name: 'Tint' }) as HTMLInputElement).checked).toBe(true);
    expect(document.documentElement.lang).toBe('en');
  });

  it('saves a toggle at once', async () => {
    await renderOptions();
    fireEvent.click(checkbox(/Analyse articles automatically/));
    await waitFor(async () => expect((await loadSettings()).autoAnalyze).toBe(false));
    fireEvent.click(checkbox('Boilerplate'));
    await waitFor(async () => expect((await loadSettings()).showKinds.boilerplate).toBe(false));
    expect((await loadSettings()).showKinds.related).toBe(true);
    fireEvent.click(checkbox(/Also highlight site navigation/));
    await waitFor(async () => expect((await loadSettings()).highlightPageChrome).toBe(true));
    expect(screen.getByRole('status').textContent).toBe('Saved.');
  });

  it('saves the sensitivity when the slider is released', async () => {
    await renderOptions();
    const slider = screen.getByRole('slider', { name: 'Clickbait sensitivity' }) as HTMLInputElement;
    fireEvent.input(slider, { target: { value: '80' } });
    expect(screen.getByText('80', { selector: 'output' })).toBeTruthy();
    fireEvent.change(slider, { target: { value: '80' } });
    await waitFor(async () => expect((await loadSettings()).clickbaitSensitivity).toBe(80));
  });

  it('changes the highlight style and its live preview', async () => {
    const { container } = await renderOptions();
    expect(container.querySelector('.preview-page')?.getAttribute('data-style')).toBe('outline');
    fireEvent.click(screen.getByRole('radio', { name: 'Underline' }));
    await waitFor(async () => expect((await loadSettings()).highlightStyle).toBe('underline'));
    expect(container.querySelector('.preview-page')?.getAttribute('data-style')).toBe('underline');
  });

  it('adds and removes sites, refusing invalid host names', async () => {
    await renderOptions();
    const input = screen.getByRole('textbox', { name: /Site/ }) as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'not a host!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect(screen.getByRole('alert').textContent).toContain('“not a host!” is not a valid site name');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect((await loadSettings()).disabledSites).toEqual([]);

    fireEvent.input(input, { target: { value: 'https://www.Example.com/path' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    await waitFor(async () => expect((await loadSettings()).disabledSites).toEqual(['example.com']));
    expect(screen.getByRole('list', { name: /Sites where/ }).textContent).toContain('example.com');
    expect(input.value).toBe('');

    fireEvent.input(input, { target: { value: 'example.com' } });
    fireEvent.submit(input.form!);
    expect(screen.getByRole('alert').textContent).toContain('already in the list');

    fireEvent.click(screen.getByRole('button', { name: 'Remove example.com' }));
    await waitFor(async () => expect((await loadSettings()).disabledSites).toEqual([]));
    expect(screen.getByText('No sites yet.')).toBeTruthy();
  });

  it('reflects changes made elsewhere', async () => {
    await renderOptions();
    expect(checkbox(/Analyse articles automatically/).checked).toBe(true);
    await saveSettings({ ...defaults(), autoAnalyze: false, disabledSites: ['news.example'] });
    await waitFor(() => expect(checkbox(/Analyse articles automatically/).checked).toBe(false));
    expect(screen.getByText('news.example')).toBeTruthy();
  });

  it('rejects bad import files with a clear message and changes nothing', async () => {
    const stored: Settings = { ...defaults(), clickbaitSensitivity: 30, disabledSites: ['a.example'] };
    await saveSettings(stored);
    await renderOptions();
    const cases: Array<[string, RegExp]> = [
      ['{ not json', /not valid JSON/],
      ['[1, 2, 3]', /does not contain a settings object/],
      ['"settings"', /does not contain a settings object/],
      ['{"theme": "dark"}', /contains no Article Lens settings/],
      ['{"autoAnalyze": false, "clickbaitSensitivity": "high"}', /“clickbaitSensitivity” has an invalid value/],
      ['{"disabledSites": ["ok.example", "not a host"]}', /“disabledSites” has an invalid value/],
      ['{"highlightStyle": "blink"}', /“highlightStyle” has an invalid value/],
    ];
    for (const [content, message] of cases) {
      importFile(content);
      await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(message));
      expect(screen.getByRole('alert').textContent).toContain('Nothing was changed');
      expect(await loadSettings()).toEqual(stored);
    }
    expect(checkbox(/Analyse articles automatically/).checked).toBe(true);
  });

  it('applies a valid import', async () => {
    await renderOptions();
    importFile(JSON.stringify({ autoAnalyze: false, clickbaitSensitivity: 90, disabledSites: ['www.b.example'] }));
    await screen.findByText('Settings imported.');
    const settings = await loadSettings();
    expect(settings).toEqual({
      ...defaults(),
      autoAnalyze: false,
      clickbaitSensitivity: 90,
      disabledSites: ['b.example'],
    });
    expect(checkbox(/Analyse articles automatically/).checked).toBe(false);
  });

  it('exports the validated settings as JSON', async () => {
    await settingsItem.setValue({ ...defaults(), disabledSites: ['WWW.C.example', 'c.example'] });
    let blob: Blob | null = null;
    URL.createObjectURL = vi.fn((value: Blob) => {
      blob = value;
      return 'blob:settings';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Export settings' }));
    expect(click).toHaveBeenCalled();
    expect(blob).not.toBeNull();
    const exported = JSON.parse(await (blob as unknown as Blob).text());
    expect(exported).toEqual({ ...defaults(), disabledSites: ['c.example'] });
    expect(parseImportedSettings(JSON.stringify(exported), defaults())).toEqual({ ok: true, settings: exported });
  });

  it('resets to defaults, with an undo', async () => {
    const custom: Settings = {
      ...defaults(),
      autoAnalyze: false,
      highlightStyle: 'underline',
      disabledSites: ['d.example'],
    };
    await saveSettings(custom);
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    await waitFor(async () => expect(await loadSettings()).toEqual(DEFAULT_SETTINGS));
    expect(checkbox(/Analyse articles automatically/).checked).toBe(true);
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await loadSettings()).toEqual(custom));
  });

  it('keeps the old value and says so when the settings are too large to sync', async () => {
    const many = Array.from({ length: 420 }, (_, i) => `site-number-${i}.example`);
    await settingsItem.setValue({ ...defaults(), disabledSites: many });
    await renderOptions();
    const input = screen.getByRole('textbox', { name: /Site/ });
    fireEvent.input(input, { target: { value: 'one-more-site-with-a-long-name.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('too large to sync'));
    expect(screen.queryByText('one-more-site-with-a-long-name.example')).toBeNull();
  });
});

describe('settings files', () => {
  it('keeps fields missing from an import at their current values', () => {
    const current: Settings = { ...defaults(), clickbaitSensitivity: 20, highlightStyle: 'tint' };
    const result = parseImportedSettings('{"showKinds": {"related": false}}', current);
    expect(result).toEqual({
      ok: true,
      settings: { ...current, showKinds: { clickbait: true, boilerplate: true, related: false } },
    });
  });

  it('exports exactly what validation keeps', () => {
    const json = exportSettingsJson({ ...defaults(), clickbaitSensitivity: 33.6 });
    expect(JSON.parse(json).clickbaitSensitivity).toBe(34);
  });
});
