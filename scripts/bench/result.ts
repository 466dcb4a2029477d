/** What the page-side bench (entry.ts) returns for one page; corpus.ts reads it. */
export interface BenchResult {
  /** Bare Readability on the parsed copy (ms). */
  bare: number[];
  /** analyzeDocument on the same copy (ms). */
  ours: number[];
  /** Bare Readability on the live page, in the page (ms). */
  pageBare: number[];
  /** The page's part of our path: serialise, encode, decode the answer, resolve the flags (ms). */
  pageOurs: number[];
  /** Parsing the copy plus encoding and decoding both messages off the page (ms). */
  transport: number[];
  /** Serialised characters sent. */
  htmlChars: number;
  readerable: boolean;
  flags: number;
  error: string | null;
  /** Rough ms per stage of our analysis (one profiled pass), to show where the time goes. */
  stages: Record<string, number>;
}

/** A page's result with no timings: where a page's run failed, `error` says why. */
export function emptyResult(error: string | null): BenchResult {
  return {
    bare: [],
    ours: [],
    pageBare: [],
    pageOurs: [],
    transport: [],
    htmlChars: 0,
    readerable: false,
    flags: 0,
    error,
    stages: {},
  };
}
