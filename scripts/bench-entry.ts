/**
 * Page-side half of the speed benchmark, bundled to an IIFE and injected into
 * each served page: (a) bare Readability on a clone, (b) the whole analysis as
 * the content script runs it, timed alternately in the same page.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { analyzeDocument, DEFAULT_CLICKBAIT_THRESHOLD, DEFAULT_MAX_ELEMENTS } from '../utils/analyze.ts';
import { relatedDetector } from '../utils/clutter/related.ts';
import { extractArticle } from '../utils/extract.ts';
import { DETECTORS } from '../utils/registry.ts';

/** One page's measurements, as the bench script reads them back from the page. */
export interface BenchResult {
  bare: number[];
  ours: number[];
  readerable: boolean;
  flags: number;
  error: string | null;
  /** Rough ms per stage of our analysis (one profiled pass), to show where the time goes. */
  stages: Record<string, number>;
}

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

// The phrase-rule related detector that the block classifier replaced, timed beside it on the
// same context (warm block index, like the classifier), so one run gives both stage figures.
const REPLACED = 'related (replaced, not run)';
for (const detector of DETECTORS.filter((candidate) => candidate.name === 'blocks')) {
  const detect = detector.detect.bind(detector);
  detectorMs[REPLACED] = 0;
  (detector as { detect: typeof detect }).detect = (context) => {
    const found = detect(context);
    if (profiling) {
      const start = performance.now();
      relatedDetector.detect(context);
      detectorMs[REPLACED] = (detectorMs[REPLACED] ?? 0) + performance.now() - start;
    }
    return found;
  };
}

function stages(times: number): Record<string, number> {
  ours(true);
  for (const name of Object.keys(detectorMs)) detectorMs[name] = 0;
  profiling = true;
  let total: number;
  try {
    total = timed(() => ours(true), times);
  } finally {
    profiling = false;
  }
  const result: Record<string, number> = {
    readerable: timed(() => isProbablyReaderable(document), times),
    extraction: timed(() => extractArticle(document, DEFAULT_MAX_ELEMENTS), times),
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

function bare(): unknown {
  return new Readability(document.cloneNode(true) as Document).parse();
}

function ours(force: boolean) {
  return analyzeDocument(document, { url: location.href, clickbaitThreshold: DEFAULT_CLICKBAIT_THRESHOLD, force });
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
    const result: BenchResult = {
      bare: [],
      ours: [],
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
      } else {
        result.ours.push(timed(() => ours(true), times));
        result.bare.push(timed(bare, times));
      }
    }
    result.stages = stages(times);
    return result;
  } catch (error) {
    return { bare: [], ours: [], readerable: false, flags: 0, error: String(error), stages: {} };
  }
}

(globalThis as unknown as { __bench: unknown }).__bench = { run, bare, ours };
