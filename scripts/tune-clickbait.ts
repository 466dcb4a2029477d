/**
 * Chooses the English scorer's two calibration constants (CALIBRATION in
 * utils/clickbait/model.ts): the tabloid sub-model's bias and the shift of
 * the learned style model's logit. Grid search; the objective is the mean of
 * news-style accuracy (../shared/data/clickbait-news) and the share of real
 * clickbait posts flagged (../shared/data/clickbait-spoiling), among the pairs
 * that keep Stop Clickbait validation accuracy at least where the uncalibrated
 * pair (-3, 0) has it. Those two sets only choose these numbers: nothing here
 * fits a weight, and the chosen pair is committed by hand as plain numbers.
 * Prints the grid and the choice; writes nothing.
 */
import { headlineLanguage } from '../utils/clickbait/index.ts';
import modelJson from '../utils/clickbait/model.json' with { type: 'json' };
import { CALIBRATION, type Calibration, type ClickbaitModels, loadModel, scoreWith } from '../utils/clickbait/model.ts';
import { binaryMetrics, type LabelledHeadline, parseTsv } from '../utils/clickbait/train.ts';
import { readPosts, readText } from './eval-clickbait.ts';
import { runScript } from './shared-data.ts';
import { readClickbaitSplit } from './train-clickbait.ts';

const TABLOID_BIASES = [-3.5, -3, -2.75, -2.5, -2.25, -2, -1.75, -1.5];
const STYLE_SHIFTS = [-0.5, -0.25, 0, 0.25, 0.5, 0.75, 1];

function main(): void {
  const english = loadModel((modelJson as ClickbaitModels).en, 'en');
  // Only headlines the English model would score, as `analyze --headlines` routes them.
  const keep = (rows: LabelledHeadline[]) => rows.filter((row) => headlineLanguage(row.text) === 'en');
  const stop = keep(readClickbaitSplit('validation'));
  const news = keep(parseTsv(readText('data', 'clickbait-news', 'validation.tsv')));
  const posts = keep(readPosts());
  const accuracy = (rows: LabelledHeadline[], calibration: Calibration) =>
    binaryMetrics(
      rows.map((row) => scoreWith(english, row.text, calibration).score >= 0.5),
      rows,
    ).accuracy;
  const floor = Math.round(1000 * accuracy(stop, { tabloidBias: -3, styleShift: 0 })) / 1000;
  let best: { calibration: Calibration; objective: number } | null = null;
  const lines: string[] = [`Stop Clickbait validation floor (uncalibrated -3, 0): ${floor.toFixed(3)}`];
  for (const tabloidBias of TABLOID_BIASES) {
    for (const styleShift of STYLE_SHIFTS) {
      const calibration = { tabloidBias, styleShift };
      const figures = [stop, news, posts].map((rows) => accuracy(rows, calibration));
      const [s, n, p] = figures as [number, number, number];
      const objective = (n + p) / 2;
      const allowed = Math.round(1000 * s) / 1000 >= floor;
      lines.push(
        `  tabloid bias ${tabloidBias.toFixed(2)} style shift ${styleShift.toFixed(2)}: Stop ${s.toFixed(3)} ` +
          `news-style ${n.toFixed(3)} posts flagged ${p.toFixed(3)} objective ${objective.toFixed(4)}${allowed ? '' : ' (below floor)'}`,
      );
      if (allowed && (!best || objective > best.objective + 1e-9)) best = { calibration, objective };
    }
  }
  if (!best) throw new Error('tune-clickbait: no pair keeps the Stop Clickbait floor');
  lines.push(
    `Chosen: tabloidBias ${best.calibration.tabloidBias}, styleShift ${best.calibration.styleShift}` +
      ` (committed: tabloidBias ${CALIBRATION.tabloidBias}, styleShift ${CALIBRATION.styleShift})`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

await runScript(main);
