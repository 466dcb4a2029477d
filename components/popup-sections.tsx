/** The sections of the popup's article card. Page text is rendered only as text nodes. */
import { useState } from 'preact/hooks';
import type { Flag, FlagKind, HeadlineVerdict, PageReport, SpoilerInfo } from '../utils/report.ts';
import { FLAG_KINDS } from '../utils/report.ts';
import { categoryLabel, t } from './i18n.ts';
import {
  baitTeaserCount,
  countByKind,
  firstWords,
  formatDate,
  formatNumber,
  kindLabel,
  scorePercent,
  siteLabel,
} from './report-format.ts';

export function ArticleSection({ report, lang }: { report: PageReport; lang: string }) {
  const article = report.article;
  if (!article) return null;
  return (
    <section class="section article-info" aria-labelledby="article-title">
      <p class="site">{siteLabel(report)}</p>
      <h1
        id="article-title"
        class="title"
        lang={article.lang ?? undefined}
        dir={article.dir === 'rtl' || article.dir === 'ltr' ? article.dir : undefined}
      >
        {article.title || t('untitled')}
      </h1>
      <dl class="meta">
        {article.byline ? (
          <div>
            <dt>{t('labelAuthor')}</dt>
            <dd>{article.byline}</dd>
          </div>
        ) : null}
        {article.publishedTime ? (
          <div>
            <dt>{t('labelDate')}</dt>
            <dd>
              <time dateTime={article.publishedTime}>{formatDate(article.publishedTime, lang)}</time>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('labelLength')}</dt>
          <dd>
            {t('readingTime', article.readingMinutes)} · {t('wordCount', formatNumber(article.wordCount, lang))}
          </dd>
        </div>
      </dl>
      {article.excerpt ? (
        <p class="excerpt" lang={article.lang ?? undefined}>
          {article.excerpt}
        </p>
      ) : null}
    </section>
  );
}

export function VerdictSection({
  headline,
  flags,
  title,
  onShowSpoiler,
}: {
  headline: HeadlineVerdict | null;
  flags: readonly Flag[];
  /** The article title shown above; the headline is repeated only when it differs. */
  title: string | null;
  onShowSpoiler?: (text: string) => void;
}) {
  const teasers = baitTeaserCount(flags);
  return (
    <section class="section verdict" aria-labelledby="verdict-heading">
      <h2 id="verdict-heading">{t('sectionHeadline')}</h2>
      {headline === null ? (
        <p class="muted">{t('headlineNone')}</p>
      ) : headline.score === null ? (
        <p class="verdict-line">
          <span class="pill pill-neutral">{t('headlineNotScored')}</span>
        </p>
      ) : (
        <HeadlineScore headline={headline} score={headline.score} showText={headline.text !== title} />
      )}
      {headline?.clickbait && headline.spoiler !== undefined ? (
        <SpoilerLine spoiler={headline.spoiler} onShow={onShowSpoiler} />
      ) : null}
      <p class="teasers">{t('baitTeasers', teasers)}</p>
    </section>
  );
}

function HeadlineScore({ headline, score, showText }: { headline: HeadlineVerdict; score: number; showText: boolean }) {
  const percent = scorePercent(score);
  return (
    <>
      {showText ? <p class="headline-text">“{headline.text}”</p> : null}
      <p class="verdict-line">
        <span class={headline.clickbait ? 'pill pill-bad' : 'pill pill-good'}>
          {headline.clickbait ? t('headlineClickbait') : t('headlineNotClickbait')}
        </span>
        <span class="score-text">{t('scoreOutOf', percent)}</span>
      </p>
      <meter
        class="score-meter"
        min={0}
        max={100}
        low={35}
        high={65}
        optimum={0}
        value={Math.round(score * 1000) / 10}
        aria-label={t('scoreMeterLabel')}
      >
        {percent}
      </meter>
      {headline.reasons.length > 0 ? (
        <ul class="reasons" aria-label={t('reasonsLabel')}>
          {headline.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/**
 * "Saved you a click: …", the spoiler as text, with a button that marks it on the page. A list
 * answer, or one found in two places, shows its parts as a list, and the button marks the first (the
 * parts stand apart on the page).
 */
function SpoilerLine({ spoiler, onShow }: { spoiler: SpoilerInfo | null; onShow?: (text: string) => void }) {
  if (spoiler === null) return <p class="spoiler muted">{t('spoilerNone')}</p>;
  const parts = spoiler.parts && spoiler.parts.length > 1 ? spoiler.parts : null;
  return (
    <div class="spoiler">
      {parts ? (
        <>
          <p class="spoiler-text">
            <strong>{t('spoilerLabel')}</strong>
          </p>
          <ul class="spoiler-items">
            {parts.map((part, index) => (
              <li key={index}>{part}</li>
            ))}
          </ul>
        </>
      ) : (
        <p class="spoiler-text">
          <strong>{t('spoilerLabel')}</strong> {spoiler.text}
        </p>
      )}
      {onShow ? (
        <button type="button" class="link-button spoiler-show" onClick={() => onShow(parts?.[0] ?? spoiler.text)}>
          {t('spoilerShow')}
        </button>
      ) : null}
    </div>
  );
}

export function ClutterSection({ flags, onReveal }: { flags: readonly Flag[]; onReveal: (id: string) => void }) {
  const counts = countByKind(flags);
  return (
    <section class="section clutter" aria-labelledby="clutter-heading">
      <h2 id="clutter-heading">{t('sectionClutter')}</h2>
      {flags.length === 0 ? (
        <p class="muted">{t('noClutter')}</p>
      ) : (
        <>
          <ul class="counts" aria-label={t('countsLabel')}>
            {FLAG_KINDS.map((kind) => (
              <li key={kind} class={`count count-${kind}`}>
                <span class="count-number">{counts[kind]}</span> {kindLabel(kind)}
              </li>
            ))}
          </ul>
          <p class="hint">{t('revealHint')}</p>
          {FLAG_KINDS.filter((kind) => counts[kind] > 0).map((kind) => (
            <KindGroup key={kind} kind={kind} flags={flags.filter((flag) => flag.kind === kind)} onReveal={onReveal} />
          ))}
        </>
      )}
    </section>
  );
}

function KindGroup({ kind, flags, onReveal }: { kind: FlagKind; flags: Flag[]; onReveal: (id: string) => void }) {
  return (
    <details class={`kind-group kind-${kind}`}>
      <summary>
        {kindLabel(kind)} <span class="badge">{flags.length}</span>
      </summary>
      <ul class="flag-list">
        {flags.map((flag) => (
          <li key={flag.id}>
            <button
              type="button"
              class="flag-button"
              onClick={() => onReveal(flag.id)}
              title={flag.reasons.join('; ') || undefined}
            >
              <span class="flag-category">{categoryLabel(flag.category)}</span>
              <span class="flag-text">{firstWords(flag.text)}</span>
              <span class="visually-hidden"> ({t('showOnPage')})</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function SummarySection({ summary, lang }: { summary: readonly string[]; lang: string | null }) {
  if (summary.length === 0) return null;
  return (
    <section class="section summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('sectionSummary')}</h2>
      <p lang={lang ?? undefined}>{summary.slice(0, 3).join(' ')}</p>
    </section>
  );
}

export interface QuickControlsProps {
  highlights: boolean;
  clutterHidden: boolean;
  host: string | null;
  onHighlights(on: boolean): void;
  onClutterHidden(hidden: boolean): void;
  onDisableSite(host: string): void;
  onRunAgain(): void;
  copyText(): string;
  copyMarkdown(): string;
  onCopy(text: string): Promise<void>;
}

export function QuickControls(props: QuickControlsProps) {
  const [copied, setCopied] = useState('');
  const copy = async (text: string, done: string) => {
    try {
      await props.onCopy(text);
      setCopied(done);
    } catch {
      setCopied(t('copyFailed'));
    }
  };
  return (
    <section class="section controls" aria-labelledby="controls-heading">
      <h2 id="controls-heading" class="visually-hidden">
        {t('sectionControls')}
      </h2>
      <Switch label={t('controlHighlights')} checked={props.highlights} onChange={props.onHighlights} />
      <Switch label={t('controlHideClutter')} checked={props.clutterHidden} onChange={props.onClutterHidden} />
      <div class="button-row">
        <button type="button" onClick={props.onRunAgain}>
          {t('controlRunAgain')}
        </button>
        {props.host ? (
          <button type="button" onClick={() => props.onDisableSite(props.host as string)}>
            {t('controlNeverRun', props.host)}
          </button>
        ) : null}
      </div>
      <div class="button-row">
        <button type="button" onClick={() => copy(props.copyText(), t('copiedText'))}>
          {t('copyText')}
        </button>
        <button type="button" onClick={() => copy(props.copyMarkdown(), t('copiedMarkdown'))}>
          {t('copyMarkdown')}
        </button>
      </div>
      <p class="status" role="status">
        {copied}
      </p>
    </section>
  );
}

function Switch({ label, checked, onChange }: { label: string; checked: boolean; onChange(on: boolean): void }) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        aria-checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span>{label}</span>
    </label>
  );
}
