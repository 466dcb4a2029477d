/**
 * The pages the end-to-end tests serve: the seed article, the pages in
 * ./pages, and hostile variants of the seed (the same page with a script or
 * markup added, so each test shows one hostile behaviour against a known
 * article). Plain Node, no test runner, so scripts can use it too.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const PAGES_DIR = resolve(HERE, 'pages');
export const SEED_DIR = resolve(HERE, '..', 'fixtures', 'seed-article');

export function pageFile(name: string): string {
  return readFileSync(resolve(PAGES_DIR, name), 'utf8');
}

export function seedPage(): string {
  return readFileSync(resolve(SEED_DIR, 'page.html'), 'utf8');
}

export interface SeedExpected {
  article: { title: string; publishedTime: string; siteName: string; textIncludes: string[] };
  headline: { text: string; clickbait: boolean };
  blocks: { kind: 'boilerplate' | 'related'; textIncludes: string; where: string }[];
  mustNotFlag: string[];
  teaserHeadlines: { text: string; clickbait: boolean }[];
}

export function seedExpected(): SeedExpected {
  return JSON.parse(readFileSync(resolve(SEED_DIR, 'expected.json'), 'utf8')) as SeedExpected;
}

/** A tiny valid PNG (1x1) and a tiny valid PDF, for the non-HTML pages. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

export function withHead(html: string, snippet: string): string {
  return html.replace('</head>', `${snippet}\n</head>`);
}

export function withBodyEnd(html: string, snippet: string): string {
  return html.replace('</body>', `${snippet}\n</body>`);
}

/** The page replaces built-ins and DOM methods in its own world before anything else runs. */
export const PROTOTYPE_OVERRIDES = `<script>
(() => {
  window.__hostile = { ran: false };
  Array.prototype.map = function () { return []; };
  Array.prototype.filter = function () { return []; };
  Array.prototype.forEach = function () {};
  Array.from = function () { return []; };
  Object.keys = function () { return []; };
  JSON.stringify = function () { return '"hijacked"'; };
  JSON.parse = function () { return { hijacked: true }; };
  String.prototype.trim = function () { return 'hijacked'; };
  Element.prototype.querySelectorAll = function () { return []; };
  Document.prototype.querySelectorAll = function () { return []; };
  Element.prototype.getBoundingClientRect = function () { return { top: NaN, left: NaN, width: NaN, height: NaN, right: NaN, bottom: NaN }; };
  Element.prototype.attachShadow = function () { throw new Error('page forbids shadow roots'); };
  Node.prototype.cloneNode = function () { return document.createTextNode('hijacked'); };
  window.requestIdleCallback = function () { return 0; };
  window.requestAnimationFrame = function () { return 0; };
  window.MutationObserver = function () { throw new Error('page forbids observers'); };
  window.ResizeObserver = function () { throw new Error('page forbids observers'); };
  window.CustomEvent = function () { throw new Error('page forbids events'); };
  window.customElements && (window.customElements.define = function () { throw new Error('page forbids elements'); });
  window.fetch = function () { throw new Error('page forbids fetch'); };
  window.postMessage = function () {};
  window.__hostile.ran = true;
})();
</script>`;

/** The page hunts the extension's layer: hides it by CSS and removes it whenever it appears. */
export const LAYER_REMOVER = `<style>
  article-lens-layer, [class*="lens"], [id*="lens"] { display: none !important; visibility: hidden !important; }
  * { outline: 3px dotted hotpink !important; }
</style>
<script>
  window.__removals = 0;
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === 1 && node.localName.includes('-')) {
          node.setAttribute('style', 'display:none !important');
          node.remove();
          window.__removals++;
        }
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  // Defining the extension's tag name lets the page upgrade the element with its own class.
  customElements.define('article-lens-layer', class extends HTMLElement {
    connectedCallback() { this.style.setProperty('display', 'none', 'important'); }
  });
</script>`;

/** The page tries to break the layer's look with its own CSS only (no script). */
export const LAYER_RESTYLER = `<style>
  article-lens-layer { display: none !important; visibility: hidden !important; opacity: 0 !important;
    transform: scale(0) !important; position: fixed !important; left: -99999px !important; clip-path: inset(50%) !important; }
  html > *:last-child { display: none !important; }
  * { all: unset !important; outline: none !important; }
  body * { display: inline !important; }
  div, p, ul, li, aside, header, footer, form { display: block !important; }
</style>`;

/** Named elements that shadow document and form properties in every JavaScript world. */
export const DOM_CLOBBERING = `
<form name="querySelector" id="clobber1"><input name="id" value="x"><input name="nodeName"><input name="attributes"><input name="parentNode"></form>
<img name="getElementById" alt="">
<img name="createElement" alt="">
<form name="cookie"><input name="style"></form>`;

/** Sends messages shaped like the extension's own through every channel a page has. */
export function messageAttack(extensionId: string): string {
  return `<script>
  window.__attack = { sent: 0, errors: [] };
  const shapes = [
    { type: 'set-highlights', on: false },
    { type: 'toggle-highlights' },
    { type: 'set-clutter-hidden', hidden: true },
    { type: 'analyze', force: true },
    { type: 'reveal-flag', id: 'f1' },
    { type: 'report-summary', badge: { readerable: false, clickbait: true, clutter: 99 } },
    { type: 'set-settings', settings: { autoAnalyze: false, disabledSites: ['127.0.0.1'] } },
    { type: 'settings', settings: { autoAnalyze: false, disabledSites: ['127.0.0.1'] } },
    { type: 'save-settings', patch: { clickbaitSensitivity: 0, showKinds: { clickbait: false, boilerplate: false, related: false } } },
    { type: 'disable-site', host: '127.0.0.1' },
  ];
  function attack() {
    for (const shape of shapes) {
      window.postMessage(shape, '*');
      window.postMessage(JSON.stringify(shape), '*');
      window.postMessage({ source: 'article-lens', ...shape }, '*');
      document.dispatchEvent(new CustomEvent('article-lens', { detail: shape }));
      try {
        if (window.chrome && chrome.runtime && chrome.runtime.sendMessage) {
          chrome.runtime.sendMessage(${JSON.stringify(extensionId)}, shape, () => void chrome.runtime.lastError);
        } else {
          window.__attack.errors.push('no chrome.runtime in page');
        }
      } catch (error) {
        window.__attack.errors.push(String(error));
      }
      window.__attack.sent++;
    }
  }
  window.__runAttack = attack;
</script>`;
}

/** A page of about `count` elements: a short article followed by a huge grid of cells. */
export function hugePage(count = 100_000): string {
  const cells: string[] = [];
  // Each row is one <div> holding 9 <span>s: 10 elements.
  for (let row = 0; row < count / 10; row++) {
    cells.push(`<div>${Array.from({ length: 9 }, (_, i) => `<span>${(row * 9 + i) % 997}</span>`).join('')}</div>`);
  }
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Spreadsheet of readings</title></head>
<body><h1>Readings</h1><p>Sensor readings for the year, one cell per reading.</p>
<script>window.__clicks = 0; addEventListener('click', () => window.__clicks++);</script>
<main id="grid">${cells.join('\n')}</main></body></html>`;
}

export function seedWith(head = '', bodyEnd = ''): string {
  return withBodyEnd(withHead(seedPage(), head), bodyEnd);
}
