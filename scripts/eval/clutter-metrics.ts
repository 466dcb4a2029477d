/**
 * The two benchmark metrics, as pure functions so unit tests can check them on
 * hand-made examples. AEB: the upstream evaluate.py shingle metric. Trafilatura:
 * the snippet metric of its tests/eval_common.py.
 */

export interface PageScore {
  /** Normalised by tp + fp + fn, as upstream does. */
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface MeanScore {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

/** 4-token shingles with multiplicity; a text under 4 tokens is one shingle. */
export function shingles(text: string, n = 4): Map<string, number> {
  // Python's Unicode \w: letters, digits, underscore (JS \w is ASCII-only even with /u).
  const tokens = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  if (tokens.length < n) {
    add(tokens.join('\u0001'));
    return counts;
  }
  for (let index = 0; index + n <= tokens.length; index++) add(tokens.slice(index, index + n).join('\u0001'));
  return counts;
}

export function aebPageScore(predicted: string, truth: string): PageScore {
  const predictedShingles = shingles(predicted);
  const truthShingles = shingles(truth);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of predictedShingles) {
    const other = truthShingles.get(key) ?? 0;
    tp += Math.min(count, other);
    fp += Math.max(0, count - other);
  }
  for (const [key, count] of truthShingles) fn += Math.max(0, count - (predictedShingles.get(key) ?? 0));
  const total = tp + fp + fn;
  if (total > 0) {
    tp /= total;
    fp /= total;
    fn /= total;
  }
  const precision = fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp);
  const recall = fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn);
  return { tp, fp, fn, precision, recall };
}

/** Mean precision over pages with tp+fp > 0, mean recall over pages with tp+fn > 0. */
export function aebMean(scores: PageScore[]): MeanScore {
  const withPrediction = scores.filter((score) => score.tp + score.fp > 0);
  const withTruth = scores.filter((score) => score.tp + score.fn > 0);
  const mean = (values: number[]) =>
    values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0;
  const precision = mean(withPrediction.map((score) => score.precision));
  const recall = mean(withTruth.map((score) => score.recall));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, pages: scores.length };
}

export interface SnippetCounts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

/** Snippet metric for one page; text null means the extractor failed (every "with" is a miss). */
export function snippetCounts(text: string | null, withSnippets: string[], withoutSnippets: string[]): SnippetCounts {
  const counts = { tp: 0, fn: 0, fp: 0, tn: 0 };
  if (text === null) {
    counts.fn = withSnippets.length;
    counts.tn = withoutSnippets.length;
    return counts;
  }
  const collapsed = text.replace(/\s+/g, ' ');
  for (const snippet of withSnippets) {
    if (collapsed.includes(snippet)) counts.tp++;
    else counts.fn++;
  }
  for (const snippet of withoutSnippets) {
    if (collapsed.includes(snippet)) counts.fp++;
    else counts.tn++;
  }
  return counts;
}

export function snippetTotals(
  pages: SnippetCounts[],
): SnippetCounts & { precision: number; recall: number; f: number } {
  const sum = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (const page of pages) {
    sum.tp += page.tp;
    sum.fn += page.fn;
    sum.fp += page.fp;
    sum.tn += page.tn;
  }
  const precision = sum.tp + sum.fp > 0 ? sum.tp / (sum.tp + sum.fp) : 0;
  const recall = sum.tp + sum.fn > 0 ? sum.tp / (sum.tp + sum.fn) : 0;
  const f = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...sum, precision, recall, f };
}
