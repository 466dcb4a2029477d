/**
 * Cross-validation of the Spanish clickbait model (TA1C, ../shared/data/clickbait-es):
 * 5 folds by row index over train and validation together, each fold's model
 * trained as `npm run train:clickbait` trains it (SPANISH_TRAIN_OPTIONS, each
 * L2 of its grid, the bias set on out-of-fold scores of the fold's own training
 * rows) and scored on the held-out fifth. Prints clickbait F1, precision and
 * recall per L2 (pooled over the folds), and with `--misses` the training
 * split's out-of-fold false negatives and false positives, to read for new
 * cues (the validation rows are never listed). Writes nothing.
 */
import { extractCuesEs } from '../../utils/clickbait/features-es.ts';
import { loadModel, scoreWith } from '../../utils/clickbait/model.ts';
import {
  binaryMetrics,
  type LabelledHeadline,
  SPANISH_TRAIN_OPTIONS,
  trainClickbait,
} from '../../utils/clickbait/train.ts';
import { runScript } from '../shared-data.ts';
import { readClickbaitSplit } from '../train/clickbait.ts';

const FOLDS = 5;
/** `--options '{"maxNgrams":1000}'` overrides training options, to compare settings. */
const flag = process.argv.indexOf('--options');
const OPTIONS = {
  ...SPANISH_TRAIN_OPTIONS,
  ...(flag > 0 ? (JSON.parse(process.argv[flag + 1] ?? '{}') as Partial<typeof SPANISH_TRAIN_OPTIONS>) : {}),
};

/** Out-of-fold scores of `rows` at one L2 strength. */
function outOfFold(rows: LabelledHeadline[], l2: number): number[] {
  const scores: number[] = new Array(rows.length).fill(0);
  const options = { ...OPTIONS, l2Grid: [l2] };
  for (let fold = 0; fold < FOLDS; fold++) {
    const held = rows.filter((_, index) => index % FOLDS === fold);
    const { model } = trainClickbait(
      rows.filter((_, index) => index % FOLDS !== fold),
      held,
      options,
      'es',
    );
    const loaded = loadModel(model, 'es');
    rows.forEach((row, index) => {
      if (index % FOLDS === fold) scores[index] = scoreWith(loaded, row.text).score;
    });
  }
  return scores;
}

const f3 = (value: number) => value.toFixed(3);

function main(): void {
  const train = readClickbaitSplit('train', 'es');
  const all = [...train, ...readClickbaitSplit('validation', 'es')];
  const lines: string[] = [];
  for (const l2 of OPTIONS.l2Grid) {
    const scores = outOfFold(all, l2);
    const m = binaryMetrics(
      scores.map((score) => score >= 0.5),
      all,
    );
    const t = binaryMetrics(
      scores.slice(0, train.length).map((score) => score >= 0.5),
      train,
    );
    lines.push(
      `L2 ${l2}: ${FOLDS}-fold CV over train+validation (${all.length}): F1 ${f3(m.f1)} P ${f3(m.precision)} ` +
        `R ${f3(m.recall)}; train rows only F1 ${f3(t.f1)}`,
    );
    if (process.argv.includes('--misses') && l2 === OPTIONS.l2Grid[0]) {
      train.forEach((row, index) => {
        const score = scores[index] as number;
        if (score >= 0.5 === (row.label === 1)) return;
        const cues = extractCuesEs(row.text)
          .map((cue) => cue.id)
          .join(',');
        lines.push(`${row.label === 1 ? 'FN' : 'FP'} ${f3(score)} [${cues}] ${row.text}`);
      });
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

await runScript(main);
