/**
 * Property-based tests of the whole analysis over random and malformed pages:
 * HTML strings the parser has to repair, and DOM trees built directly (which
 * can nest things no parser would produce). Whatever the page, the analysis
 * never throws, never changes the page, flags only text that is there, only
 * ever removes text for cleanText, and returns JSON of the documented shape.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../scripts/cli/load-page.ts';
import { analyzePage } from '../../utils/analyze.ts';
import type { AnalyzeOptions } from '../../utils/detectors.ts';
import { FLAG_KINDS, type PageReport } from '../../utils/report.ts';
import { countWords } from '../../utils/text.ts';

const RUNS = 100;
// CI explores one fixed sample, so a red build always reproduces (FC_SEED overrides it);
// local runs draw new cases each time.
const SEED = process.env.FC_SEED ?? (process.env.CI ? '20261126' : undefined);
fc.configureGlobal({
  ...(SEED === undefined ? {} : { seed: Number(SEED) }),
  // Shrinking a failure builds a jsdom document per try and can run out of memory before it
  // reports; stop within the test's own time-out and report the smallest case found so far.
  interruptAfterTimeLimit: 25_000,
  markInterruptAsFailure: true,
});

// ---------------------------------------------------------------- shape check

type Check = (value: unknown, path: string, errors: string[]) => void;

const isString: Check = (v, p, e) => {
  if (typeof v !== 'string') e.push(`${p}: expected string`);
};
const isBoolean: Check = (v, p, e) => {
  if (typeof v !== 'boolean') e.push(`${p}: expected boolean`);
};
const isCount: Check = (v, p, e) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) e.push(`${p}: expected a whole number >= 0`);
};
const isScore: Check = (v, p, e) => {
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) e.push(`${p}: expected a number in 0..1`);
};
const nullable =
  (check: Check): Check =>
  (v, p, e) => {
    if (v !== null) check(v, p, e);
  };
const arrayOf =
  (check: Check): Check =>
  (v, p, e) => {
    if (!Array.isArray(v)) e.push(`${p}: expected array`);
    else for (const [i, item] of v.entries()) check(item, `${p}[${i}]`, e);
  };
const oneOf =
  (values: readonly unknown[]): Check =>
  (v, p, e) => {
    if (!values.includes(v)) e.push(`${p}: ${JSON.stringify(v)} not one of ${values.join(', ')}`);
  };
const object =
  (fields: Record<string, Check>, optional: Record<string, Check> = {}): Check =>
  (v, p, e) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      e.push(`${p}: expected object`);
      return;
    }
    const record = v as Record<string, unknown>;
    for (const [key, check] of Object.entries(fields)) {
      if (!(key in record)) e.push(`${p}.${key}: missing`);
      else check(record[key], `${p}.${key}`, e);
    }
    for (const [key, check] of Object.entries(optional)) if (key in record) check(record[key], `${p}.${key}`, e);
    for (const key of Object.keys(record)) {
      if (!(key in fields) && !(key in optional)) e.push(`${p}.${key}: not in the documented shape`);
    }
  };

/** The PageReport contract of utils/report.ts, checked field by field. */
const reportShape = object({
  url: isString,
  readerable: isBoolean,
  article: nullable(
    object({
      title: isString,
      byline: nullable(isString),
      siteName: nullable(isString),
      publishedTime: nullable(isString),
      lang: nullable(isString),
      dir: nullable(isString),
      excerpt: nullable(isString),
      wordCount: isCount,
      readingMinutes: isCount,
      text: isString,
    }),
  ),
  headline: nullable(
    object(
      { text: isString, score: nullable(isScore), clickbait: isBoolean, reasons: arrayOf(isString) },
      {
        notScored: isString,
        spoiler: nullable(
          object(
            {
              text: (v, p, e) => {
                if (typeof v !== 'string' || v.trim() === '') e.push(`${p}: expected non-empty text`);
                else if (v.split(' ').length > 60) e.push(`${p}: longer than 60 words`);
              },
              type: oneOf(['phrase', 'passage', 'multi']),
              score: isScore,
            },
            { parts: arrayOf(isString) },
          ),
        ),
        spoilerReason: oneOf(['no-headline', 'no-article', 'no-answer', 'language']),
      },
    ),
  ),
  flags: arrayOf(
    object({
      id: isString,
      kind: oneOf(FLAG_KINDS),
      category: isString,
      text: isString,
      reasons: arrayOf(isString),
      score: isScore,
      insideArticle: isBoolean,
    }),
  ),
  cleanText: isString,
  summary: arrayOf(isString),
  notices: arrayOf(oneOf(['page-too-large', 'not-html', 'no-article'])),
});

function shapeErrors(value: unknown): string[] {
  const errors: string[] = [];
  reportShape(value, 'report', errors);
  return errors;
}

// ---------------------------------------------------------------- invariants

/** The text's characters without whitespace. Text nodes can touch with no space between them
 * ("the" + "3.5%"), so removing one may split a word: removal is checked character by character. */
function visibleCharacters(text: string): string[] {
  return Array.from(text.replace(/\s+/g, ''));
}

/** True when `small` can be had from `large` by deleting items. */
function isSubsequence(small: string[], large: string[]): boolean {
  let at = 0;
  for (const item of large) if (at < small.length && item === small[at]) at++;
  return at === small.length;
}

/** Analyses a document and checks every invariant; returns the report. */
function analyzeAndCheck(document: Document, options: AnalyzeOptions): PageReport {
  const before = document.documentElement?.outerHTML ?? '';
  const report = analyzePage(document, options);
  expect(document.documentElement?.outerHTML ?? '').toBe(before);

  const json = JSON.parse(JSON.stringify(report)) as unknown;
  expect(json).toEqual(report);
  expect(shapeErrors(json)).toEqual([]);

  // A flag's text is the page's text with the hidden parts (script, style, ...) left out.
  const pageCharacters = visibleCharacters(document.documentElement?.textContent ?? '');
  for (const flag of report.flags) expect(isSubsequence(visibleCharacters(flag.text), pageCharacters)).toBe(true);
  expect(new Set(report.flags.map((flag) => flag.id)).size).toBe(report.flags.length);

  if (report.article) {
    expect(isSubsequence(visibleCharacters(report.cleanText), visibleCharacters(report.article.text))).toBe(true);
    expect(report.article.wordCount).toBe(countWords(report.article.text));
  } else {
    expect(report.cleanText).toBe('');
    expect(report.summary).toEqual([]);
  }
  for (const sentence of report.summary) expect(report.cleanText).toContain(sentence);
  return report;
}

// ---------------------------------------------------------------- arbitraries

const TAGS = [
  'div',
  'p',
  'span',
  'a',
  'ul',
  'ol',
  'li',
  'table',
  'tbody',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'article',
  'section',
  'aside',
  'nav',
  'header',
  'footer',
  'main',
  'figure',
  'figcaption',
  'blockquote',
  'pre',
  'code',
  'b',
  'i',
  'em',
  'strong',
  'br',
  'hr',
  'img',
  'iframe',
  'frameset',
  'frame',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'time',
  'address',
  'dl',
  'dt',
  'dd',
  'details',
  'summary',
  'object',
  'embed',
  'video',
  'font',
  'center',
  'marquee',
  'x-custom',
  'h1',
] as const;

const ATTRIBUTES = fc.oneof(
  fc.constantFrom(
    ['class', 'share social-buttons'],
    ['class', 'related-articles read-more'],
    ['class', 'newsletter signup'],
    ['class', 'comment comments'],
    ['class', 'article-body content'],
    ['class', 'byline author'],
    ['id', 'main'],
    ['id', 'cookie-banner'],
    ['style', 'display:none'],
    ['style', 'visibility: hidden; position: fixed'],
    ['hidden', ''],
    ['aria-hidden', 'true'],
    ['role', 'navigation'],
    ['itemprop', 'articleBody'],
    ['rel', 'author'],
    ['lang', 'de'],
    ['dir', 'rtl'],
    ['href', 'javascript:alert(1)'],
    ['src', 'data:text/html,<p>x</p>'],
    ['datetime', '2023-06-10'],
  ),
  fc.tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), fc.string({ maxLength: 30 })),
);

const WORDS = fc.constantFrom(
  'the',
  'minister',
  'said',
  'on',
  'Tuesday',
  'that',
  'prices',
  'will',
  'rise',
  'again',
  'Share',
  'on',
  'Facebook',
  'READ',
  'MORE:',
  'Sign',
  'up',
  'newsletter',
  'You',
  "won't",
  'believe',
  'this',
  'Mr.',
  'Dr.',
  '3.5%',
  '“quoted”',
  'Saturday,',
  '10',
  'Jun',
  '2023',
  'Straße',
  'naïve',
  '新闻',
  'نص',
  'עברית',
  '👍',
  '&amp;',
  '<',
  '>',
  '.',
  '!',
  '?',
);

const TEXT = fc.oneof(
  { weight: 4, arbitrary: fc.array(WORDS, { minLength: 1, maxLength: 40 }).map((words) => words.join(' ')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n\n', '\u00a0', '\u200b', '\t \r\n') },
);

interface TreeNode {
  tag: string;
  attributes: (readonly [string, string])[];
  children: (TreeNode | string)[];
}

const TREE = fc.letrec<{ node: TreeNode; child: TreeNode | string }>((tie) => ({
  node: fc.record({
    tag: fc.constantFrom(...TAGS),
    attributes: fc.array(ATTRIBUTES, { maxLength: 3 }),
    children: fc.array(tie('child'), { maxLength: 5 }),
  }),
  child: fc.oneof({ depthSize: 'small', withCrossShrink: true }, TEXT, tie('node')),
})).node;

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** Serialises a tree, dropping some end tags and adding stray ones on purpose. */
function toHtml(node: TreeNode | string, sloppiness: number[], index = { value: 0 }): string {
  if (typeof node === 'string') return node;
  const roll = sloppiness[index.value++ % Math.max(1, sloppiness.length)] ?? 0;
  const attributes = node.attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
  const inner = node.children.map((child) => toHtml(child, sloppiness, index)).join('');
  if (roll === 1) return `<${node.tag}${attributes}>${inner}`;
  if (roll === 2) return `<${node.tag}${attributes}>${inner}</${node.tag}></p></div>`;
  if (roll === 3) return `<${node.tag}${attributes.replace(/"$/, '')}>${inner}</${node.tag}>`;
  return `<${node.tag}${attributes}>${inner}</${node.tag}>`;
}

function isAttributeName(name: string): boolean {
  return /^[a-z][a-z0-9-]*$/.test(name);
}

/** Builds the tree with DOM calls: any nesting, even what the parser would never produce. */
function build(document: Document, node: TreeNode | string): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  const element = document.createElement(node.tag);
  for (const [name, value] of node.attributes) if (isAttributeName(name)) element.setAttribute(name, value);
  for (const child of node.children) element.appendChild(build(document, child));
  return element;
}

/** A realistic article around the random parts, so extraction and detectors actually run. */
function articleAround(random: string): string {
  const paragraphs = Array.from(
    { length: 6 },
    (_, i) =>
      `<p>Paragraph ${i + 1} of the story: the minister said on Tuesday that prices will rise again, and critics said the plan, which was announced last week, would hurt families across the country.</p>`,
  ).join('');
  return `<!doctype html><html><head><title>A story</title><meta property="og:title" content="A story"></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<article><h1>A story</h1><div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
${paragraphs}${random}<p>READ MORE: <a href="/y">You won't believe what happened next</a></p>
<div class="newsletter"><p>Sign up to our free newsletter</p><form><input type="email"><button>Subscribe</button></form></div></article>
<aside class="related"><h2>Most read</h2><ul>${Array.from({ length: 5 }, (_, i) => `<li><a href="/x${i}">Another story people read number ${i}</a></li>`).join('')}</ul></aside>
${random}<footer>© 2024 Example News. All rights reserved.</footer></body></html>`;
}

const OPTIONS = fc.record({ force: fc.boolean(), maxElements: fc.constantFrom(undefined, 50, 60_000) });

function withDocument<T>(html: string, run: (document: Document) => T): T {
  const { document, close } = parseHtml(html, 'https://example.org/news/story');
  try {
    return run(document);
  } finally {
    close();
  }
}

function options(value: { force: boolean; maxElements: number | undefined }): AnalyzeOptions {
  return value.maxElements === undefined ? { force: value.force } : value;
}

// ---------------------------------------------------------------- properties

describe('analysis properties', () => {
  it('holds on random, sloppily written HTML', () => {
    fc.assert(
      fc.property(
        TREE,
        fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 8 }),
        OPTIONS,
        (tree, sloppiness, opts) => {
          withDocument(toHtml(tree, sloppiness), (document) => analyzeAndCheck(document, options(opts)));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('holds on random parts inside a real-looking article', () => {
    let extracted = 0;
    fc.assert(
      fc.property(
        TREE,
        fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 8 }),
        fc.boolean(),
        (tree, sloppiness, force) => {
          withDocument(articleAround(toHtml(tree, sloppiness)), (document) => {
            if (analyzeAndCheck(document, { force }).article) extracted++;
          });
        },
      ),
      { numRuns: RUNS },
    );
    // The invariants about article text must actually have been exercised.
    expect(extracted).toBeGreaterThan(RUNS / 2);
  });

  it('holds on DOM trees no parser would build', () => {
    fc.assert(
      fc.property(fc.array(TREE, { minLength: 1, maxLength: 3 }), OPTIONS, (trees, opts) => {
        withDocument(articleAround(''), (document) => {
          const article = document.querySelector('article');
          for (const tree of trees) {
            // Into the article, around it and straight into <html>.
            article?.appendChild(build(document, tree));
            document.body.appendChild(build(document, tree));
          }
          document.documentElement.appendChild(build(document, trees[0] as TreeNode));
          analyzeAndCheck(document, options(opts));
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('holds on raw strings of markup characters', () => {
    const markup = fc
      .array(
        fc.constantFrom(
          '<',
          '>',
          '/',
          '"',
          "'",
          '=',
          '!',
          '-',
          ' ',
          'p',
          'div',
          'a',
          'table',
          'li',
          '&',
          ';',
          '\n',
          'x',
        ),
        {
          maxLength: 300,
        },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(markup, fc.boolean(), (html, force) => {
        withDocument(html, (document) => analyzeAndCheck(document, { force }));
        withDocument(articleAround(html), (document) => analyzeAndCheck(document, { force }));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('hostile page shapes', () => {
  it.each([
    ['an empty document', ''],
    ['an empty body', '<html><body></body></html>'],
    ['only a frameset', '<html><frameset><frame src="a.html"><frame src="b.html"></frameset></html>'],
    [
      'a table inside a list inside a table',
      articleAround('<ul><li><table><tr><td><ul><li><table><tr><td>x</table></ul></table></ul>'),
    ],
    ['unclosed everything', articleAround('<div><p><span><a href=x><b><i>text'.repeat(50))],
    // Browsers' parsers stop nesting at 512 levels (Blink) and jsdom's would not, so stay below that:
    // far deeper trees cost Readability itself quadratic time and overflow jsdom's recursive cloneNode.
    ['deep nesting', articleAround(`${'<div>'.repeat(500)}deep text${'</div>'.repeat(500)}`)],
    ['deep inline nesting', articleAround(`${'<span>'.repeat(500)}deep${'</span>'.repeat(500)}`)],
    ['a huge text node', articleAround(`<p>${'word '.repeat(200_000)}</p>`)],
    ['a huge unbroken word', articleAround(`<p>${'x'.repeat(300_000)}</p>`)],
    ['many siblings', articleAround('<p>tiny.</p>'.repeat(3000))],
    [
      'an SVG and MathML article',
      articleAround('<svg><foreignObject><p>inside svg</p></foreignObject></svg><math><mi>x</mi></math>'),
    ],
    [
      'iframes with inline documents',
      articleAround('<iframe srcdoc="<p>framed</p>"></iframe><iframe src="data:text/html,hi"></iframe>'),
    ],
  ])('survives %s', (_label, html) => {
    for (const force of [false, true]) withDocument(html, (document) => analyzeAndCheck(document, { force }));
  });

  it('reports too large pages instead of working through them', () => {
    withDocument(articleAround('<i>x</i>'.repeat(70_000)), (document) => {
      const report = analyzeAndCheck(document, { force: true });
      expect(report.notices).toContain('page-too-large');
    });
  });
});
