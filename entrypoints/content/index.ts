/**
 * Content script: analyses the page in idle time, answers the popup, draws the
 * highlight layer. Top frame only, http(s) only. Every entry point is guarded
 * so that no exception of ours reaches the page.
 */

import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { Analysis, analyzeDocument } from '@/utils/analyze.ts';
import type { BadgeSummary } from '@/utils/messages.ts';
import type { PageReport } from '@/utils/report.ts';
import { loadSettings, watchSettings } from '@/utils/settings-item.ts';
import { createClutterHider } from './clutter.ts';
import { createHighlightLayer } from './highlight-layer.ts';
import { handleContentMessage } from './messages.ts';
import { type AnalyzeRequest, analyzeRemotely } from './remote.ts';
import { isNewPage, type Timers, waitForDomSettle, whenPageIdle } from './spa-watch.ts';
import { type ContentController, createContentController } from './state.ts';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: false,
  main(ctx) {
    try {
      start(ctx);
    } catch {
      // Never let a failure of ours surface in the page.
    }
  },
});

function start(ctx: ContentScriptContext): void {
  // Captured once, at start: later page changes cannot swap them under us.
  const doc = document;
  const win = window;
  const now = performance.now.bind(performance);
  const extensionId = browser.runtime.id;
  const extensionOrigin = browser.runtime.getURL('/');
  const timers: Timers = {
    setTimeout: (callback, ms) => ctx.setTimeout(guard(callback), ms),
    requestIdleCallback:
      typeof win.requestIdleCallback === 'function'
        ? (callback, options) => ctx.requestIdleCallback(guard(callback), options)
        : undefined,
  };

  let controller: ContentController | null = null;
  const clutter = createClutterHider();
  const layer = createHighlightLayer(ctx, {
    onToggleKind: (kind) => controller?.toggleKind(kind),
    onToggleClutter: () => {
      if (controller) controller.setClutterHidden(!clutter.hidden);
    },
    onClose: () => controller?.setHighlights(false),
  });

  const sendSummary = (badge: BadgeSummary | null, report?: PageReport | null) => {
    if (ctx.isInvalid) return;
    try {
      const message =
        report === undefined ? { type: 'report-summary', badge } : { type: 'report-summary', badge, report };
      browser.runtime.sendMessage(message).catch(() => {});
    } catch {
      // The extension was reloaded: nobody to tell.
    }
  };

  const ready = loadSettings().then((settings) => {
    controller = createContentController(settings, {
      document: doc,
      href: () => location.href,
      analyze: (options) =>
        analyzeRemotely(options, {
          document: doc,
          send: (message) => browser.runtime.sendMessage(message),
          fallback: (request) => analyzeInPage(doc, request),
          yieldToPage: () => new Promise((resolve) => ctx.setTimeout(resolve, 0)),
          loadedBytes: () => {
            try {
              const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
              return navigation?.decodedBodySize ?? 0;
            } catch {
              return 0;
            }
          },
        }),
      sendSummary,
      layer,
      clutter,
      // Keys are built at run time (categories); missing ones give '' and a fallback.
      message: (key, substitutions) =>
        browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0], substitutions),
      now,
      setTimeout: (callback, ms) => {
        timers.setTimeout(callback, ms);
      },
      prefersReducedMotion: () => win.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true,
    });
    return controller;
  });

  // Auto-analysis: after load, in idle time; each new page gets a new generation.
  let generation = 0;
  const scheduleAuto = (afterNavigation: boolean) => {
    const mine = ++generation;
    const run = () => {
      if (mine === generation && controller?.wantsAutoAnalysis()) controller.analyze(false);
    };
    const idle = () => whenPageIdle(doc, timers, guard(run));
    if (afterNavigation) waitForDomSettle(doc, timers).then(idle, () => {});
    else idle();
  };

  ready
    .then((current) => {
      if (current.wantsAutoAnalysis()) scheduleAuto(false);
    })
    .catch(() => {});

  const unwatch = watchSettings((settings) => {
    if (!controller) return;
    controller.applySettings(settings);
    if (controller.wantsAutoAnalysis()) scheduleAuto(false);
  });
  ctx.onInvalidated(unwatch);

  const listener = (
    message: unknown,
    sender: Parameters<typeof handleContentMessage>[1],
    sendResponse: (response: unknown) => void,
  ) => {
    try {
      const pending = handleContentMessage(message, sender, { extensionId, extensionOrigin, controller: () => ready });
      if (!pending) return false;
      pending.then(sendResponse, () => sendResponse({ ok: false, error: 'internal' }));
      return true;
    } catch {
      return false;
    }
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(listener);
    clutter.restore();
    layer.remove();
  });

  // Single-page sites: a new URL (not just a new #fragment) is a new article. The
  // event only prompts a look at location itself, so a page dispatching a forged
  // event cannot make us re-analyse; the check waits a tick for the URL to commit.
  let lastUrl = location.href;
  const checkUrl = guard(() => {
    const next = location.href;
    if (!isNewPage(lastUrl, next)) return;
    lastUrl = next;
    if (!controller) return;
    controller.reset();
    scheduleAuto(true);
  });
  ctx.addEventListener(win, 'wxt:locationchange', () => {
    timers.setTimeout(checkUrl, 0);
  });

  // Back/forward cache: the badge was cleared on navigation, the page kept its state.
  ctx.addEventListener(win, 'pageshow', (event) =>
    guard(() => {
      // After the tab's own "loading" update, which clears the badge.
      if ((event as PageTransitionEvent).persisted) timers.setTimeout(() => controller?.announce(), 500);
    })(),
  );
}

/** The fallback: the whole pipeline, loaded only now (it is not part of the content script). */
async function analyzeInPage(doc: Document, request: AnalyzeRequest): Promise<Analysis> {
  const name = '__articleLensAnalyzeInPage';
  const scope = globalThis as unknown as Record<string, typeof analyzeDocument | undefined>;
  if (!scope[name]) await import(/* @vite-ignore */ browser.runtime.getURL('/analysis-fallback.js' as '/popup.html'));
  const analyze = scope[name];
  if (!analyze) throw new Error('analysis unavailable');
  return analyze(doc, request);
}

function guard<T extends unknown[]>(run: (...args: T) => void): (...args: T) => void {
  return (...args) => {
    try {
      run(...args);
    } catch {
      // Swallowed on purpose: the page's console is not ours to fill.
    }
  };
}
