/**
 * The popup's conversation about one tab: find the tab, ask its content script
 * for its view (status, highlights, hidden clutter), start an analysis when
 * none ran yet, follow it until it is done, then read the tab's report from
 * the background, where it is kept, and make the summary and the spoiler from
 * it; and send the quick controls' requests to the content script.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ContentAction, ReportResponse, Response, TabState, TabView, ViewResponse } from '../../utils/messages.ts';
import type { PageReport } from '../../utils/report.ts';
import { withSpoiler } from '../../utils/spoiler/index.ts';
import { withSummary } from '../../utils/summary.ts';

export type UnsupportedReason = 'internal' | 'store' | 'pdf' | 'file' | 'not-html' | 'reload' | 'unknown';

/** What the popup shows: the tab's state, or why there is none yet. */
export type PopupState =
  | TabState
  | { status: 'connecting' }
  | { status: 'unsupported'; reason: UnsupportedReason; url: string | null };

export interface TabHandle {
  state: PopupState;
  tabId: number | null;
  tabUrl: string | null;
  send(request: ContentAction): Promise<void>;
  /** Ask again after a settings change the content script reacts to (disable/enable site). */
  refresh(options?: { waitWhile?: TabState['status'] }): Promise<void>;
  /** Show a state known locally (e.g. right after the user turned the site off). */
  replace(next: PopupState): void;
}

const POLL_MS = 300;
const MAX_POLL_MS = 60_000;
const CONNECT_TRIES = 4;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Why no content script answers on this URL. */
export function unsupportedReason(url: string | null): UnsupportedReason {
  if (!url) return 'unknown';
  const lower = url.toLowerCase();
  if (/^(chrome-extension:\/\/mhjfbmdgcfjbbpaeojofohoefgiehjai\/|.*\.pdf([?#]|$))/.test(lower)) return 'pdf';
  if (
    /^https?:\/\/(chrome\.google\.com\/webstore|chromewebstore\.google\.com|addons\.mozilla\.org|microsoftedge\.microsoft\.com\/addons)/.test(
      lower,
    )
  )
    return 'store';
  if (lower.startsWith('file:')) return 'file';
  if (/^https?:/.test(lower)) return 'reload';
  return 'internal';
}

/** The tab named by `?tab=<id>`, else the active tab of the current window. */
async function resolveTab(search: string): Promise<{ id: number | null; url: string | null }> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null && /^\d+$/.test(param)) {
    const id = Number(param);
    try {
      const tab = await browser.tabs.get(id);
      return { id, url: tab.url ?? null };
    } catch {
      return { id, url: null };
    }
  }
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return { id: tab?.id ?? null, url: tab?.url ?? null };
  } catch {
    return { id: null, url: null };
  }
}

/** Asks the tab's content script; the answer carries its view, never the report. */
async function ask(tabId: number, request: ContentAction): Promise<ViewResponse> {
  const response = (await browser.tabs.sendMessage(tabId, { ...request, view: true })) as ViewResponse | undefined;
  if (!response || typeof response !== 'object' || !('ok' in response)) throw new Error('no response');
  return response;
}

/**
 * The tab's latest report, from the background. Where the background has none
 * although the tab has analysed (its copy could not be kept: the session area
 * full or missing), the content script's own report is asked for instead.
 */
async function reportOf(tabId: number): Promise<PageReport | null> {
  try {
    const kept = (await browser.runtime.sendMessage({ type: 'get-report', tabId })) as ReportResponse | undefined;
    if (kept?.ok && kept.report) return kept.report;
  } catch {
    // No background to answer: ask the tab.
  }
  const response = (await browser.tabs.sendMessage(tabId, { type: 'get-state' })) as Response | undefined;
  return response?.ok && response.state.status === 'done' ? response.state.report : null;
}

export function useTabState(search: string = globalThis.location?.search ?? ''): TabHandle {
  const [state, setState] = useState<PopupState>({ status: 'connecting' });
  const [tab, setTab] = useState<{ id: number | null; url: string | null }>({ id: null, url: null });
  const alive = useRef(true);
  const generation = useRef(0);

  const show = useCallback((next: PopupState, run: number) => {
    if (!alive.current || run !== generation.current) return;
    // The page's analysis leaves the summary and the spoiler out (they would cost every page load); they are made here.
    setState(next.status === 'done' ? { ...next, report: withSpoiler(withSummary(next.report)) } : next);
  }, []);

  /** The tab's view, completed with its report when the analysis is done. */
  const settle = useCallback(
    async (tabId: number, view: TabView, run: number) => {
      if (view.status !== 'done') {
        show(view, run);
        return;
      }
      const report = await reportOf(tabId);
      if (!alive.current || run !== generation.current) return;
      show(report ? { ...view, report } : { status: 'error', message: 'no-report' }, run);
    },
    [show],
  );

  /** Follow an analysis until the content script reports something else. */
  const follow = useCallback(
    async (tabId: number, first: ViewResponse, run: number) => {
      let response = first;
      const started = Date.now();
      while (response.ok && response.state.status === 'analyzing') {
        show(response.state, run);
        if (Date.now() - started > MAX_POLL_MS) {
          show({ status: 'error', message: 'timeout' }, run);
          return;
        }
        await sleep(POLL_MS);
        if (!alive.current || run !== generation.current) return;
        response = await ask(tabId, { type: 'get-state' });
      }
      if (!response.ok) show({ status: 'error', message: response.error }, run);
      else if (response.state.status === 'idle') {
        show({ status: 'analyzing' }, run);
        await follow(tabId, await ask(tabId, { type: 'analyze', force: false }), run);
      } else await settle(tabId, response.state, run);
    },
    [show, settle],
  );

  const start = useCallback(
    async (target: { id: number | null; url: string | null }, waitWhile?: TabState['status']) => {
      const run = ++generation.current;
      if (target.id === null) {
        show({ status: 'unsupported', reason: unsupportedReason(target.url), url: target.url }, run);
        return;
      }
      const reason = unsupportedReason(target.url);
      // A page still loading may not have its content script yet: retry briefly.
      const tries = reason === 'reload' || reason === 'unknown' ? CONNECT_TRIES : 1;
      let response: ViewResponse | null = null;
      for (let attempt = 0; attempt < tries && !response; attempt++) {
        if (attempt > 0) await sleep(250 * attempt);
        try {
          response = await ask(target.id, { type: 'get-state' });
        } catch {
          response = null;
        }
      }
      if (!response) {
        show({ status: 'unsupported', reason, url: target.url }, run);
        return;
      }
      // After a settings change the content script may need a moment to notice.
      for (let wait = 0; waitWhile && wait < 10 && response.ok && response.state.status === waitWhile; wait++) {
        await sleep(150);
        response = await ask(target.id, { type: 'get-state' });
      }
      try {
        await follow(target.id, response, run);
      } catch {
        show({ status: 'unsupported', reason, url: target.url }, run);
      }
    },
    [follow, show],
  );

  useEffect(() => {
    alive.current = true;
    resolveTab(search).then((target) => {
      if (!alive.current) return;
      setTab(target);
      void start(target);
    });
    return () => {
      alive.current = false;
    };
  }, [search, start]);

  const send = useCallback(
    async (request: ContentAction) => {
      if (tab.id === null) return;
      const run = ++generation.current;
      if (request.type === 'analyze') show({ status: 'analyzing' }, run);
      try {
        const response = await ask(tab.id, request);
        if ((request.type === 'reveal-flag' || request.type === 'mark-text') && response.ok) return;
        await follow(tab.id, response, run);
      } catch {
        show({ status: 'unsupported', reason: unsupportedReason(tab.url), url: tab.url }, run);
      }
    },
    [tab, follow, show],
  );

  const refresh = useCallback(
    async (options?: { waitWhile?: TabState['status'] }) => start(tab, options?.waitWhile),
    [tab, start],
  );

  const replace = useCallback((next: PopupState) => show(next, ++generation.current), [show]);

  return { state, tabId: tab.id, tabUrl: tab.url, send, refresh, replace };
}
