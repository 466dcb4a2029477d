/**
 * The clickbait scorer. Method: two sub-models joined by a noisy-OR.
 * 1. A learned style model: logistic regression over lower-cased word unigrams
 *    and bigrams plus the named cue features (features.ts), trained by
 *    scripts/train/clickbait.ts (Adagrad, L2 picked on validation, pruned to
 *    the strongest n-grams). Small, fast (a few map lookups per headline) and
 *    explainable: each cue's share of the logit is known.
 * 2. A hand-weighted tabloid model over the same cues (priors in features.ts).
 *    The data is labelled by source (BuzzFeed-style vs newswire), so a model
 *    that learns only from it misses tabloid news bait ("WW3 fears as ...");
 *    the priors carry what the data cannot, and the cues own the words they
 *    match so the n-grams cannot learn them away.
 * Lower-casing keeps "Title Case means bait" (a trait of the sources) out of
 * the n-grams; the titleCase cue keeps the little of it that generalises.
 * The reasons shown are the cues with the largest combined contribution.
 */
import { CUES, type CueDefinition, type CueId, type CueMatch, extractCues, ngrams } from './features.ts';
import { CUES_ES, extractCuesEs, ngramsEs } from './features-es.ts';

/** The languages with a model: English (Stop Clickbait) and Spanish (TA1C). */
export type ScoredLanguage = 'en' | 'es';

export interface ClickbaitModel {
  /** What produced the weights; informative only. */
  method: string;
  bias: number;
  cues: Record<string, number>;
  ngrams: Record<string, number>;
}

/** What model.json holds: one model per language. */
export interface ClickbaitModels {
  en: ClickbaitModel;
  es: ClickbaitModel;
}

/** The cue set each language's model reads. */
export function cuesFor(lang: ScoredLanguage): readonly CueDefinition[] {
  return lang === 'es' ? CUES_ES : CUES;
}

export interface CueContribution {
  id: CueId;
  matches: string[];
  /** The cue's share of the two sub-models' logits. */
  weight: number;
}

export interface Scored {
  score: number;
  cues: CueContribution[];
  /** The n-grams that pushed most towards bait, strongest first. */
  baitWords: string[];
  /** The uncalibrated parts of the score (English). */
  parts: ScoreParts;
}

/** A cue that fires several times counts a little more, with diminishing returns. */
export function cueValue(match: CueMatch): number {
  return 1 + 0.5 * (Math.min(match.matches.length, 3) - 1);
}

/** Feature vector of a headline, shared by training and scoring. */
export function featurize(headline: string, lang: ScoredLanguage = 'en'): { cues: CueMatch[]; grams: string[] } {
  if (lang === 'es') {
    const cues = extractCuesEs(headline);
    return { cues, grams: [...new Set(ngramsEs(headline))] };
  }
  const cues = extractCues(headline);
  return { cues, grams: [...new Set(ngrams(headline, cues))] };
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * A parsed model ready to score. The n-gram table stays the parsed object
 * (copying 12 000 entries into a Map would double the load time); lookups go
 * through Object.hasOwn so that page text like "constructor" finds nothing.
 */
export interface LoadedModel {
  lang: ScoredLanguage;
  bias: number;
  cues: Map<string, number>;
  ngrams: Readonly<Record<string, number>>;
}

export function loadModel(model: ClickbaitModel, lang: ScoredLanguage = 'en'): LoadedModel {
  return {
    lang,
    bias: model.bias,
    cues: new Map(Object.entries(model.cues)),
    ngrams: model.ngrams,
  };
}

const LABELS = new Map([...CUES_ES, ...CUES].map((cue) => [cue.id, cue]));
const PRIORS = new Map<string, number>(CUES.map((cue) => [cue.id, cue.prior]));
/** How the English sub-models' logits are joined into a score (see CALIBRATION). */
export interface Calibration {
  /** Bias of the hand-set tabloid sub-model: cue priors (features.ts) are added to it. */
  tabloidBias: number;
  /** Added to the learned style model's logit before the noisy-OR. */
  styleShift: number;
  /**
   * The learned style model's logit is multiplied by this before the shift: the source-labelled data
   * separates so cleanly that its logits are overconfident on the headlines readers meet.
   */
  styleScale: number;
  /** Words a teaser headline may have; each word beyond it costs both logits longPenalty. */
  longWords: number;
  longPenalty: number;
}

/** The learned model alone, as trained: no tabloid sub-model, no shift, scale or length term. */
export const LEARNED_ONLY: Calibration = {
  tabloidBias: Number.NEGATIVE_INFINITY,
  styleShift: 0,
  styleScale: 1,
  longWords: Number.POSITIVE_INFINITY,
  longPenalty: 0,
};

const WORD = /[\p{L}\p{N}]+/gu;
function wordCount(headline: string): number {
  return headline.match(WORD)?.length ?? 0;
}

/**
 * Chosen with scripts/tune/clickbait.ts (grid over all five constants), which
 * ranks the settings that keep Stop Clickbait validation accuracy at its
 * 0.985 target by the mean of news-style accuracy and the share of real
 * clickbait posts flagged. Its best, a style scale of 0.5, leads the committed
 * 0.8 by 0.005 on all rows but sits on the Stop floor (0.985 against 0.986),
 * and on the held-out half of each fold it gains 0.004 news-style or 0.005
 * posts over 0.8 at most; 0.8, the milder change, is kept.
 * The tuning sets only choose these numbers; no weight is fitted on them
 * (training picks its L2 on the learned model alone, so they do not feed
 * back). Alone, a cue with a prior below 1.75 keeps the tabloid part below
 * 0.5; two together, or one with a teaser style, flag the headline. Shouted
 * emphasis, a withheld thing and a subject named by description, which no
 * news headline of the Stop Clickbait or news-style validation sets sets off,
 * have a prior of 2.2 and flag alone; so, at 1.8, does an end pointer (four
 * news headlines of 4,100). Past 20 words a text reads as a summary or
 * a post, not a teaser: each further word costs 0.6 in both logits.
 */
export const CALIBRATION: Calibration = {
  tabloidBias: -1.75,
  styleShift: -0.5,
  styleScale: 0.8,
  longWords: 20,
  longPenalty: 0.6,
};

/** What a headline's English score is made of, before calibration: see combineParts. */
export interface ScoreParts {
  /** The learned style model's logit: bias, cue and n-gram weights. */
  style: number;
  /** The tabloid sub-model's cue priors, summed (its bias is a calibration constant). */
  priors: number;
  /** Words of the headline. */
  words: number;
}

/** The English score: a noisy-OR of the calibrated style model and the tabloid cues, both less for a long text. */
export function combineParts(parts: ScoreParts, calibration: Calibration): number {
  const long = Math.max(0, parts.words - calibration.longWords) * calibration.longPenalty;
  const style = parts.style * calibration.styleScale + calibration.styleShift - long;
  const tabloid = parts.priors + calibration.tabloidBias - long;
  // Noisy-OR: bait when either the learned style model or the tabloid cues say so.
  return 1 - (1 - sigmoid(style)) * (1 - sigmoid(tabloid));
}

export function scoreWith(model: LoadedModel, headline: string, calibration: Calibration = CALIBRATION): Scored {
  const { cues, grams } = featurize(headline, model.lang);
  // The Spanish data is labelled for bait itself, not by source: its model needs no hand-set tabloid part.
  const tabloid = model.lang === 'en';
  const scale = tabloid ? calibration.styleScale : 1;
  let style = model.bias;
  let priors = 0;
  const contributions: CueContribution[] = [];
  for (const match of cues) {
    const value = cueValue(match);
    const learned = (model.cues.get(match.id) ?? 0) * value;
    const prior = tabloid ? (PRIORS.get(match.id) ?? 0) * value : 0;
    style += learned;
    priors += prior;
    contributions.push({ id: match.id, matches: match.matches, weight: learned * scale + prior });
  }
  const wordWeights: [string, number][] = [];
  for (const gram of grams) {
    if (!Object.hasOwn(model.ngrams, gram)) continue;
    const weight = model.ngrams[gram] as number;
    style += weight;
    if (weight > 0 && !gram.includes('<')) wordWeights.push([gram, weight]);
  }
  contributions.sort((a, b) => b.weight - a.weight);
  wordWeights.sort((a, b) => b[1] - a[1]);
  const parts: ScoreParts = { style, priors, words: tabloid ? wordCount(headline) : 0 };
  const score = tabloid ? combineParts(parts, calibration) : sigmoid(style);
  return { score, cues: contributions, baitWords: wordWeights.map(([gram]) => gram), parts };
}

const MAX_REASONS = 4;
const MAX_QUOTES = 3;

/** Plain-language reasons: the cues that pushed towards bait, strongest first. */
export function reasonsFor(scored: Scored, clickbait: boolean): string[] {
  const reasons: string[] = [];
  for (const cue of scored.cues) {
    if (cue.weight <= 0.05 || reasons.length >= MAX_REASONS) continue;
    const definition = LABELS.get(cue.id);
    if (!definition) continue;
    const quoted = cue.matches.slice(0, MAX_QUOTES).map((match) => `'${match}'`);
    reasons.push(
      definition.quote && quoted.length > 0 ? `${definition.label}: ${quoted.join(', ')}` : definition.label,
    );
  }
  // A flag with no named cue behind it still says what it rests on.
  if (clickbait && reasons.length === 0) {
    const words = scored.baitWords.slice(0, MAX_QUOTES).map((gram) => `'${gram}'`);
    reasons.push(words.length > 0 ? `Teaser-style wording: ${words.join(', ')}` : 'Worded like a teaser headline');
  }
  return reasons;
}
