// @vitest-environment jsdom
/**
 * The off-page analysis: the slimmed serialisation, element addresses across a
 * live page and its parsed copy, the analysis host's sender checks, and the
 * content script's mapping of flags back onto a page that changed meanwhile.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { offscreenAnalyzer } from '@/entrypoints/background/analyzer.ts';
import { handleBackgroundMessage } from '@/entrypoints/background/handlers.ts';
import { analyzeRemotely, resolveFlags } from '@/entrypoints/content/remote.ts';
import { analyzeHtml, handleHostMessage } from '@/entrypoints/offscreen/host.ts';
import { addressOf, fingerprintText, parseAddress, resolveAddress } from '@/utils/address.ts';
import { analyzeDocument } from '@/utils/analyze.ts';
import { parseRequest } from '@/utils/messages.ts';
import { serializeDocument, slimHtml } from '@/utils/serialize.ts';

const EXTENSION_ID = 'test-extension-id';
const SEED = readFileSync('test/fixtures/seed-article/page.html', 'utf8');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const tabSender = { id: EXTENSION_ID, url: 'https://news.example/story', tab: { id: 3 }, frameId: 0 };

describe('slimHtml', () => {
  it('empties scripts, styles, SVG drawings, comments and data: URIs, and keeps every element', () => {
    const html = [
      '<head><script>var a = "<p>";</script><script type="application/ld+json">{"headline":"Kept"}</script>',
      '<style>p { color: red }</style></head><body><!-- a comment --><p>One</p>',
      '<svg viewBox="0 0 1 1"><g><svg><path d="M0"/></svg><path d="M1"/></g></svg><p>Two</p>',
      '<img src="data:image/png;base64,AAAA" alt="x"><p data-props="{&quot;big&quot;:1}" class="c">Three</p>',
      '<img srcset="a.jpg 1x, b.jpg 2x" sizes="100vw" src="a.jpg" data-src="data:x"></body>',
    ].join('');
    const slim = slimHtml(html);
    expect(slim).not.toContain('var a');
    expect(slim).toContain('{"headline":"Kept"}');
    expect(slim).not.toContain('color: red');
    expect(slim).not.toContain('a comment');
    expect(slim).not.toContain('<path');
    expect(slim).not.toContain('base64');
    expect(slim).not.toMatch(/data-props|srcset|sizes|data-src/);
    expect(slim).toContain('<p class="c">Three</p>');
    expect(slim).toContain('src="a.jpg"');
    const before = parse(html);
    const after = parse(slim);
    // The same elements at the same places outside the SVG drawings.
    const tags = (doc: Document) =>
      Array.from(doc.querySelectorAll('body > *, head > *')).map((element) => element.localName);
    expect(tags(after)).toEqual(tags(before));
    expect(after.querySelectorAll('p')[2]?.textContent).toBe('Three');
  });

  it('empties what a page wrote in capitals, as the browser serialises it, and raw text to its end in any case', () => {
    const live = parse(
      '<HTML><BODY><SCRIPT TYPE="text/javascript">var secret = 1;</SCRIPT><STYLE>P { x: y }</STYLE>' +
        '<P DATA-X="big">One</P><SVG><PATH D="M0"/></SVG><P>Two</P></BODY></HTML>',
    );
    const slim = slimHtml(live.documentElement.outerHTML);
    expect(slim).not.toMatch(/secret|x: y|data-x|<path/i);
    expect(parse(slim).querySelectorAll('p')).toHaveLength(2);
    // Text held raw (an iframe's fallback) keeps the case the page wrote it in.
    const raw = '<body><iframe><script>document.write("a")</SCRIPT><p>Kept</p></iframe><p>After</p></body>';
    expect(slimHtml(raw)).toContain('<p>After</p>');
    expect(slimHtml(raw)).not.toContain('document.write');
  });

  it('keeps the seed page analysing the same on the slimmed copy', () => {
    const live = parse(SEED);
    const page = serializeDocument(live);
    expect(page?.html.length).toBeLessThan(page?.rawChars ?? 0);
    const copy = parse(page?.html ?? '');
    const a = analyzeDocument(live, { url: 'https://seed.example/' }).report;
    const b = analyzeDocument(copy, { url: 'https://seed.example/' }).report;
    expect(b.article?.title).toBe(a.article?.title);
    expect(b.cleanText).toBe(a.cleanText);
    expect(b.flags.map((flag) => [flag.kind, flag.category, flag.text])).toEqual(
      a.flags.map((flag) => [flag.kind, flag.category, flag.text]),
    );
  });
});

describe('element addresses', () => {
  it('name the same element on the live page and on its parsed copy', () => {
    const live = parse(SEED);
    const copy = parse(serializeDocument(live)?.html ?? '');
    const { targets } = analyzeDocument(copy, { url: 'https://seed.example/' });
    expect(targets.size).toBeGreaterThan(3);
    for (const element of targets.values()) {
      const address = addressOf(element);
      expect(address).not.toBeNull();
      const found = address ? resolveAddress(live, address) : null;
      expect(found?.localName).toBe(element.localName);
      expect(fingerprintText(found as Element)).toBe(fingerprintText(element));
    }
  });

  it('do not resolve when the element is gone or its text changed', () => {
    const live = parse('<body><div><p>First paragraph</p><p>Second paragraph</p></div></body>');
    const second = live.querySelectorAll('p')[1] as Element;
    const address = addressOf(second);
    if (!address) throw new Error('no address');
    expect(resolveAddress(live, address)).toBe(second);
    second.textContent = 'Something else now';
    expect(resolveAddress(live, address)).toBeNull();
    second.remove();
    expect(resolveAddress(live, address)).toBeNull();
  });

  it('are validated when received', () => {
    expect(parseAddress({ path: [0, 1], tag: 'div', text: 'x' })).toEqual({ path: [0, 1], tag: 'div', text: 'x' });
    expect(parseAddress({ path: [-1], tag: 'div', text: '' })).toBeNull();
    expect(parseAddress({ path: [0], tag: '<img>', text: '' })).toBeNull();
    expect(parseAddress({ path: [0], tag: 'p', text: 'x'.repeat(500) })).toBeNull();
    expect(parseAddress('p')).toBeNull();
  });
});

describe('the analysis host', () => {
  const request = (html: string) => ({
    type: 'analyze-page',
    html,
    url: 'https://seed.example/story',
    force: false,
    clickbaitThreshold: 0.5,
  });

  it("answers this extension's content script in a top frame only", async () => {
    const message = request(SEED);
    expect(handleHostMessage(message, { ...tabSender, id: 'other-extension' }, EXTENSION_ID)).toBeUndefined();
    expect(
      handleHostMessage(message, { id: EXTENSION_ID, url: 'https://evil.example/' }, EXTENSION_ID),
    ).toBeUndefined();
    expect(handleHostMessage(message, { ...tabSender, frameId: 2 }, EXTENSION_ID)).toBeUndefined();
    const popupInTab = { ...tabSender, url: `chrome-extension://${EXTENSION_ID}/popup.html?tab=3` };
    expect(handleHostMessage(message, popupInTab, EXTENSION_ID)).toBeUndefined();
    expect(handleHostMessage({ ...message, html: 42 }, tabSender, EXTENSION_ID)).toBeUndefined();
    expect(handleHostMessage({ type: 'get-state' }, tabSender, EXTENSION_ID)).toBeUndefined();
    const answer = await handleHostMessage(message, tabSender, EXTENSION_ID);
    expect(answer?.ok && answer.report.article?.title).toContain('WW3 fears');
    expect(answer?.ok && Object.keys(answer.addresses).length).toBe(answer?.ok ? answer.report.flags.length : -1);
  });

  it('refuses malformed analyze-page payloads', () => {
    expect(parseRequest({ ...request('x'), clickbaitThreshold: 2 })).toBeNull();
    expect(parseRequest({ ...request('x'), force: 'yes' })).toBeNull();
    expect(parseRequest({ ...request('x'), url: 7 })).toBeNull();
  });

  it('analyses pages far above the in-page element limit', () => {
    const rows = Array.from({ length: 7000 }, (_, i) => `<div>${'<span>1</span>'.repeat(9)}${i}</div>`).join('');
    const html = `<html><body><h1>Readings</h1><p>Sensor readings for the year.</p><main>${rows}</main></body></html>`;
    const answer = analyzeHtml({
      type: 'analyze-page',
      html,
      url: 'https://x.example/',
      force: true,
      clickbaitThreshold: 0.5,
    });
    expect(answer.ok && answer.report.notices).not.toContain('page-too-large');
  });
});

describe('the content script side', () => {
  it('drops the flags whose element changed or went away, and says how many', async () => {
    document.documentElement.innerHTML = parse(SEED).documentElement.innerHTML.replace(
      /<script[\s\S]*?<\/script>/gi,
      '',
    );
    const sent: unknown[] = [];
    let mutate = () => {};
    const analysis = await analyzeRemotely(
      { url: 'https://seed.example/story', force: false, clickbaitThreshold: 0.5 },
      {
        document,
        send: async (message) => {
          sent.push(message);
          const type = (message as { type: string }).type;
          if (type === 'ensure-analyzer') return { ok: true };
          const answer = await handleHostMessage(message, tabSender, EXTENSION_ID);
          // The page changes while the copy is analysed.
          mutate();
          return answer;
        },
        fallback: () => Promise.reject(new Error('not expected')),
        yieldToPage: async () => {
          mutate = () => {
            const first = document.querySelector('h1');
            if (first) first.textContent = 'A different headline now';
          };
        },
      },
    );
    const full = analyzeDocument(parse(serializeDocument(parse(SEED))?.html ?? ''), {
      url: 'https://seed.example/story',
    });
    const headlineFlags = full.report.flags.filter((flag) => flag.category === 'headline').length;
    expect(headlineFlags).toBeGreaterThan(0);
    expect(analysis.report.flagsDropped).toBe(headlineFlags);
    expect(analysis.report.flags.length).toBe(full.report.flags.length - headlineFlags);
    for (const flag of analysis.report.flags) expect(analysis.targets.get(flag.id)?.isConnected).toBe(true);
    expect(sent.map((message) => (message as { type: string }).type)).toEqual(['ensure-analyzer', 'analyze-page']);
  });

  it('falls back to the in-page analysis, with a notice, when no extension document can be had', async () => {
    document.documentElement.innerHTML = '<body><h1>Title</h1><p>Text</p></body>';
    const analysis = await analyzeRemotely(
      { url: 'https://seed.example/', force: false, clickbaitThreshold: 0.5 },
      {
        document,
        send: async () => ({ ok: false, error: 'no-analyzer' }),
        fallback: async (request) => analyzeDocument(document, request),
        yieldToPage: async () => {},
      },
    );
    expect(analysis.report.notices).toContain('analysed-in-page');
  });

  it('refuses a page whose HTML arrived too large without serialising it', async () => {
    document.documentElement.innerHTML = '<body><h1>Title</h1><p>Text</p></body>';
    const sent: unknown[] = [];
    const analysis = await analyzeRemotely(
      { url: 'https://seed.example/', force: false, clickbaitThreshold: 0.5 },
      {
        document,
        send: async (message) => {
          sent.push(message);
          return { ok: true };
        },
        fallback: () => Promise.reject(new Error('not expected')),
        yieldToPage: async () => {},
        loadedBytes: () => 50 * 1024 * 1024,
      },
    );
    expect(analysis.report.notices).toEqual(['page-too-large']);
    expect(sent).toEqual([]);
  });

  it('drops a flag whose copy parsed differently from the live tree (a script-built <p> inside a <p>)', () => {
    // Live: a <p> holding a <p> (only a script can build that); the copy's parser closes the first <p>.
    const live = parse('<body><div><p id="outer">Outer text</p><p>Next paragraph here</p></div></body>');
    const outer = live.getElementById('outer') as Element;
    const inner = live.createElement('p');
    inner.textContent = 'Inner text';
    outer.append(inner);
    const copy = parse(live.documentElement.outerHTML);
    const next = Array.from(copy.querySelectorAll('p')).find((p) => p.textContent === 'Next paragraph here') as Element;
    // The copy's tree differs: the inner <p> became a sibling (and the stray </p> one more).
    expect(copy.querySelectorAll('p').length).toBeGreaterThan(live.querySelectorAll('p').length);
    const address = addressOf(next);
    if (!address) throw new Error('no address');
    // In the live tree that path names another element (or none): never a highlight on the wrong element.
    expect(resolveAddress(live, address)).toBeNull();
  });

  it('resolveFlags keeps the order and ids of the flags that resolve', () => {
    const live = parse('<body><p>Alpha text</p><p>Beta text</p></body>');
    const [alpha, beta] = Array.from(live.querySelectorAll('p'));
    const report = analyzeDocument(live).report;
    const flags = [
      { id: 'f1', kind: 'boilerplate' as const, category: 'x', text: '', reasons: [], score: 1, insideArticle: false },
      { id: 'f2', kind: 'related' as const, category: 'y', text: '', reasons: [], score: 1, insideArticle: false },
    ];
    const addresses = { f1: addressOf(alpha as Element), f2: { ...addressOf(beta as Element), text: 'stale' } };
    const result = resolveFlags(live, { ...report, flags }, addresses as never);
    expect(result.report.flags.map((flag) => flag.id)).toEqual(['f1']);
    expect(result.report.flagsDropped).toBe(1);
  });
});

describe('the offscreen document', () => {
  it('is created once for concurrent requests, behind getContexts', async () => {
    const created: unknown[] = [];
    let contexts: unknown[] = [];
    const analyzer = offscreenAnalyzer(
      {
        offscreen: {
          createDocument: async (parameters) => {
            created.push(parameters);
            contexts = [{}];
          },
          closeDocument: async () => {
            contexts = [];
          },
        },
        runtime: { getURL: (path) => `chrome-extension://id/${path}`, getContexts: async () => contexts },
      },
      { setTimeout: (() => 0) as unknown as typeof setTimeout, clearTimeout: () => {} },
    );
    expect(await Promise.all([analyzer.ensure(), analyzer.ensure(), analyzer.ensure()])).toEqual([true, true, true]);
    expect(await analyzer.ensure()).toBe(true);
    expect(created).toEqual([expect.objectContaining({ reasons: ['DOM_PARSER'], url: 'offscreen.html' })]);
  });

  it('says no when the browser has no offscreen API, and the background relays it', async () => {
    const analyzer = offscreenAnalyzer({ runtime: { getURL: (path) => path } });
    expect(await analyzer.ensure()).toBe(false);
    const deps = { extensionId: EXTENSION_ID, setBadge: async () => {}, ensureAnalyzer: () => analyzer.ensure() };
    await expect(handleBackgroundMessage({ type: 'ensure-analyzer' }, tabSender, deps)).resolves.toEqual({
      ok: false,
      error: 'no-analyzer',
    });
    expect(handleBackgroundMessage({ type: 'ensure-analyzer' }, { ...tabSender, id: 'x' }, deps)).toBeUndefined();
  });
});
