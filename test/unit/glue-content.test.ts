// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createClutterHider } from '@/entrypoints/content/clutter.ts';
import { createHighlightLayer, LAYER_TAG } from '@/entrypoints/content/highlight-layer.ts';
import { handleContentMessage } from '@/entrypoints/content/messages.ts';
import { type ContentController, createContentController, RERUN_DELAY_MS } from '@/entrypoints/content/state.ts';
import { handleHostMessage } from '@/entrypoints/offscreen/host.ts';
import type { Analysis } from '@/utils/analyze.ts';
import type { BadgeSummary, Response, TabState } from '@/utils/messages.ts';
import type { Flag, PageReport } from '@/utils/report.ts';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings.ts';

const EXTENSION_ID = 'test-extension-id';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const SEED = readFileSync('test/fixtures/seed-article/page.html', 'utf8');

/** A small news page: article with its own paragraphs, a newsletter box, a related list, a nav. */
const PAGE = `
  <nav id="nav"><a href="/">Home</a> <a href="/world">World</a></nav>
  <main>
    <article id="article">
      <h1 id="headline">You will not believe what the council did next</h1>
      <p id="p1" style="color: red">The council approved the new budget on Tuesday after a long debate.</p>
      <div id="newsletter" style="margin:4px">Sign up to our newsletter <input type="email"></div>
      <p id="p2">Road repairs will start in spring, officials said.</p>
      <ul id="related">${Array.from({ length: 7 }, (_, i) => `<li><a href="/s${i}">Story ${i}</a></li>`).join('')}</ul>
    </article>
  </main>`;

function flag(id: string, kind: Flag['kind'], category: string, reasons: string[], score = 0.8): Flag {
  return { id, kind, category, text: '', reasons, score, insideArticle: true };
}

function fakeAnalysis(): Analysis {
  const byId = (id: string) => document.getElementById(id) as Element;
  const flags = [
    flag('f1', 'clickbait', 'headline', ['curiosity gap'], 0.91),
    flag('f2', 'boilerplate', 'newsletter', ['email form', "'sign up'"]),
    flag('f3', 'related', 'story-list', ['list of 7 links to other stories']),
    flag('f4', 'boilerplate', 'navigation', ['nav landmark']),
  ];
  const report: PageReport = {
    url: location.href,
    readerable: true,
    article: {
      title: 'You will not believe what the council did next',
      byline: null,
      siteName: null,
      publishedTime: null,
      lang: 'en',
      dir: null,
      excerpt: null,
      wordCount: 25,
      readingMinutes: 1,
      text: '',
    },
    headline: { text: 'You will not believe', score: 0.91, clickbait: true, reasons: ['curiosity gap'] },
    flags,
    cleanText: '',
    summary: [],
    notices: [],
  };
  const targets = new Map<string, Element>([
    ['f1', byId('headline')],
    ['f2', byId('newsletter')],
    ['f3', byId('related')],
    ['f4', byId('nav')],
  ]);
  return { report, targets };
}

interface Harness {
  controller: ContentController;
  summaries: Array<BadgeSummary | null>;
  ctx: ContentScriptContext;
  shadow(): ShadowRoot;
}

function harness(settings: Settings = DEFAULT_SETTINGS, analyze = fakeAnalysis): Harness {
  const ctx = new ContentScriptContext('content');
  const summaries: Array<BadgeSummary | null> = [];
  let controller: ContentController | null = null;
  const clutter = createClutterHider();
  const layer = createHighlightLayer(ctx, {
    onToggleKind: (kind) => controller?.toggleKind(kind),
    onToggleClutter: () => controller?.setClutterHidden(!clutter.hidden),
    onClose: () => controller?.setHighlights(false),
  });
  controller = createContentController(settings, {
    document,
    href: () => location.href,
    analyze: () => analyze(),
    sendSummary: (badge) => summaries.push(badge),
    layer,
    clutter,
    message: () => '',
    now: () => performance.now(),
    setTimeout: (callback, ms) => {
      setTimeout(callback, ms);
    },
    prefersReducedMotion: () => true,
  });
  return {
    controller,
    summaries,
    ctx,
    shadow: () => {
      const host = document.querySelector(LAYER_TAG);
      if (!host?.shadowRoot) throw new Error('no layer');
      return host.shadowRoot;
    },
  };
}

const layerHost = () => document.documentElement.querySelector(`:scope > ${LAYER_TAG}`);

describe('content message handling', () => {
  const controller = {
    getState: vi.fn((): TabState => ({ status: 'idle' })),
    setHighlights: vi.fn((): TabState => ({ status: 'idle' })),
  } as unknown as ContentController;
  const deps = { extensionId: EXTENSION_ID, extensionOrigin: ORIGIN, controller: async () => controller };

  it('answers the popup, the popup opened in a tab and the background', async () => {
    for (const sender of [
      { id: EXTENSION_ID, url: `${ORIGIN}popup.html` },
      { id: EXTENSION_ID, url: `${ORIGIN}popup.html?tab=3`, tab: { id: 4 } },
      { id: EXTENSION_ID, url: `${ORIGIN}background.js` },
    ]) {
      await expect(handleContentMessage({ type: 'get-state' }, sender, deps)).resolves.toEqual({
        ok: true,
        state: { status: 'idle' },
      });
    }
  });

  it('ignores other extensions and content scripts in web pages', () => {
    expect(handleContentMessage({ type: 'set-highlights', on: false }, { id: 'evil-extension' }, deps)).toBeUndefined();
    expect(
      handleContentMessage(
        { type: 'set-highlights', on: false },
        { id: EXTENSION_ID, url: 'https://other.example/', tab: { id: 9 } },
        deps,
      ),
    ).toBeUndefined();
    expect(handleContentMessage({ type: 'get-state' }, {}, deps)).toBeUndefined();
    expect(controller.setHighlights).not.toHaveBeenCalled();
  });

  it('refuses malformed payloads without acting', async () => {
    const sender = { id: EXTENSION_ID, url: `${ORIGIN}popup.html` };
    for (const bad of [
      undefined,
      'get-state',
      { type: 'nope' },
      { type: 'set-highlights', on: 'false' },
      { type: 'set-clutter-hidden' },
      { type: 'reveal-flag', id: 'f1"><img src=x onerror=alert(1)>' },
    ]) {
      await expect(handleContentMessage(bad, sender, deps)).resolves.toMatchObject({ ok: false });
    }
    expect(handleContentMessage({ type: 'report-summary', badge: null }, sender, deps)).toBeUndefined();
    expect(controller.setHighlights).not.toHaveBeenCalled();
  });
});

describe('highlight layer, legend and hide clutter', () => {
  let test: Harness;
  let before: string;

  beforeEach(() => {
    document.body.innerHTML = PAGE;
    Element.prototype.scrollIntoView = vi.fn();
    before = document.documentElement.outerHTML;
    test = harness();
  });

  afterEach(() => {
    test.ctx.abort();
    document.querySelectorAll(LAYER_TAG).forEach((host) => {
      host.remove();
    });
  });

  it('draws one box and label per shown flag in an open shadow root outside the page flow', async () => {
    expect(test.controller.analyze(false)).toMatchObject({ status: 'done', highlights: true, clutterHidden: false });
    await vi.waitFor(() => expect(layerHost()).not.toBeNull());
    const shadow = test.shadow();
    expect(shadow.mode).toBe('open');
    // Styled through an adopted sheet where possible, a <style> otherwise; never both.
    expect(shadow.adoptedStyleSheets.length + shadow.querySelectorAll('style').length).toBe(1);
    // Page chrome (the nav) is recognised but not drawn by default.
    expect([...shadow.querySelectorAll('.box')].map((box) => (box as HTMLElement).dataset.flag)).toEqual([
      'f1',
      'f2',
      'f3',
    ]);
    const labels = [...shadow.querySelectorAll('.label')];
    expect(labels.map((label) => label.textContent)).toEqual([
      'Headline · Score 91/100 · curiosity gap',
      "Newsletter · email form; 'sign up'",
      'Story list · list of 7 links to other stories',
    ]);
    expect(labels[2]?.getAttribute('aria-label')).toBe(labels[2]?.textContent);
    const host = layerHost() as HTMLElement;
    expect(host.style.getPropertyValue('position')).toBe('absolute');
    expect(host.style.getPropertyPriority('position')).toBe('important');
    expect(document.body.querySelector(LAYER_TAG)).toBeNull();
    expect(test.summaries.at(-1)).toEqual({ readerable: true, clickbait: true, clutter: 2 });
  });

  it('legend counts per kind and toggles a kind', async () => {
    test.controller.analyze(false);
    await vi.waitFor(() => expect(layerHost()).not.toBeNull());
    const legendText = () => [...test.shadow().querySelectorAll('.legend .kind')].map((button) => button.textContent);
    expect(legendText()).toEqual(['Clickbait: 1', 'Boilerplate: 1', 'Related links: 1']);
    const related = test.shadow().querySelector('.legend .kind[data-kind="related"]') as HTMLButtonElement;
    related.click();
    await vi.waitFor(() => expect(test.shadow().querySelectorAll('.box')).toHaveLength(2));
    expect(test.shadow().querySelector('.legend .kind[data-kind="related"]')?.getAttribute('aria-pressed')).toBe(
      'false',
    );
  });

  it('follows settings: page chrome on, style change', async () => {
    test.controller.analyze(false);
    await vi.waitFor(() => expect(layerHost()).not.toBeNull());
    test.controller.applySettings({ ...DEFAULT_SETTINGS, highlightPageChrome: true, highlightStyle: 'tint' });
    await vi.waitFor(() => expect(test.shadow().querySelectorAll('.box')).toHaveLength(4));
    expect(test.shadow().querySelector('.boxes')?.className).toContain('style-tint');
    expect(test.summaries.at(-1)).toEqual({ readerable: true, clickbait: true, clutter: 3 });
  });

  it('hides flagged clutter only, then restores every style attribute exactly', async () => {
    test.controller.analyze(false);
    expect(test.controller.setClutterHidden(true)).toMatchObject({ status: 'done', clutterHidden: true });
    const display = (id: string) => (document.getElementById(id) as HTMLElement).style.getPropertyValue('display');
    expect(display('newsletter')).toBe('none');
    expect((document.getElementById('newsletter') as HTMLElement).style.getPropertyPriority('display')).toBe(
      'important',
    );
    expect(display('related')).toBe('none');
    // Not the article's own paragraphs, not the headline, not page chrome left unhighlighted.
    for (const id of ['p1', 'p2', 'headline', 'nav', 'article']) expect(display(id)).toBe('');
    expect(test.controller.setClutterHidden(false)).toMatchObject({ clutterHidden: false });
    test.controller.setHighlights(false);
    await vi.waitFor(() => expect(layerHost()).toBeNull());
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('never hides a flagged block that holds most of the article', () => {
    const analysis = fakeAnalysis();
    analysis.report.flags.push(flag('f5', 'boilerplate', 'advertising', ['ad label']));
    analysis.targets.set('f5', document.getElementById('article') as Element);
    const own = harness(DEFAULT_SETTINGS, () => analysis);
    own.controller.analyze(false);
    own.controller.setClutterHidden(true);
    expect((document.getElementById('article') as HTMLElement).style.display).toBe('');
    expect((document.getElementById('related') as HTMLElement).style.display).toBe('none');
    own.controller.setClutterHidden(false);
    // A small block around the unflagged-as-such article h1 is kept visible too.
    const wrapper = document.createElement('header');
    document.getElementById('headline')?.replaceWith(wrapper);
    wrapper.append(Object.assign(document.createElement('h1'), { textContent: analysis.report.article?.title }));
    analysis.report.flags.splice(0, 1);
    analysis.report.flags.push(flag('f6', 'boilerplate', 'share', ['share words']));
    analysis.targets.set('f6', wrapper);
    own.controller.setClutterHidden(true);
    expect(wrapper.style.display).toBe('');
    own.controller.setClutterHidden(false);
    own.ctx.abort();
  });

  it('turning highlights off leaves the DOM exactly as before; the page removing the host gets it back', async () => {
    test.controller.analyze(false);
    await vi.waitFor(() => expect(layerHost()).not.toBeNull());
    layerHost()?.remove();
    await vi.waitFor(() => expect(layerHost()).not.toBeNull());
    (layerHost() as HTMLElement).style.display = 'none';
    await vi.waitFor(() => expect((layerHost() as HTMLElement).style.display).toBe('block'));
    expect(test.controller.toggleHighlights()).toMatchObject({ highlights: false });
    expect(layerHost()).toBeNull();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('the shortcut on a page not analysed yet analyses it and shows the highlights', async () => {
    expect(test.controller.getState()).toEqual({ status: 'idle' });
    expect(test.controller.toggleHighlights()).toMatchObject({ status: 'done', highlights: true });
    await vi.waitFor(() => expect(layerHost()).not.toBeNull());
    expect(test.controller.toggleHighlights()).toMatchObject({ status: 'done', highlights: false });
    expect(layerHost()).toBeNull();
  });

  it('reveals a flag: scrolls to it and pulses, even with highlights off', async () => {
    test.controller.analyze(false);
    test.controller.setHighlights(false);
    expect(test.controller.revealFlag('f3')).toEqual({ ok: true });
    expect(document.getElementById('related')?.scrollIntoView).toHaveBeenCalled();
    await vi.waitFor(() => expect(test.shadow().querySelector('.box.pulse')).not.toBeNull());
    expect(test.shadow().querySelectorAll('.box')).toHaveLength(1);
    expect(test.controller.revealFlag('f99')).toEqual({ ok: false, error: 'unknown-flag' });
    test.controller.setHighlights(false);
    expect(layerHost()).toBeNull();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('tears down when the site gets disabled and re-analyses on a threshold change', async () => {
    const analyze = vi.fn(fakeAnalysis);
    const own = harness(DEFAULT_SETTINGS, analyze);
    own.controller.analyze(false);
    for (const sensitivity of [60, 70, 80])
      own.controller.applySettings({ ...DEFAULT_SETTINGS, clickbaitSensitivity: sensitivity });
    expect(analyze).toHaveBeenCalledTimes(1);
    // Once, after the slider settles.
    await vi.waitFor(() => expect(analyze).toHaveBeenCalledTimes(2));
    await new Promise((resolve) => setTimeout(resolve, RERUN_DELAY_MS + 100));
    expect(analyze).toHaveBeenCalledTimes(2);
    own.controller.setClutterHidden(true);
    own.controller.applySettings({ ...DEFAULT_SETTINGS, disabledSites: [location.hostname] });
    expect(own.controller.getState()).toEqual({ status: 'disabled-site', host: location.hostname });
    await vi.waitFor(() => expect(layerHost()).toBeNull());
    expect(document.documentElement.outerHTML).toBe(before);
    expect(own.summaries.at(-1)).toBeNull();
    own.ctx.abort();
  });
});

describe('content script entry with the fake browser', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    document.documentElement.innerHTML = new DOMParser()
      .parseFromString(SEED, 'text/html')
      .documentElement.innerHTML.replace(/<script[\s\S]*?<\/script>/gi, '');
  });

  async function startContentScript(settings: Partial<Settings>) {
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, ...settings } });
    const sent: unknown[] = [];
    // The extension's side: the background makes sure an analysis host exists, the host analyses the copy.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      sent.push(message);
      const type = (message as { type?: string }).type;
      if (type === 'ensure-analyzer') return { ok: true };
      if (type === 'analyze-page')
        return handleHostMessage(message, { id: EXTENSION_ID, url: location.href, tab: { id: 1 } }, EXTENSION_ID);
      return undefined;
    });
    const { default: content } = await import('@/entrypoints/content/index.ts');
    const ctx = new ContentScriptContext('content');
    await content.main(ctx);
    const ask = async (message: unknown, sender: object = { id: EXTENSION_ID, url: `${ORIGIN}popup.html` }) => {
      const sendResponse = vi.fn();
      const results: unknown[] = await fakeBrowser.runtime.onMessage.trigger(message, sender, sendResponse);
      if (!results.includes(true)) return undefined;
      await vi.waitFor(() => expect(sendResponse).toHaveBeenCalled());
      return sendResponse.mock.calls[0]?.[0] as Response;
    };
    return { ctx, sent, ask };
  }

  it('analyses the page on its own in idle time and reports the badge summary', async () => {
    const { ctx, sent, ask } = await startContentScript({ autoAnalyze: true });
    let response: Response | undefined;
    await vi.waitFor(
      async () => {
        response = await ask({ type: 'get-state' });
        expect(response).toMatchObject({ ok: true, state: { status: 'done' } });
      },
      { timeout: 10_000 },
    );
    if (!response?.ok || response.state.status !== 'done') throw new Error('not done');
    expect(response.state.report.article?.title).toContain('WW3 fears as Russia claims US weapons');
    // Analysed on a copy sent to the extension, its flags mapped back onto this page.
    expect(sent).toContainEqual(
      expect.objectContaining({ type: 'analyze-page', html: expect.stringContaining('WW3') }),
    );
    expect(response.state.report.flags.length).toBeGreaterThan(0);
    expect(response.state.report.flagsDropped).toBe(0);
    expect(response.state.report.notices).not.toContain('analysed-in-page');
    // The background gets the badge and the report it keeps for the popup (the flags the page kept).
    expect(sent).toContainEqual({
      type: 'report-summary',
      badge: expect.objectContaining({ readerable: true }),
      report: response.state.report,
    });
    // The popup asks for the view only: the report is not copied out of the page again.
    const view = await ask({ type: 'get-state', view: true });
    expect(view).toEqual({
      ok: true,
      state: { status: 'done', highlights: true, clutterHidden: false, ms: response.state.ms },
    });
    expect(await ask({ type: 'set-highlights', on: false, view: true })).toEqual({
      ok: true,
      state: { status: 'done', highlights: false, clutterHidden: false, ms: response.state.ms },
    });
    ctx.abort();
  });

  it('waits for the popup when auto-analysis is off, and ignores a page posting look-alike messages', async () => {
    const { ctx, ask } = await startContentScript({ autoAnalyze: false });
    window.postMessage({ type: 'analyze', force: true }, '*');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await ask({ type: 'get-state' })).toEqual({ ok: true, state: { status: 'idle' } });
    expect(await ask({ type: 'analyze', force: false }, { url: location.href })).toBeUndefined();
    expect(await ask({ type: 'analyze', force: false })).toMatchObject({ ok: true, state: { status: 'analyzing' } });
    await vi.waitFor(async () =>
      expect(await ask({ type: 'get-state' })).toMatchObject({ ok: true, state: { status: 'done' } }),
    );
    ctx.abort();
  });

  it('re-analyses after a history.pushState navigation, badge cleared in between', async () => {
    const { ctx, sent, ask } = await startContentScript({ autoAnalyze: true });
    await vi.waitFor(
      async () => expect(await ask({ type: 'get-state' })).toMatchObject({ state: { status: 'done' } }),
      {
        timeout: 10_000,
      },
    );
    const first = location.href;
    document.body.innerHTML = `<main><article><h1>Orchard harvest best in a decade</h1>${'<p>Apple growers in the valley are reporting their best harvest in ten years, helped by a warm spring without late frosts and steady rain through the summer months.</p>'.repeat(6)}</article></main>`;
    history.pushState({}, '', '/orchard');
    try {
      await vi.waitFor(
        async () => {
          const response = await ask({ type: 'get-state' });
          expect(response?.ok && response.state.status === 'done' && response.state.report.url).toBe(location.href);
        },
        { timeout: 10_000 },
      );
      // The old page's report is dropped at the navigation, the new page's replaces it.
      expect(sent).toContainEqual({ type: 'report-summary', badge: null, report: null });
      const summaries = sent.filter((message) => (message as { type: string }).type === 'report-summary');
      expect(summaries.at(-1)).toMatchObject({ badge: { readerable: true }, report: { url: location.href } });
    } finally {
      history.replaceState({}, '', first);
      ctx.abort();
    }
  });

  it('on a disabled site answers get-state and does nothing else', async () => {
    const { ctx, sent, ask } = await startContentScript({ disabledSites: [location.hostname] });
    expect(await ask({ type: 'get-state' })).toEqual({
      ok: true,
      state: { status: 'disabled-site', host: location.hostname },
    });
    expect(await ask({ type: 'analyze', force: true })).toMatchObject({ state: { status: 'disabled-site' } });
    expect(sent).toEqual([]);
    ctx.abort();
  });
});

describe('mark-text: the popup marks the spoiler on the page', () => {
  let test: Harness;
  let before: string;
  const sender = { id: EXTENSION_ID, url: `${ORIGIN}popup.html` };
  const send = (message: unknown) =>
    handleContentMessage(message, sender, {
      extensionId: EXTENSION_ID,
      extensionOrigin: ORIGIN,
      controller: async () => test.controller,
    });

  beforeEach(() => {
    document.body.innerHTML = PAGE.replace('Road repairs will', 'Road <b>repairs</b> will');
    Element.prototype.scrollIntoView = vi.fn();
    // jsdom has no layout: give the range two line boxes to draw.
    Range.prototype.getClientRects = () =>
      [new DOMRect(10, 20, 200, 16), new DOMRect(10, 36, 80, 16)] as unknown as DOMRectList;
    before = document.body.outerHTML;
    test = harness(DEFAULT_SETTINGS);
  });

  afterEach(() => {
    test.ctx.abort();
    document.querySelectorAll(LAYER_TAG).forEach((host) => {
      host.remove();
    });
  });

  it('finds the text across element boundaries, scrolls to it and draws the mark in the layer only', async () => {
    test.controller.analyze(false);
    const response = await send({ type: 'mark-text', text: 'Road repairs  will start in spring' });
    expect(response).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(test.shadow().querySelectorAll('.mark').length).toBe(2));
    expect(Element.prototype.scrollIntoView).toHaveBeenCalled();
    // The page itself is untouched: the mark lives in the shadow root.
    expect(document.body.outerHTML).toBe(before);
    // Highlights off: nothing of ours is left.
    test.controller.setHighlights(false);
    await vi.waitFor(() => expect(layerHost()).toBeNull());
  });

  it('says so when the text is not on the page, and refuses malformed requests', async () => {
    test.controller.analyze(false);
    await expect(send({ type: 'mark-text', text: 'Nothing like this is on the page' })).resolves.toEqual({
      ok: false,
      error: 'not-found',
    });
    for (const bad of [
      { type: 'mark-text' },
      { type: 'mark-text', text: '   ' },
      { type: 'mark-text', text: 'x'.repeat(5000) },
    ]) {
      await expect(send(bad)).resolves.toEqual({ ok: false, error: 'invalid-request' });
    }
  });
});
