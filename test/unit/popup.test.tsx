// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type PopupState, unsupportedReason } from '../../components/hooks/useTabState.ts';
import { Popup } from '../../components/Popup.tsx';
import { type PopupActions, PopupView } from '../../components/PopupView.tsx';
import { reportMarkdown, reportPlainText } from '../../components/report-format.ts';
import { type ContentRequest, type Response, type TabState, viewOf } from '../../utils/messages.ts';
import type { Flag, PageReport } from '../../utils/report.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings.ts';
import { loadSettings, saveSettings } from '../../utils/settings-item.ts';

type Messages = Record<string, { message: string }>;
const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Messages;

/** The English messages through the fake browser, substitutions as the browsers do them. */
function installMessages(messages: Messages) {
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  }) as typeof fakeBrowser.i18n.getMessage;
}

function flag(partial: Partial<Flag> & Pick<Flag, 'id' | 'kind' | 'category' | 'text'>): Flag {
  return { reasons: ['a reason'], score: 0.9, insideArticle: false, ...partial };
}

function makeReport(overrides: Partial<PageReport> = {}): PageReport {
  return {
    url: 'https://www.example.com/news/story',
    readerable: true,
    article: {
      title: 'Council approves the new budget',
      byline: 'Jane Reporter',
      siteName: 'Example News',
      publishedTime: '2023-06-10T09:30:00Z',
      lang: 'en',
      dir: null,
      excerpt: 'The council approved the budget after a long debate.',
      wordCount: 1234,
      readingMinutes: 6,
      text: 'Body',
    },
    headline: {
      text: 'WW3 fears as Russia claims shock attack',
      score: 0.87,
      clickbait: true,
      reasons: ["Sensational fear framing: 'WW3 fears'", "Shock word: 'shock'"],
    },
    flags: [
      flag({ id: 'f1', kind: 'related', category: 'read-more', text: "READ MORE: 'Kamikaze drone' falls in Moscow" }),
      flag({ id: 'f2', kind: 'boilerplate', category: 'newsletter', text: 'Sign up to our newsletter today' }),
      flag({ id: 'f3', kind: 'clickbait', category: 'teaser', text: 'You will never guess what happened next' }),
      flag({ id: 'f4', kind: 'boilerplate', category: 'navigation', text: 'Home News Sport Weather' }),
    ],
    cleanText: 'Body',
    summary: ['First sentence.', 'Second sentence.', 'Third sentence.'],
    notices: [],
    ...overrides,
  };
}

const done = (report: PageReport, extra: Partial<Extract<TabState, { status: 'done' }>> = {}): TabState => ({
  status: 'done',
  report,
  highlights: true,
  clutterHidden: false,
  ms: 12,
  ...extra,
});

function mockActions(): { [K in keyof PopupActions]: Mock<PopupActions[K]> } {
  return {
    analyze: vi.fn(),
    setHighlights: vi.fn(),
    setClutterHidden: vi.fn(),
    revealFlag: vi.fn(),
    markText: vi.fn(),
    disableSite: vi.fn(),
    enableSite: vi.fn(),
    copy: vi.fn(async () => {}),
    openOptions: vi.fn(),
  };
}

function view(state: PopupState, settings: Settings | null = DEFAULT_SETTINGS as Settings) {
  const actions = mockActions();
  const result = render(<PopupView state={state} settings={settings} actions={actions} lang="en" />);
  const main = result.container.querySelector('main')!;
  return { ...result, actions, main };
}

beforeEach(() => {
  fakeBrowser.reset();
  installMessages(en);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('PopupView states', () => {
  it('shows the article card with metadata, verdict, clutter and summary', () => {
    const { main } = view(done(makeReport()));
    expect(main.dataset.state).toBe('article');
    expect(screen.getByRole('heading', { level: 1, name: 'Council approves the new budget' })).toBeTruthy();
    expect(screen.getByText('Example News')).toBeTruthy();
    expect(screen.getByText('Jane Reporter')).toBeTruthy();
    expect(screen.getByText(/June 10, 2023/)).toBeTruthy();
    expect(screen.getByText(/6 min read/)).toBeTruthy();
    expect(screen.getByText(/1,234 words/)).toBeTruthy();
    expect(screen.getByText('The council approved the budget after a long debate.')).toBeTruthy();
    // Verdict: meter, label, reasons, teaser count.
    const meter = screen.getByLabelText(/clickbait score/i);
    expect(meter.tagName).toBe('METER');
    expect(meter.getAttribute('value')).toBe('87');
    expect(meter.getAttribute('max')).toBe('100');
    expect(screen.getByText('Clickbait', { selector: '.pill' })).toBeTruthy();
    expect(screen.getByText('Score 87/100')).toBeTruthy();
    expect(screen.getByText("Sensational fear framing: 'WW3 fears'")).toBeTruthy();
    expect(screen.getByText('Bait teasers on this page: 1')).toBeTruthy();
    // Clutter: page chrome (navigation) is hidden by default settings.
    const counts = screen.getByRole('list', { name: 'Flagged blocks per kind' });
    expect(within(counts).getByText('Boilerplate').parentElement?.textContent).toContain('1');
    expect(screen.queryByText(/Home News Sport Weather/)).toBeNull();
    expect(screen.getByText('First sentence. Second sentence. Third sentence.')).toBeTruthy();
  });

  it('lists page chrome when the settings ask for it and hides kinds turned off', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      highlightPageChrome: true,
      showKinds: { clickbait: true, boilerplate: true, related: false },
    } as Settings;
    view(done(makeReport()), settings);
    expect(screen.getByText(/Home News Sport Weather/)).toBeTruthy();
    expect(screen.queryByText(/Kamikaze drone/)).toBeNull();
  });

  it('leaves the headline verdict out when clickbait flags are turned off', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      showKinds: { clickbait: false, boilerplate: true, related: true },
    } as Settings;
    view(done(makeReport()), settings);
    expect(screen.queryByLabelText(/clickbait score/i)).toBeNull();
    expect(screen.queryByText("Sensational fear framing: 'WW3 fears'")).toBeNull();
  });

  it('falls back to the host when there is no site name, and says when the headline is not scored', () => {
    const base = makeReport();
    const report = makeReport({
      article: { ...base.article!, siteName: null },
      headline: { text: 'Überschrift', score: null, clickbait: false, reasons: [], notScored: 'language' },
    });
    view(done(report));
    expect(screen.getByText('example.com')).toBeTruthy();
    expect(screen.getByText('Not scored (language)')).toBeTruthy();
    expect(screen.queryByRole('meter')).toBeNull();
  });

  it('keeps a clutter section when nothing was flagged', () => {
    view(done(makeReport({ flags: [] })));
    expect(screen.getByRole('heading', { name: 'Clutter found' })).toBeTruthy();
    expect(screen.getByText('No clutter found')).toBeTruthy();
  });

  it('says plainly when the page is not an article and offers to analyse anyway', () => {
    const { main, actions } = view(done(makeReport({ readerable: false, article: null, notices: ['no-article'] })));
    expect(main.dataset.state).toBe('not-article');
    expect(screen.getByText("This page doesn't look like an article")).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Analyse anyway' }));
    expect(actions.analyze).toHaveBeenCalledWith(true);
  });

  it('shows a forced analysis of a non-readerable page as an article', () => {
    const { main } = view(done(makeReport({ readerable: false })));
    expect(main.dataset.state).toBe('article');
  });

  it('reports a page too large to analyse', () => {
    const { main } = view(done(makeReport({ readerable: false, article: null, notices: ['page-too-large'] })));
    expect(main.dataset.state).toBe('too-large');
    expect(screen.getByText('This page is too large to analyse fully')).toBeTruthy();
  });

  it('explains a PDF, image or plain-text tab instead of offering an analysis', () => {
    const { main } = view(done(makeReport({ readerable: false, article: null, notices: ['not-html'] })));
    expect(main.dataset.state).toBe('unsupported');
    expect(screen.getByText(/not a web page but a document the browser shows directly/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Analyse anyway' })).toBeNull();
  });

  it('shows progress while loading and analysing', () => {
    const { main } = view({ status: 'analyzing' });
    expect(main.dataset.state).toBe('loading');
    expect(main.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Analysing the page');
  });

  it('explains unsupported pages specifically, never with a raw error', () => {
    const { main } = view({ status: 'unsupported', reason: 'store', url: 'https://chromewebstore.google.com/x' });
    expect(main.dataset.state).toBe('unsupported');
    expect(screen.getByText(/extension store/)).toBeTruthy();
    cleanup();
    view({ status: 'unsupported', reason: 'pdf', url: 'https://x.org/a.pdf' });
    expect(screen.getByText(/built-in viewer/)).toBeTruthy();
    cleanup();
    view({ status: 'unsupported', reason: 'internal', url: 'chrome://settings' });
    expect(screen.getByText(/page of the browser itself/)).toBeTruthy();
  });

  it('offers to re-enable a disabled site', () => {
    const { main, actions } = view({ status: 'disabled-site', host: 'example.com' });
    expect(main.dataset.state).toBe('disabled-site');
    fireEvent.click(screen.getByRole('button', { name: 'Turn on for example.com' }));
    expect(actions.enableSite).toHaveBeenCalledWith('example.com');
  });

  it('shows a clear error with a way to try again', () => {
    const { main, actions } = view({ status: 'error', message: 'TypeError: x is undefined' });
    expect(main.dataset.state).toBe('error');
    expect(screen.getByRole('alert').textContent).toContain('could not be analysed');
    expect(screen.queryByText(/TypeError/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(actions.analyze).toHaveBeenCalledWith(true);
  });
});

describe('PopupView renders page text as text only', () => {
  it('shows markup in the title, byline, flags, reasons and summary literally', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const base = makeReport();
    const report = makeReport({
      article: { ...base.article!, title: evil, byline: '<b>bold</b>', excerpt: '<script>alert(2)</script>' },
      headline: { text: evil, score: 0.9, clickbait: true, reasons: ['<a href="javascript:x">r</a>'] },
      flags: [flag({ id: 'f1', kind: 'related', category: '<i>cat</i>', text: '<iframe src=x></iframe> hi' })],
      summary: ['<svg onload=alert(3)>'],
    });
    const { container } = view(done(report));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(evil);
    expect(screen.getByText('<b>bold</b>')).toBeTruthy();
    expect(screen.getByText('<script>alert(2)</script>')).toBeTruthy();
    expect(screen.getByText('<a href="javascript:x">r</a>')).toBeTruthy();
    expect(screen.getByText('<svg onload=alert(3)>')).toBeTruthy();
    expect(screen.getByText('<iframe src=x></iframe> hi')).toBeTruthy();
    expect(container.querySelector('img, b, script, iframe, i, a')).toBeNull();
    expect(container.querySelectorAll('svg').length).toBe(1); // only the settings icon
  });
});

describe('PopupView controls', () => {
  it('calls the quick controls with the right values', () => {
    const { actions } = view(done(makeReport(), { highlights: true, clutterHidden: false }));
    fireEvent.click(screen.getByRole('switch', { name: 'Highlights on this tab' }));
    expect(actions.setHighlights).toHaveBeenCalledWith(false);
    fireEvent.click(screen.getByRole('switch', { name: 'Hide clutter' }));
    expect(actions.setClutterHidden).toHaveBeenCalledWith(true);
    fireEvent.click(screen.getByRole('button', { name: 'Run again' }));
    expect(actions.analyze).toHaveBeenCalledWith(true);
    fireEvent.click(screen.getByRole('button', { name: 'Never run on example.com' }));
    expect(actions.disableSite).toHaveBeenCalledWith('example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(actions.openOptions).toHaveBeenCalled();
  });

  it('reveals a flag when its entry is clicked', () => {
    const { actions } = view(done(makeReport()));
    fireEvent.click(screen.getByText('Related links', { selector: 'summary' }));
    fireEvent.click(screen.getByRole('button', { name: /Kamikaze drone/ }));
    expect(actions.revealFlag).toHaveBeenCalledWith('f1');
  });

  it('copies the report as plain text and as Markdown', async () => {
    const report = makeReport();
    const { actions } = view(done(report));
    fireEvent.click(screen.getByRole('button', { name: 'Copy report' }));
    await screen.findByText('Report copied as plain text.');
    const plain = actions.copy.mock.calls[0]?.[0] as string;
    expect(plain).toContain('Council approves the new budget');
    expect(plain).toContain('Sign up to our newsletter today');
    expect(plain).not.toContain('Home News Sport'); // page chrome is not shown, so not copied
    fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    await screen.findByText('Report copied as Markdown.');
    const markdown = actions.copy.mock.calls[1]?.[0] as string;
    expect(markdown.startsWith('# Council approves the new budget')).toBe(true);
    expect(markdown).toContain('## Summary');
  });
});

describe('unsupportedReason', () => {
  it('names why no content script can answer on a URL', () => {
    expect(unsupportedReason('chrome://settings/')).toBe('internal');
    expect(unsupportedReason('about:addons')).toBe('internal');
    expect(unsupportedReason('edge://newtab/')).toBe('internal');
    expect(unsupportedReason('view-source:https://example.com/')).toBe('internal');
    expect(unsupportedReason('https://chromewebstore.google.com/detail/x/abc')).toBe('store');
    expect(unsupportedReason('https://chrome.google.com/webstore/detail/x')).toBe('store');
    expect(unsupportedReason('https://addons.mozilla.org/en-US/firefox/addon/x/')).toBe('store');
    expect(unsupportedReason('https://example.com/paper.PDF')).toBe('pdf');
    expect(unsupportedReason('https://example.com/get.pdf?download=1')).toBe('pdf');
    expect(unsupportedReason('file:///home/me/page.html')).toBe('file');
    expect(unsupportedReason('https://example.com/news')).toBe('reload');
    expect(unsupportedReason(null)).toBe('unknown');
  });
});

describe('report text', () => {
  it('escapes page text in Markdown so it cannot become links, images or HTML', () => {
    const base = makeReport();
    const report = makeReport({ article: { ...base.article!, title: '![x](http://evil) <b>hi</b>' } });
    const markdown = reportMarkdown(report, report.flags, 'en');
    expect(markdown).toContain('\\!\\[x\\]\\(http://evil\\) \\<b\\>hi\\</b\\>');
    expect(reportPlainText(report, report.flags, 'en').split('\n')[0]).toBe('![x](http://evil) <b>hi</b>');
  });
});

describe('Popup messaging (usePopup)', () => {
  type Handler = (request: ContentRequest) => Response | Promise<Response>;
  let sent: ContentRequest[];

  /** The background's reports by tab, and what was asked of it. */
  let kept: Map<number, PageReport>;
  let askedBackground: unknown[];

  /**
   * The tab's content script answers with `handler`'s state (its view when asked with
   * `view: true`); a finished analysis hands its report to the background, as report-summary does.
   */
  function stubTab(handler: Handler, options: { backgroundKeeps?: boolean } = {}) {
    sent = [];
    kept = new Map();
    askedBackground = [];
    const stub = vi.fn(async (tabId: number, request: ContentRequest) => {
      sent.push(request);
      const response = await handler(request);
      if (response.ok && response.state.status === 'done' && options.backgroundKeeps !== false) {
        kept.set(tabId, response.state.report);
      }
      return request.view && response.ok ? { ok: true, state: viewOf(response.state) } : response;
    });
    (browser.tabs as unknown as { sendMessage: unknown }).sendMessage = stub;
    (browser.runtime as unknown as { sendMessage: unknown }).sendMessage = vi.fn(async (message: unknown) => {
      askedBackground.push(message);
      const { type, tabId } = message as { type: string; tabId: number };
      return type === 'get-report' ? { ok: true, report: kept.get(tabId) ?? null } : undefined;
    });
    return stub;
  }

  async function openPopupFor(url: string) {
    const tab = await fakeBrowser.tabs.create({ url });
    window.history.replaceState({}, '', `/popup.html?tab=${tab.id}`);
    const result = render(<Popup />);
    return { ...result, main: () => result.container.querySelector('main')!, tabId: tab.id! };
  }

  it('analyses an idle tab, follows progress and then drives the quick controls', async () => {
    let state: TabState = { status: 'idle' };
    let polls = 0;
    const stub = stubTab((request) => {
      if (request.type === 'analyze') state = { status: 'analyzing' };
      else if (request.type === 'get-state' && state.status === 'analyzing' && ++polls >= 2) state = done(makeReport());
      else if (request.type === 'set-highlights' && state.status === 'done')
        state = { ...state, highlights: request.on };
      return { ok: true, state };
    });
    const { main, tabId } = await openPopupFor('https://www.example.com/news/story');
    await waitFor(() => expect(main().dataset.state).toBe('article'), { timeout: 3000 });
    expect(stub.mock.calls[0]?.[0]).toBe(tabId);
    expect(sent[0]).toEqual({ type: 'get-state', view: true });
    expect(sent).toContainEqual({ type: 'analyze', force: false, view: true });
    // The report came from the background; every request to the page asked for its view only.
    expect(askedBackground).toContainEqual({ type: 'get-report', tabId });
    expect(sent.every((request) => request.view === true)).toBe(true);
    expect(document.documentElement.lang).toBe('en');

    fireEvent.click(screen.getByRole('switch', { name: 'Highlights on this tab' }));
    await waitFor(() => expect(sent.at(-1)).toEqual({ type: 'set-highlights', on: false, view: true }));
    await waitFor(() =>
      expect((screen.getByRole('switch', { name: 'Highlights on this tab' }) as HTMLInputElement).checked).toBe(false),
    );
    fireEvent.click(screen.getByRole('switch', { name: 'Hide clutter' }));
    await waitFor(() => expect(sent.at(-1)).toEqual({ type: 'set-clutter-hidden', hidden: true, view: true }));
    fireEvent.click(screen.getByText('Boilerplate', { selector: 'summary' }));
    fireEvent.click(screen.getByRole('button', { name: /Sign up to our newsletter/ }));
    await waitFor(() => expect(sent.at(-1)).toEqual({ type: 'reveal-flag', id: 'f2', view: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Run again' }));
    await waitFor(() => expect(sent).toContainEqual({ type: 'analyze', force: true, view: true }));
  });

  it('shows the report the background keeps, with the summary made when it is read', async () => {
    const inPage = makeReport();
    stubTab(() => ({ ok: true, state: done(inPage) }), { backgroundKeeps: false });
    const { main, tabId } = await openPopupFor('https://www.example.com/news/story');
    const cleanText =
      'The ferry keeps its winter timetable until March. Crossings leave every forty minutes from the north pier. ' +
      'Tickets bought online stay valid on the bus to the harbour.';
    kept.set(tabId, {
      ...inPage,
      article: { ...inPage.article!, title: 'As the background keeps it' },
      cleanText,
      summary: [],
    });
    await waitFor(() => expect(main().dataset.state).toBe('article'));
    expect(screen.getByText('As the background keeps it')).toBeTruthy();
    expect(main().textContent).toContain('Crossings leave every forty minutes from the north pier.');
    expect(sent.every((request) => request.view === true)).toBe(true);
  });

  it('asks the tab for its report when the background has none', async () => {
    stubTab(() => ({ ok: true, state: done(makeReport()) }), { backgroundKeeps: false });
    const { main, tabId } = await openPopupFor('https://www.example.com/news/story');
    await waitFor(() => expect(main().dataset.state).toBe('article'));
    expect(askedBackground).toContainEqual({ type: 'get-report', tabId });
    expect(sent).toContainEqual({ type: 'get-state' });
  });

  it('turns the site off and on again through the synced settings', async () => {
    let state: TabState = done(makeReport());
    stubTab(() => ({ ok: true, state }));
    const { main } = await openPopupFor('https://www.example.com/news/story');
    await waitFor(() => expect(main().dataset.state).toBe('article'));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Never run on example.com' })).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Never run on example.com' }));
    await waitFor(() => expect(main().dataset.state).toBe('disabled-site'));
    expect((await loadSettings()).disabledSites).toEqual(['example.com']);

    state = { status: 'disabled-site', host: 'example.com' };
    fireEvent.click(screen.getByRole('button', { name: 'Turn on for example.com' }));
    await waitFor(async () => expect((await loadSettings()).disabledSites).toEqual([]));
    state = done(makeReport());
    await waitFor(() => expect(main().dataset.state).toBe('article'), { timeout: 3000 });
  });

  it('says the page is unsupported when no content script answers', async () => {
    stubTab(() => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const { main } = await openPopupFor('chrome://extensions/');
    await waitFor(() => expect(main().dataset.state).toBe('unsupported'));
    expect(screen.getByText(/page of the browser itself/)).toBeTruthy();
    expect(screen.queryByText(/Receiving end/)).toBeNull();
  });

  it('uses the active tab when no tab is named', async () => {
    // The fake browser has no current window, so the query is stubbed too.
    const query = vi.fn(async () => [{ id: 42, url: 'https://example.org/a' }]);
    (browser.tabs as unknown as { query: unknown }).query = query;
    const stub = stubTab(() => ({ ok: true, state: done(makeReport()) }));
    window.history.replaceState({}, '', '/popup.html');
    const { container } = render(<Popup />);
    await waitFor(() => expect(container.querySelector('main')?.dataset.state).toBe('article'));
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(stub.mock.calls[0]?.[0]).toBe(42);
  });

  it('shows the stored settings: a disabled kind is left out of the list', async () => {
    await saveSettings({
      ...(DEFAULT_SETTINGS as Settings),
      showKinds: { clickbait: true, boilerplate: false, related: true },
    });
    stubTab(() => ({ ok: true, state: done(makeReport()) }));
    const { main } = await openPopupFor('https://www.example.com/news/story');
    await waitFor(() => expect(main().dataset.state).toBe('article'));
    await waitFor(() => expect(screen.queryByText('Boilerplate', { selector: 'summary' })).toBeNull());
    expect(screen.getByText('Related links', { selector: 'summary' })).toBeTruthy();
  });
});

describe('Saved you a click', () => {
  const withSpoilerReport = (spoiler: NonNullable<PageReport['headline']>['spoiler'], spoilerReason?: string) => {
    const report = makeReport();
    return makeReport({
      headline: { ...(report.headline as NonNullable<PageReport['headline']>), spoiler, spoilerReason },
    });
  };

  it('shows the spoiler under the verdict as text, and its button asks the page to mark it', () => {
    const text = 'The raid used <img src=x onerror=alert(1)> three US-made <b>vehicles</b>.';
    const { main, actions } = view(done(withSpoilerReport({ text, type: 'passage', score: 0.6 })));
    const line = main.querySelector('.verdict .spoiler-text') as HTMLElement;
    expect(line.textContent).toBe(`Saved you a click: ${text}`);
    // Page text stays text: nothing in it became an element.
    expect(main.querySelector('.verdict img, .verdict .spoiler b')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show it on the page' }));
    expect(actions.markText).toHaveBeenCalledWith(text);
  });

  it('shows a list answer as its items, and its button marks the first item', () => {
    const parts = ['1. Make your own cleaner.', '2) Use an <b>old</b> toothbrush.', '#3: Scrape the glass.'];
    const { main, actions } = view(
      done(withSpoilerReport({ text: parts.join(' '), type: 'multi', score: 0.5, parts })),
    );
    const items = Array.from(main.querySelectorAll('.verdict .spoiler-items li')).map((li) => li.textContent);
    expect(items).toEqual(parts);
    expect(main.querySelector('.verdict .spoiler b')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show it on the page' }));
    expect(actions.markText).toHaveBeenCalledWith(parts[0]);
  });

  it('says when the article does not answer the headline, and shows nothing for a headline that is not bait', () => {
    const { main } = view(done(withSpoilerReport(null, 'no-answer')));
    expect(main.querySelector('.verdict .spoiler')?.textContent).toBe(en.spoilerNone?.message);
    expect(screen.queryByRole('button', { name: 'Show it on the page' })).toBeNull();
    cleanup();
    const calm = makeReport();
    const { main: other } = view(
      done(
        makeReport({
          headline: { ...(calm.headline as NonNullable<PageReport['headline']>), clickbait: false, score: 0.1 },
        }),
      ),
    );
    expect(other.querySelector('.spoiler')).toBeNull();
  });
});
