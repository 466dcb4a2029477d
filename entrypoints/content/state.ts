/**
 * The content script's state machine: settings, the current analysis, the
 * highlight layer and hidden clutter. Every browser/page dependency comes in
 * through ContentDeps so the glue tests can drive it in jsdom.
 */
import type { Analysis } from '@/utils/analyze.ts';
import { categoryMessageKey, isPageChrome } from '@/utils/categories.ts';
import { findTextRange } from '@/utils/find-text.ts';
import { type BadgeSummary, summaryFor, type TabState } from '@/utils/messages.ts';
import type { Flag, FlagKind, PageReport } from '@/utils/report.ts';
import { clickbaitThreshold, isSiteDisabled, normalizeHost, type Settings } from '@/utils/settings.ts';
import { countWords, normalizeSpace } from '@/utils/text.ts';
import type { ClutterHider } from './clutter.ts';
import type { HighlightLayer, LayerItem, LayerView, LegendView } from './highlight-layer.ts';

const KINDS: readonly FlagKind[] = ['clickbait', 'boilerplate', 'related'];
/** How long a revealed flag stays drawn when highlights are off. */
const REVEAL_MS = 3000;
/** Quiet time after a threshold change before re-analysing. */
export const RERUN_DELAY_MS = 400;

export interface ContentDeps {
  document: Document;
  /** The page URL now (changes on SPA navigation). */
  href(): string;
  /** The analysis of the page: in an extension document (a promise), or in the page as a fallback. */
  analyze(options: { url: string; force: boolean; clickbaitThreshold: number }): Analysis | Promise<Analysis>;
  /**
   * Tells the background the tab's badge and, when `report` is given, the report it keeps for the
   * tab (null: none any more). The popup reads the report there.
   */
  sendSummary(badge: BadgeSummary | null, report?: PageReport | null): void;
  layer: HighlightLayer;
  clutter: ClutterHider;
  /** i18n lookup; '' when the key is missing. */
  message(key: string, substitutions?: string[]): string;
  now(): number;
  setTimeout(callback: () => void, ms: number): void;
  prefersReducedMotion(): boolean;
}

export type RevealResult = { ok: true } | { ok: false; error: string };

export interface ContentController {
  getState(): TabState;
  analyze(force: boolean): TabState;
  setHighlights(on: boolean): TabState;
  toggleHighlights(): TabState;
  setClutterHidden(hidden: boolean): TabState;
  /** Legend toggle: a page-local override of settings.showKinds. */
  toggleKind(kind: FlagKind): void;
  revealFlag(id: string): RevealResult;
  /** Finds `text` on the page (a spoiler), scrolls to it and marks it in the layer. */
  markText(text: string): RevealResult;
  applySettings(settings: Settings): void;
  /** Drops the analysis (SPA navigation); the caller schedules the next one. */
  reset(): void;
  /** Re-sends the badge summary (the page came back from the back/forward cache). */
  announce(): void;
  /** True when a page load or navigation should be analysed automatically. */
  wantsAutoAnalysis(): boolean;
  readonly settings: Settings;
}

function humanize(category: string): string {
  const words = category.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function createContentController(initial: Settings, deps: ContentDeps): ContentController {
  let settings = initial;
  let status: 'idle' | 'analyzing' | 'done' | 'error' = 'idle';
  let errorMessage = '';
  let analysis: Analysis | null = null;
  let forced = false;
  let ms = 0;
  let highlights = true;
  let visibleKinds: Record<FlagKind, boolean> = { ...settings.showKinds };
  let revealing: string | null = null;
  let revealToken = 0;
  /** The text the popup asked to mark (a spoiler), until highlights are switched or the page changes. */
  let marked: Range | null = null;
  let rerunToken = 0;

  const host = () => {
    try {
      return normalizeHost(new URL(deps.href()).hostname) ?? '';
    } catch {
      return '';
    }
  };
  const disabled = () => isSiteDisabled(settings, host());
  const text = (key: string, fallback: string, substitutions?: string[]) => {
    try {
      return deps.message(key, substitutions) || fallback;
    } catch {
      return fallback;
    }
  };
  const kindName = (kind: FlagKind) =>
    text(`kind_${kind}`, { clickbait: 'Clickbait', boilerplate: 'Boilerplate', related: 'Related links' }[kind]);

  /** Flags the user asked to see at all (kind in settings aside). */
  const eligible = (flag: Flag) =>
    (settings.highlightPageChrome || !isPageChrome(flag.category)) && analysis?.targets.has(flag.id) === true;

  function label(flag: Flag): string {
    const parts = [text(categoryMessageKey(flag.category), humanize(flag.category))];
    if (flag.kind === 'clickbait') {
      const score = String(Math.round(flag.score * 100));
      parts.push(text('scoreOutOf', `Score ${score}/100`, [score]));
    }
    if (flag.reasons.length > 0) parts.push(flag.reasons.slice(0, 3).join('; '));
    return parts.join(' · ');
  }

  function state(): TabState {
    if (disabled()) return { status: 'disabled-site', host: host() };
    if (status === 'done' && analysis) {
      return { status: 'done', report: analysis.report, highlights, clutterHidden: deps.clutter.hidden, ms };
    }
    if (status === 'error') return { status: 'error', message: errorMessage };
    return { status: status === 'analyzing' ? 'analyzing' : 'idle' };
  }

  function summary(): BadgeSummary | null {
    if (!analysis) return null;
    return summaryFor(analysis.report, {
      showKinds: settings.showKinds,
      highlightPageChrome: settings.highlightPageChrome,
    });
  }

  function legend(): LegendView | null {
    if (!analysis) return null;
    const counts: Record<FlagKind, number> = { clickbait: 0, boilerplate: 0, related: 0 };
    for (const flag of analysis.report.flags) if (eligible(flag)) counts[flag.kind]++;
    return {
      title: text('layer_title', 'Article Lens'),
      kindNames: {
        clickbait: kindName('clickbait'),
        boilerplate: kindName('boilerplate'),
        related: kindName('related'),
      },
      counts,
      visible: { ...visibleKinds },
      clutterHidden: deps.clutter.hidden,
      hideClutterText: text('controlHideClutter', 'Hide clutter'),
      showClutterText: text('layer_showClutter', 'Show clutter'),
      closeText: text('layer_close', 'Turn highlights off'),
    };
  }

  function items(filter: (flag: Flag) => boolean): LayerItem[] {
    if (!analysis) return [];
    const targets = analysis.targets;
    return analysis.report.flags.filter(filter).flatMap((flag) => {
      const element = targets.get(flag.id);
      return element ? [{ id: flag.id, kind: flag.kind, label: label(flag), element }] : [];
    });
  }

  /** Brings the layer in line with the state; never throws. */
  function sync(): void {
    try {
      const flags = analysis?.report.flags ?? [];
      const showAll = highlights && status === 'done' && !disabled() && flags.some(eligible);
      let view: LayerView | null = null;
      if (showAll) {
        view = {
          items: items((flag) => eligible(flag) && visibleKinds[flag.kind]),
          style: settings.highlightStyle,
          legend: legend(),
        };
      } else if (revealing && status === 'done') {
        const id = revealing;
        view = { items: items((flag) => flag.id === id), style: settings.highlightStyle, legend: null };
      } else if (marked && status === 'done' && !disabled()) {
        view = { items: [], style: settings.highlightStyle, legend: null };
      }
      if (view) view.mark = marked;
      if (view) deps.layer.render(view).catch(() => {});
      else deps.layer.remove();
    } catch {
      // The page stays as it is.
    }
  }

  /** Flagged clutter of the shown kinds, never a block holding much of the article. */
  function clutterElements(): Element[] {
    if (!analysis) return [];
    const report = analysis.report;
    const articleWords = report.article?.wordCount ?? 0;
    const headlines = report.flags
      .filter((flag) => flag.category === 'headline')
      .map((flag) => analysis?.targets.get(flag.id))
      .filter((element): element is Element => element !== undefined);
    // The article's own h1, flagged or not, stays visible.
    const titles = new Set(
      [report.article?.title, report.headline?.text].filter((title): title is string => Boolean(title)),
    );
    const holdsTitle = (element: Element) =>
      Array.from(element.getElementsByTagName('h1')).some((h1) => titles.has(normalizeSpace(h1.textContent ?? '')));
    return report.flags
      .filter((flag) => flag.kind !== 'clickbait' && visibleKinds[flag.kind] && eligible(flag))
      .map((flag) => analysis?.targets.get(flag.id))
      .filter((element): element is Element => {
        if (!element?.isConnected) return false;
        if (headlines.some((headline) => element.contains(headline)) || holdsTitle(element)) return false;
        if (articleWords >= 50 && countWords(element.textContent ?? '') > articleWords / 2) return false;
        return true;
      });
  }

  let runToken = 0;

  function finish(result: Analysis | null, error: unknown, force: boolean, started: number, wasHidden: boolean) {
    if (result) {
      analysis = result;
      forced = force;
      ms = Math.round(deps.now() - started);
      status = 'done';
      if (wasHidden) deps.clutter.hide(clutterElements());
    } else {
      analysis = null;
      status = 'error';
      errorMessage = error instanceof Error ? error.message.slice(0, 200) : 'analysis failed';
    }
    deps.sendSummary(summary(), analysis?.report ?? null);
    sync();
  }

  function runAnalysis(force: boolean): TabState {
    if (disabled()) return state();
    const wasHidden = deps.clutter.hidden;
    deps.clutter.restore();
    // A re-analysis: the background drops the old report now (the badge stays until the new one).
    if (status === 'done') deps.sendSummary(summary(), null);
    status = 'analyzing';
    const started = deps.now();
    const token = ++runToken;
    try {
      const result = deps.analyze({ url: deps.href(), force, clickbaitThreshold: clickbaitThreshold(settings) });
      if (result instanceof Promise) {
        result.then(
          (done) => {
            if (token === runToken) finish(done, null, force, started, wasHidden);
          },
          (error: unknown) => {
            if (token === runToken) finish(null, error, force, started, wasHidden);
          },
        );
        return state();
      }
      finish(result, null, force, started, wasHidden);
    } catch (error) {
      finish(null, error, force, started, wasHidden);
    }
    return state();
  }

  return {
    get settings() {
      return settings;
    },
    getState: state,
    analyze(force) {
      if (status === 'done' && analysis && (forced || !force)) return state();
      if (status === 'analyzing') return state();
      return runAnalysis(force);
    },
    setHighlights(on) {
      if (disabled()) return state();
      highlights = on;
      // "Off" means nothing of ours on the page, a pending reveal and a mark included.
      revealing = null;
      marked = null;
      sync();
      return state();
    },
    toggleHighlights() {
      // The shortcut on a page not analysed yet (auto-analysis off) means "show me".
      if (status !== 'done' && !disabled()) {
        highlights = true;
        return runAnalysis(false);
      }
      return this.setHighlights(!highlights);
    },
    setClutterHidden(hidden) {
      if (disabled() || status !== 'done') return state();
      if (hidden) deps.clutter.hide(clutterElements());
      else deps.clutter.restore();
      sync();
      return state();
    },
    toggleKind(kind) {
      visibleKinds = { ...visibleKinds, [kind]: !visibleKinds[kind] };
      if (deps.clutter.hidden) {
        deps.clutter.restore();
        deps.clutter.hide(clutterElements());
      }
      sync();
    },
    revealFlag(id) {
      if (disabled()) return { ok: false, error: 'disabled-site' };
      const element = analysis?.targets.get(id);
      if (!element) return { ok: false, error: 'unknown-flag' };
      if (!element.isConnected) return { ok: false, error: 'flag-gone' };
      const token = ++revealToken;
      revealing = id;
      sync();
      try {
        element.scrollIntoView({ behavior: deps.prefersReducedMotion() ? 'auto' : 'smooth', block: 'center' });
      } catch {
        // Scrolling is a nicety.
      }
      // Pulse once the smooth scroll has had time to bring it into view.
      deps.setTimeout(() => deps.layer.pulse(id), deps.prefersReducedMotion() ? 0 : 350);
      deps.setTimeout(() => {
        if (token !== revealToken) return;
        revealing = null;
        sync();
      }, REVEAL_MS);
      return { ok: true };
    },
    markText(text) {
      if (disabled()) return { ok: false, error: 'disabled-site' };
      if (status !== 'done') return { ok: false, error: 'not-analyzed' };
      const layerHost = deps.layer.host;
      const body = deps.document.body ?? deps.document.documentElement;
      if (!body) return { ok: false, error: 'not-found' };
      const range = findTextRange(body, text, layerHost);
      if (!range) return { ok: false, error: 'not-found' };
      marked = range;
      sync();
      try {
        const element = range.startContainer.parentElement;
        element?.scrollIntoView({ behavior: deps.prefersReducedMotion() ? 'auto' : 'smooth', block: 'center' });
      } catch {
        // Scrolling is a nicety.
      }
      return { ok: true };
    },
    applySettings(next) {
      const before = settings;
      settings = next;
      if (disabled()) {
        runToken++;
        deps.clutter.restore();
        deps.layer.remove();
        analysis = null;
        status = 'idle';
        deps.sendSummary(null, null);
        return;
      }
      const kindsChanged = KINDS.some((kind) => before.showKinds[kind] !== next.showKinds[kind]);
      if (kindsChanged) visibleKinds = { ...next.showKinds };
      if (analysis && clickbaitThreshold(before) !== clickbaitThreshold(next)) {
        // A slider being dragged saves many times: every open tab re-analyses once, after it settles.
        const token = ++rerunToken;
        deps.setTimeout(() => {
          if (token === rerunToken && status === 'done' && !disabled()) runAnalysis(forced);
        }, RERUN_DELAY_MS);
      }
      if (analysis && (kindsChanged || before.highlightPageChrome !== next.highlightPageChrome)) {
        if (deps.clutter.hidden) {
          deps.clutter.restore();
          deps.clutter.hide(clutterElements());
        }
        deps.sendSummary(summary());
      }
      sync();
    },
    reset() {
      revealing = null;
      runToken++;
      marked = null;
      rerunToken++;
      deps.clutter.restore();
      deps.layer.remove();
      analysis = null;
      forced = false;
      status = 'idle';
      // The highlights on/off choice stays with the tab; the legend's per-kind toggles do not.
      visibleKinds = { ...settings.showKinds };
      deps.sendSummary(null, null);
    },
    announce() {
      // Back from the back/forward cache: the background dropped the tab's report when the tab loaded.
      if (!disabled()) deps.sendSummary(summary(), status === 'done' ? (analysis?.report ?? null) : undefined);
    },
    wantsAutoAnalysis() {
      return settings.autoAnalyze && !disabled() && status === 'idle';
    },
  };
}
