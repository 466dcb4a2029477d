/**
 * Scoring of spoilers against the gold ones, with the tokenisation of the
 * corpus README's baselines: lower-cased runs of word characters (`\w+`).
 * With it, the article-title baseline gives exactly the README's figures
 * (token F1 0.128, covered 0.142), which checks the scorer.
 */

export function tokens(text: string): string[] {
  return text.toLowerCase().match(/\w+/g) ?? [];
}

/** SQuAD-style token F1 (multiset overlap) of an answer against the gold text. */
export function tokenF1(answer: string, gold: string): number {
  const a = tokens(answer);
  const g = tokens(gold);
  const counts = new Map<string, number>();
  for (const token of g) counts.set(token, (counts.get(token) ?? 0) + 1);
  let same = 0;
  for (const token of a) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      same++;
      counts.set(token, left - 1);
    }
  }
  if (same === 0) return 0;
  const precision = same / a.length;
  const recall = same / g.length;
  return (2 * precision * recall) / (precision + recall);
}

/** The answer has at most `maxWords` words and holds at least half of the gold spoiler's distinct words. */
export function covers(answer: string, gold: string, maxWords = 60): boolean {
  const a = tokens(answer);
  if (a.length > maxWords) return false;
  const have = new Set(a);
  const want = [...new Set(tokens(gold))];
  if (want.length === 0) return false;
  return want.filter((token) => have.has(token)).length >= want.length / 2;
}
