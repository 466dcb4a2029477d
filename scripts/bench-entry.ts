/**
 * Page-side half of the speed benchmark, bundled to an IIFE and injected into
 * each served page: (a) bare Readability on a clone, (b) the whole analysis as
 * the content script runs it, timed alternately in the same page.
 */
import { Readability } from '@mozilla/readability';
import { analyzeDocument, DEFAULT_CLICKBAIT_THRESHOLD } from '../utils/analyze.ts';

interface BenchResult {
  bare: number[];
  ours: number[];
  readerable: boolean;
  flags: number;
  error: string | null;
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
    return result;
  } catch (error) {
    return { bare: [], ours: [], readerable: false, flags: 0, error: String(error) };
  }
}

(globalThis as unknown as { __bench: unknown }).__bench = { run, bare, ours };
