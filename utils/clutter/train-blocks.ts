/**
 * Fitting the block classifier (pure: rows in, weights out), used by
 * scripts/train/blocks.ts. Logistic regression on standardised features, full-batch
 * gradient descent with L2 from zero weights: no randomness, so the same rows give
 * the same bytes. Cross-validation folds are whole sites, so a fold's figure says how
 * the model does on sites it never saw.
 */
import type { BlockModel } from './block-model.ts';

export interface Row {
  values: number[];
  /** 1 clutter, 0 article content. */
  label: 0 | 1;
  /** The site (host) the page comes from: the unit of the cross-validation folds. */
  group: string;
  weight: number;
}

export interface FitOptions {
  l2: number;
  iterations: number;
  rate: number;
}

export const DEFAULT_FIT: FitOptions = { l2: 0.01, iterations: 400, rate: 0.5 };

export function standardise(rows: Row[], width: number): { mean: number[]; scale: number[] } {
  const mean = new Array<number>(width).fill(0);
  const scale = new Array<number>(width).fill(0);
  let total = 0;
  for (const row of rows) {
    total += row.weight;
    for (let at = 0; at < width; at++) mean[at] = (mean[at] ?? 0) + row.weight * (row.values[at] ?? 0);
  }
  for (let at = 0; at < width; at++) mean[at] = (mean[at] ?? 0) / total;
  for (const row of rows) {
    for (let at = 0; at < width; at++)
      scale[at] = (scale[at] ?? 0) + row.weight * ((row.values[at] ?? 0) - (mean[at] ?? 0)) ** 2;
  }
  for (let at = 0; at < width; at++) scale[at] = Math.sqrt((scale[at] ?? 0) / total) || 1;
  return { mean, scale };
}

export function fitBlockModel(rows: Row[], features: readonly string[], options: FitOptions = DEFAULT_FIT): BlockModel {
  const width = features.length;
  const { mean, scale } = standardise(rows, width);
  const x = rows.map((row) => row.values.map((value, at) => (value - (mean[at] ?? 0)) / (scale[at] ?? 1)));
  // Rows weighted as they come (the threshold sets the balance), normalised to a mean gradient.
  let totalWeight = 0;
  for (const row of rows) totalWeight += row.weight;
  const weightOf = rows.map((row) => row.weight / totalWeight);
  const weights = new Array<number>(width).fill(0);
  let bias = 0;
  const gradient = new Float64Array(width);
  for (let step = 0; step < options.iterations; step++) {
    gradient.fill(0);
    let biasGradient = 0;
    for (let r = 0; r < rows.length; r++) {
      const features = x[r] as number[];
      let z = bias;
      for (let at = 0; at < width; at++) z += (weights[at] ?? 0) * (features[at] ?? 0);
      const error = (1 / (1 + Math.exp(-z)) - (rows[r] as Row).label) * (weightOf[r] ?? 0);
      biasGradient += error;
      for (let at = 0; at < width; at++) gradient[at] = (gradient[at] ?? 0) + error * (features[at] ?? 0);
    }
    bias -= options.rate * biasGradient;
    for (let at = 0; at < width; at++) {
      weights[at] = (weights[at] ?? 0) - options.rate * ((gradient[at] ?? 0) + options.l2 * (weights[at] ?? 0));
    }
  }
  const round = (value: number) => Math.round(value * 1e4) / 1e4;
  return {
    method: `logistic regression, L2 ${options.l2}, ${options.iterations} full-batch steps, ${rows.length} blocks`,
    features: [...features],
    mean: mean.map(round),
    scale: scale.map(round),
    weights: weights.map(round),
    bias: round(bias),
    threshold: 0.5,
    thresholdOutside: 0.5,
  };
}

/** Deterministic fold of a site: a string hash, so a site's pages always share a fold. */
export function foldOf(group: string, folds: number): number {
  let hash = 2166136261;
  for (let at = 0; at < group.length; at++) hash = Math.imul(hash ^ group.charCodeAt(at), 16777619) >>> 0;
  return hash % folds;
}

export interface FoldScore {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  /** Share of the content blocks left alone (the errors that cost article text). */
  contentKept: number;
}

export function scoreRows(model: BlockModel, rows: Row[], threshold: number): FoldScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let correct = 0;
  let total = 0;
  for (const row of rows) {
    let z = model.bias;
    for (let at = 0; at < row.values.length; at++) {
      z += (model.weights[at] ?? 0) * (((row.values[at] ?? 0) - (model.mean[at] ?? 0)) / (model.scale[at] || 1));
    }
    const predicted = 1 / (1 + Math.exp(-z)) >= threshold ? 1 : 0;
    if (predicted === 1 && row.label === 1) tp += row.weight;
    if (predicted === 1 && row.label === 0) fp += row.weight;
    if (predicted === 0 && row.label === 1) fn += row.weight;
    if (predicted === 0 && row.label === 0) tn += row.weight;
    if (predicted === row.label) correct += row.weight;
    total += row.weight;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return {
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    accuracy: total > 0 ? correct / total : 0,
    contentKept: tn + fp > 0 ? tn / (tn + fp) : 0,
  };
}

export function meanSd(values: number[]): { mean: number; sd: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, values.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}

/** Site-grouped k-fold cross-validation: a model per fold, scored on the sites it did not see. */
export function crossValidate(
  rows: Row[],
  features: readonly string[],
  folds: number,
  threshold: number,
  options: FitOptions = DEFAULT_FIT,
): FoldScore[] {
  const scores: FoldScore[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const train = rows.filter((row) => foldOf(row.group, folds) !== fold);
    const test = rows.filter((row) => foldOf(row.group, folds) === fold);
    if (test.length === 0 || train.length === 0) continue;
    scores.push(scoreRows(fitBlockModel(train, features, options), test, threshold));
  }
  return scores;
}
