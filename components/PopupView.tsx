/** The popup, as a pure view of the tab's state; usePopup (hooks) does the messaging. */
import type { PageReport } from '../utils/report.ts';
import type { Settings } from '../utils/settings.ts';
import type { PopupState, UnsupportedReason } from './hooks/useTabState.ts';
import { t } from './i18n.ts';
import { ArticleSection, ClutterSection, QuickControls, SummarySection, VerdictSection } from './popup-sections.tsx';
import { baitTeaserCount, hostOf, reportMarkdown, reportPlainText, visibleFlags } from './report-format.ts';

export type DataState = 'loading' | 'article' | 'not-article' | 'unsupported' | 'disabled-site' | 'too-large' | 'error';

export interface PopupActions {
  analyze(force: boolean): void;
  setHighlights(on: boolean): void;
  setClutterHidden(hidden: boolean): void;
  revealFlag(id: string): void;
  /** Scroll the page to this text (the spoiler) and mark it. */
  markText(text: string): void;
  disableSite(host: string): void;
  enableSite(host: string): void;
  copy(text: string): Promise<void>;
  openOptions(): void;
}

export interface PopupViewProps {
  state: PopupState;
  settings: Settings | null;
  actions: PopupActions;
  lang: string;
}

export function dataStateOf(state: PopupState): DataState {
  switch (state.status) {
    case 'connecting':
    case 'idle':
    case 'analyzing':
      return 'loading';
    case 'unsupported':
      return 'unsupported';
    case 'disabled-site':
      return 'disabled-site';
    case 'error':
      return 'error';
    case 'done':
      if (state.report.notices.includes('not-html')) return 'unsupported';
      if (state.report.notices.includes('page-too-large')) return 'too-large';
      return state.report.article ? 'article' : 'not-article';
  }
}

export function PopupView({ state, settings, actions, lang }: PopupViewProps) {
  const dataState = dataStateOf(state);
  return (
    <main class="popup" data-state={dataState} aria-busy={dataState === 'loading'}>
      <header class="popup-header">
        <span class="brand">{t('extName')}</span>
        <button type="button" class="icon-button" onClick={actions.openOptions} aria-label={t('openSettings')}>
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M19.4 13a7.6 7.6 0 0 0 0-2l2-1.6-2-3.4-2.4 1a7.5 7.5 0 0 0-1.7-1L15 3.5h-4l-.4 2.5a7.5 7.5 0 0 0-1.7 1l-2.4-1-2 3.4 2 1.6a7.6 7.6 0 0 0 0 2l-2 1.6 2 3.4 2.4-1a7.5 7.5 0 0 0 1.7 1l.4 2.5h4l.4-2.5a7.5 7.5 0 0 0 1.7-1l2.4 1 2-3.4-2-1.6ZM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7Z"
              transform="translate(-1 0)"
            />
          </svg>
        </button>
      </header>
      <StateBody state={state} settings={settings} actions={actions} lang={lang} />
    </main>
  );
}

function StateBody({ state, settings, actions, lang }: PopupViewProps) {
  switch (state.status) {
    case 'connecting':
    case 'idle':
    case 'analyzing':
      return (
        <div class="card message" role="status">
          <p>{state.status === 'analyzing' ? t('stateAnalyzing') : t('stateConnecting')}</p>
          <progress aria-label={t('stateAnalyzing')} />
        </div>
      );
    case 'unsupported':
      return <Unsupported reason={state.reason} />;
    case 'disabled-site':
      return (
        <div class="card message">
          <h1 class="message-title">{t('stateDisabledTitle')}</h1>
          <p>{t('stateDisabledBody', state.host)}</p>
          <button type="button" class="primary" onClick={() => actions.enableSite(state.host)}>
            {t('enableSite', state.host)}
          </button>
        </div>
      );
    case 'error':
      return (
        <div class="card message" role="alert">
          <h1 class="message-title">{t('stateErrorTitle')}</h1>
          <p>{state.message === 'timeout' ? t('stateErrorTimeout') : t('stateErrorBody')}</p>
          <button type="button" class="primary" onClick={() => actions.analyze(true)}>
            {t('tryAgain')}
          </button>
        </div>
      );
    case 'done':
      // A PDF, image or plain-text document: the content script ran, but there is no page to read.
      if (state.report.notices.includes('not-html')) return <Unsupported reason="not-html" />;
      return (
        <Report
          report={state.report}
          highlights={state.highlights}
          clutterHidden={state.clutterHidden}
          settings={settings}
          actions={actions}
          lang={lang}
        />
      );
  }
}

function Unsupported({ reason }: { reason: UnsupportedReason }) {
  return (
    <div class="card message">
      <h1 class="message-title">{reason === 'reload' ? t('stateReloadTitle') : t('stateUnsupportedTitle')}</h1>
      <p>{t(`unsupported_${reason.replace('-', '_')}`)}</p>
      {reason === 'reload' || reason === 'unknown' ? null : <p class="muted">{t('unsupportedGeneral')}</p>}
    </div>
  );
}

interface ReportProps {
  report: PageReport;
  highlights: boolean;
  clutterHidden: boolean;
  settings: Settings | null;
  actions: PopupActions;
  lang: string;
}

/** How the analysis was made, when that matters to the reader: in the page, or with flags lost to page changes. */
function AnalysisNotes({ report }: { report: PageReport }) {
  const notes: string[] = [];
  if (report.notices.includes('analysed-in-page')) notes.push(t('noteAnalysedInPage'));
  if ((report.flagsDropped ?? 0) > 0) notes.push(t('noteFlagsDropped', report.flagsDropped ?? 0));
  if (notes.length === 0) return null;
  return (
    <p class="analysis-notes" data-notes="">
      {notes.join(' ')}
    </p>
  );
}

function Report({ report, highlights, clutterHidden, settings, actions, lang }: ReportProps) {
  const flags = visibleFlags(report.flags, settings);
  const host = hostOf(report.url);
  const tooLarge = report.notices.includes('page-too-large');
  if (tooLarge || !report.article) {
    return (
      <div class="card message">
        <h1 class="message-title">{tooLarge ? t('stateTooLargeTitle') : t('stateNotArticleTitle')}</h1>
        <p>{tooLarge ? t('stateTooLargeBody') : t('stateNotArticleBody')}</p>
        {tooLarge ? null : (
          <button type="button" class="primary" onClick={() => actions.analyze(true)}>
            {t('analyzeAnyway')}
          </button>
        )}
        {flags.length > 0 ? (
          <>
            <p class="teasers">{t('baitTeasers', baitTeaserCount(flags))}</p>
            <ClutterSection flags={flags} onReveal={actions.revealFlag} />
          </>
        ) : null}
      </div>
    );
  }
  return (
    <article class="card" lang={lang}>
      <ArticleSection report={report} lang={lang} />
      <AnalysisNotes report={report} />
      {settings?.showKinds.clickbait === false ? null : (
        <VerdictSection
          headline={report.headline}
          flags={flags}
          title={report.article.title}
          onShowSpoiler={actions.markText}
        />
      )}
      <ClutterSection flags={flags} onReveal={actions.revealFlag} />
      <SummarySection summary={report.summary} lang={report.article.lang} />
      <QuickControls
        highlights={highlights}
        clutterHidden={clutterHidden}
        host={host}
        onHighlights={actions.setHighlights}
        onClutterHidden={actions.setClutterHidden}
        onDisableSite={actions.disableSite}
        onRunAgain={() => actions.analyze(true)}
        copyText={() => reportPlainText(report, flags, lang)}
        copyMarkdown={() => reportMarkdown(report, flags, lang)}
        onCopy={actions.copy}
      />
    </article>
  );
}
