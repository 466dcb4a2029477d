/** The settings page as a view of the settings; every change is saved at once through onSave. */
import { useState } from 'preact/hooks';
import { FLAG_KINDS, type FlagKind } from '../utils/report.ts';
import {
  DEFAULT_SETTINGS,
  HIGHLIGHT_STYLES,
  type HighlightStyle,
  MAX_DISABLED_SITES,
  normalizeHost,
  type Settings,
} from '../utils/settings.ts';
import { t } from './i18n.ts';
import { kindLabel } from './report-format.ts';
import { exportSettingsJson, parseImportedSettings } from './settings-io.ts';

export interface OptionsViewProps {
  settings: Settings;
  onSave(next: Settings): Promise<void> | void;
  /** Hands the exported file to the browser (download). */
  onExport(json: string): void;
}

type Status = { kind: 'ok' | 'error'; text: string } | null;

export function OptionsView({ settings, onSave, onExport }: OptionsViewProps) {
  const [status, setStatus] = useState<Status>(null);
  const [undo, setUndo] = useState<Settings | null>(null);

  const save = async (next: Settings, message = t('saved')) => {
    try {
      await onSave(next);
      setStatus({ kind: 'ok', text: message });
    } catch (error) {
      const tooLarge = error instanceof Error && error.message === 'settings-too-large';
      setStatus({ kind: 'error', text: tooLarge ? t('saveTooLarge') : t('saveFailed') });
    }
  };
  const update = (patch: Partial<Settings>) => {
    setUndo(null);
    return save({ ...settings, ...patch });
  };
  const setKind = (kind: FlagKind, on: boolean) => update({ showKinds: { ...settings.showKinds, [kind]: on } });

  const reset = async () => {
    const before = settings;
    await save(structuredClone(DEFAULT_SETTINGS) as Settings, t('resetDone'));
    setUndo(before);
  };

  const importFile = async (file: File) => {
    const result = parseImportedSettings(await file.text(), settings);
    if (!result.ok) {
      const reason =
        result.error === 'field'
          ? t('importErrorField', result.field ?? '')
          : t(`importError_${result.error.replace('-', '_')}`);
      setStatus({ kind: 'error', text: `${t('importFailed')} ${reason}` });
      return;
    }
    setUndo(null);
    await save(result.settings, t('importDone'));
  };

  return (
    <main class="options">
      <header class="options-header">
        <h1>{t('optionsTitle')}</h1>
        <p class="lead">{t('optionsLead')}</p>
      </header>

      <section class="card" aria-labelledby="group-analysis">
        <h2 id="group-analysis">{t('groupAnalysis')}</h2>
        <Toggle
          checked={settings.autoAnalyze}
          onChange={(on) => update({ autoAnalyze: on })}
          label={t('autoAnalyzeLabel')}
          help={t('autoAnalyzeHelp')}
          id="auto-analyze"
        />
      </section>

      <section class="card" aria-labelledby="group-flags">
        <h2 id="group-flags">{t('groupFlags')}</h2>
        <fieldset>
          <legend>{t('showKindsLegend')}</legend>
          {FLAG_KINDS.map((kind) => (
            <Toggle
              key={kind}
              id={`kind-${kind}`}
              checked={settings.showKinds[kind]}
              onChange={(on) => setKind(kind, on)}
              label={kindLabel(kind)}
              help={t(`kindHelp_${kind}`)}
            />
          ))}
        </fieldset>
        <Sensitivity
          value={settings.clickbaitSensitivity}
          onCommit={(value) => update({ clickbaitSensitivity: value })}
        />
      </section>

      <section class="card" aria-labelledby="group-highlights">
        <h2 id="group-highlights">{t('groupHighlights')}</h2>
        <fieldset>
          <legend>{t('highlightStyleLegend')}</legend>
          <div class="radio-row">
            {HIGHLIGHT_STYLES.map((style) => (
              <label key={style} class="radio">
                <input
                  type="radio"
                  name="highlight-style"
                  value={style}
                  checked={settings.highlightStyle === style}
                  onChange={() => update({ highlightStyle: style })}
                />
                <span>{t(`style_${style}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <StylePreview style={settings.highlightStyle} />
        <Toggle
          id="page-chrome"
          checked={settings.highlightPageChrome}
          onChange={(on) => update({ highlightPageChrome: on })}
          label={t('pageChromeLabel')}
          help={t('pageChromeHelp')}
        />
      </section>

      <section class="card" aria-labelledby="group-sites">
        <h2 id="group-sites">{t('groupSites')}</h2>
        <p class="help">{t('sitesHelp')}</p>
        <SiteList sites={settings.disabledSites} onChange={(disabledSites) => update({ disabledSites })} />
      </section>

      <section class="card" aria-labelledby="group-backup">
        <h2 id="group-backup">{t('groupBackup')}</h2>
        <p class="help">{t('backupHelp')}</p>
        <div class="button-row">
          <button type="button" onClick={() => onExport(exportSettingsJson(settings))}>
            {t('exportSettings')}
          </button>
          <label class="button file-button">
            {t('importSettings')}
            <input
              type="file"
              accept="application/json,.json"
              class="visually-hidden"
              onChange={(event) => {
                const input = event.currentTarget;
                const file = input.files?.[0];
                input.value = '';
                if (file) void importFile(file);
              }}
            />
          </label>
          <button type="button" class="danger" onClick={reset}>
            {t('resetDefaults')}
          </button>
        </div>
      </section>

      <div class={`status-bar${status?.kind === 'error' ? ' status-error' : ''}`}>
        <p role={status?.kind === 'error' ? 'alert' : 'status'}>{status?.text ?? ''}</p>
        {undo ? (
          <button
            type="button"
            onClick={() => {
              const previous = undo;
              setUndo(null);
              void save(previous, t('undoDone'));
            }}
          >
            {t('undo')}
          </button>
        ) : null}
      </div>
    </main>
  );
}

interface ToggleProps {
  id: string;
  checked: boolean;
  onChange(on: boolean): void;
  label: string;
  help: string;
}

function Toggle({ id, checked, onChange, label, help }: ToggleProps) {
  return (
    <div class="field">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={`${id}-help`}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <div>
        <label for={id}>{label}</label>
        <p class="help" id={`${id}-help`}>
          {help}
        </p>
      </div>
    </div>
  );
}

function Sensitivity({ value, onCommit }: { value: number; onCommit(value: number): void }) {
  const [draft, setDraft] = useState<number | null>(null);
  const shown = draft ?? value;
  return (
    <div class="field field-range">
      <label for="sensitivity">{t('sensitivityLabel')}</label>
      <div class="range-row">
        <span aria-hidden="true">{t('sensitivityLow')}</span>
        <input
          id="sensitivity"
          type="range"
          min={0}
          max={100}
          step={5}
          value={shown}
          aria-describedby="sensitivity-help"
          aria-valuetext={t('sensitivityValue', shown)}
          onInput={(event) => setDraft(Number(event.currentTarget.value))}
          onChange={(event) => {
            setDraft(null);
            onCommit(Number(event.currentTarget.value));
          }}
        />
        <span aria-hidden="true">{t('sensitivityHigh')}</span>
        <output for="sensitivity" aria-hidden="true">
          {shown}
        </output>
      </div>
      <p class="help" id="sensitivity-help">
        {t('sensitivityHelp')}
      </p>
    </div>
  );
}

function StylePreview({ style }: { style: HighlightStyle }) {
  return (
    <figure class="preview" aria-labelledby="preview-caption">
      <figcaption id="preview-caption">{t('previewCaption')}</figcaption>
      <div class={`preview-page style-${style}`} data-style={style}>
        <p>{t('previewArticle')}</p>
        {FLAG_KINDS.map((kind) => (
          <p key={kind} class={`preview-flag kind-${kind}`}>
            <span class="preview-label">{kindLabel(kind)}</span> {t(`previewSample_${kind}`)}
          </p>
        ))}
      </div>
    </figure>
  );
}

function SiteList({ sites, onChange }: { sites: string[]; onChange(sites: string[]): void }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const add = (event: Event) => {
    event.preventDefault();
    const host = normalizeHost(draft);
    if (!host) {
      setError(t('siteInvalid', draft.trim() || '""'));
      return;
    }
    if (sites.includes(host)) {
      setError(t('siteDuplicate', host));
      return;
    }
    if (sites.length >= MAX_DISABLED_SITES) {
      setError(t('siteTooMany', MAX_DISABLED_SITES));
      return;
    }
    setError('');
    setDraft('');
    onChange([...sites, host]);
  };
  return (
    <>
      <form class="site-form" onSubmit={add} noValidate>
        <label for="site-input">{t('siteInputLabel')}</label>
        <div class="input-row">
          <input
            id="site-input"
            type="text"
            inputMode="url"
            autocomplete="off"
            spellcheck={false}
            placeholder="example.com"
            value={draft}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'site-error' : undefined}
            onInput={(event) => {
              setDraft(event.currentTarget.value);
              if (error) setError('');
            }}
          />
          <button type="submit">{t('siteAdd')}</button>
        </div>
        {error ? (
          <p id="site-error" class="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      {sites.length === 0 ? (
        <p class="muted">{t('sitesEmpty')}</p>
      ) : (
        <ul class="site-list" aria-label={t('sitesListLabel')}>
          {sites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button
                type="button"
                class="small"
                aria-label={t('siteRemoveLabel', site)}
                onClick={() => onChange(sites.filter((s) => s !== site))}
              >
                {t('siteRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
