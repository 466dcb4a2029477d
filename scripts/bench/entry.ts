/**
 * Page-side half of the speed benchmark, bundled to an IIFE and injected into
 * each served page, timed alternately in the same page:
 * - the analysis proper, where it now runs: analyzeDocument on a parsed copy of the
 *   page against bare Readability on the same copy;
 * - the page's own cost: serialising, encoding the message, decoding the answer and
 *   resolving the flags, against a bare in-page Readability parse of the page;
 * - the transport the in-page design did not pay: parsing the copy and the messages.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { addressOf, type ElementAddress, resolveFlags } from '../../utils/address.ts';
import { analyzeDocument, DEFAULT_CLICKBAIT_THRESHOLD, DEFAULT_MAX_ELEMENTS } from '../../utils/analyze.ts';
import { blockIndex } from '../../utils/clutter/blocks.ts';
import { relatedDetector } from '../../utils/clutter/related.ts';
import type { DetectedBlock, DetectionContext } from '../../utils/detectors.ts';
import { extractArticle } from '../../utils/extract.ts';
import { DETECTORS } from '../../utils/registry.ts';
import { serializeDocument } from '../../utils/serialize.ts';
import { type BenchResult, emptyResult } from './result.ts';

/** One page's measurements, as the bench script reads them back from the page. */
// Time spent in each detector, counted only while profiling.
const detectorMs: Record<string, number> = {};
let profiling = false;
for (const detector of DETECTORS) {
  const detect = detector.detect.bind(detector);
  detectorMs[detector.name] = 0;
  (detector as { detect: typeof detect }).detect = (context) => {
    if (!profiling) return detect(context);
    const start = performance.now();
    try {
      return detect(context);
    } finally {
      detectorMs[detector.name] = (detectorMs[detector.name] ?? 0) + performance.now() - start;
    }
  };
}

// The phrase-rule related detector that the block classifier replaced, timed beside it in the same slot
// of the pipeline (after the clickbait detector), so one run gives both stage figures. Both read many texts
// the block index caches lazily, so whichever ran second would find them made: each runs on the index as the
// earlier detectors left it (the text cache is copied first and the replaced detector runs on the copy),
// which of the two goes first alternates, and the copying is kept out of every stage. The cache the
// classifier fills is the one the detectors after it find, as in the product.
const REPLACED = 'related (replaced, not run)';
/** ms of that bookkeeping, not any stage's. */
let benchMs = 0;
// Flipped before each profiled analysis; pages profiled once (big ones) start on alternate sides.
let replacedFirst = Number(/\d+$/.exec(location.pathname)?.[0] ?? 0) % 2 === 1;
for (const detector of DETECTORS.filter((candidate) => candidate.name === 'blocks')) {
  const detect = detector.detect.bind(detector);
  detectorMs[REPLACED] = 0;
  const replaced = (context: DetectionContext) => {
    const start = performance.now();
    relatedDetector.detect(context);
    detectorMs[REPLACED] = (detectorMs[REPLACED] ?? 0) + performance.now() - start;
  };
  (detector as { detect: typeof detect }).detect = (context) => {
    if (!profiling) return detect(context);
    let start = performance.now();
    // BlockIndex.texts is private to the product code; the bench swaps it from outside.
    const index = blockIndex(context) as unknown as { texts: Map<Element, unknown> };
    const asLeft = index.texts;
    const copy = new Map(asLeft);
    benchMs += performance.now() - start;
    replacedFirst = !replacedFirst;
    let found: DetectedBlock[];
    if (replacedFirst) {
      index.texts = copy;
      replaced(context);
      index.texts = asLeft;
      found = detect(context);
    } else {
      found = detect(context);
      start = performance.now();
      const filled = index.texts;
      index.texts = copy;
      benchMs += performance.now() - start;
      replaced(context);
      index.texts = filled;
    }
    return found;
  };
}

function stages(times: number): Record<string, number> {
  let total: number;
  profiling = true;
  try {
    // Warm-up, profiled but not kept: the replaced detector runs only here, so without it its code
    // would meet this page's JIT cold (once, on a big page) while the classifier's is warm from the runs above.
    timed(() => ours(true), times);
    for (const name of Object.keys(detectorMs)) detectorMs[name] = 0;
    benchMs = 0;
    total = timed(() => ours(true), times) - benchMs / times;
  } finally {
    profiling = false;
  }
  const result: Record<string, number> = {
    readerable: timed(() => isProbablyReaderable(copy()), times),
    extraction: timed(() => extractArticle(copy(), DEFAULT_MAX_ELEMENTS), times),
  };
  for (const [name, ms] of Object.entries(detectorMs)) result[`detector:${name}`] = ms / times;
  const counted = Object.values(result).reduce((a, b) => a + b, 0);
  result.other = Math.max(0, total - counted);
  return result;
}

/** Mean ms per call over `times` calls (tiny pages are looped so the 0.1 ms clock can see them). */
function timed(run: () => unknown, times: number): number {
  const start = performance.now();
  for (let i = 0; i < times; i++) run();
  return (performance.now() - start) / times;
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
let copyDocument: Document | null = null;
/** The copy the extension document analyses: the page serialised as the content script sends it, parsed. */
function copy(): Document {
  copyDocument ??= parse(serializeDocument(document)?.html ?? '');
  return copyDocument;
}

function bare(): unknown {
  return new Readability(copy().cloneNode(true) as Document).parse();
}

function ours(force: boolean) {
  return analyzeDocument(copy(), { url: location.href, clickbaitThreshold: DEFAULT_CLICKBAIT_THRESHOLD, force });
}

function pageBare(): unknown {
  return new Readability(document.cloneNode(true) as Document).parse();
}

function request(html: string) {
  return {
    type: 'analyze-page',
    html,
    url: location.href,
    force: true,
    clickbaitThreshold: DEFAULT_CLICKBAIT_THRESHOLD,
  };
}

/** The analysis host's answer for this page, as a message (JSON, as runtime messaging encodes it). */
let answerJson = '';
function answer(): string {
  if (answerJson) return answerJson;
  const { report, targets } = ours(true);
  const addresses: Record<string, ElementAddress> = {};
  for (const [id, element] of targets) {
    const address = addressOf(element);
    if (address) addresses[id] = address;
  }
  answerJson = JSON.stringify({ ok: true, report, addresses, analysisMs: 0 });
  return answerJson;
}

/**
 * The page's main-thread share of our path (runtime.sendMessage's synchronous part is its JSON
 * encoding): the copy sent, the answer decoded, the flags resolved, and the resolved report
 * passed on to the background, which keeps it for the popup.
 */
function pageOurs(): number {
  const page = serializeDocument(document);
  const sent = JSON.stringify(request(page?.html ?? ''));
  const received = JSON.parse(answer()) as {
    report: Parameters<typeof resolveFlags>[1];
    addresses: Record<string, ElementAddress>;
  };
  const { report } = resolveFlags(document, received.report, received.addresses);
  // The badge is a few counts; the report is what costs.
  const badge = { readerable: report.article !== null, clickbait: report.headline?.clickbait === true, clutter: 0 };
  const kept = JSON.stringify({ type: 'report-summary', badge, report });
  return sent.length + kept.length;
}

/** Off the page: the message decoded, the copy parsed, the answer encoded. */
function transport(): number {
  const html = serializeDocument(document)?.html ?? '';
  const message = JSON.parse(JSON.stringify(request(html))) as { html: string };
  return parse(message.html).getElementsByTagName('*').length + answer().length;
}

/**
 * One warm-up of each, then up to `reps` alternating pairs (order flipped every
 * pair), stopping early past `budgetMs` once three pairs are in.
 */
function run(reps: number, budgetMs: number): BenchResult {
  try {
    // Non-readerable pages are forced so both sides extract: like is compared with like.
    const first = ours(true).report;
    const warm = timed(bare, 1);
    const times = Math.min(50, Math.max(1, Math.ceil(5 / Math.max(warm, 0.05))));
    answer();
    const result: BenchResult = {
      bare: [],
      ours: [],
      pageBare: [],
      pageOurs: [],
      transport: [],
      htmlChars: serializeDocument(document)?.html.length ?? 0,
      readerable: first.readerable,
      flags: first.flags.length,
      error: null,
      stages: {},
    };
    const start = performance.now();
    for (let i = 0; i < reps && (i < 3 || performance.now() - start < budgetMs); i++) {
      if (i % 2 === 0) {
        result.bare.push(timed(bare, times));
        result.ours.push(timed(() => ours(true), times));
        result.pageBare.push(timed(pageBare, times));
        result.pageOurs.push(timed(pageOurs, times));
      } else {
        result.pageOurs.push(timed(pageOurs, times));
        result.pageBare.push(timed(pageBare, times));
        result.ours.push(timed(() => ours(true), times));
        result.bare.push(timed(bare, times));
      }
      result.transport.push(timed(transport, times));
    }
    result.stages = stages(times);
    return result;
  } catch (error) {
    return emptyResult(String(error));
  }
}

(globalThis as unknown as { __bench: unknown }).__bench = { run, bare, ours };
