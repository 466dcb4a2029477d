/** The settings page: the view bound to the synced settings. */
import { useEffect } from 'preact/hooks';
import { useSettings } from './hooks/useSettings.ts';
import { t, uiLanguage } from './i18n.ts';
import { OptionsView } from './OptionsView.tsx';

/** Saves a text file through a temporary link (no downloads permission needed). */
export function downloadJson(json: string, filename = 'article-lens-settings.json'): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function Options() {
  const { settings, save } = useSettings();
  const lang = uiLanguage();
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('optionsTitle');
  }, [lang]);
  if (!settings) return <main class="options" aria-busy="true" />;
  return <OptionsView settings={settings} onSave={save} onExport={downloadJson} />;
}
