/**
 * The phrase gates are cheap necessary conditions: whenever a gated pattern
 * matches a text, its gate must match it too, or a block would lose its flag.
 * Checked on random texts made of the pattern's own words, punctuation and
 * case changes, so that the patterns match often.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHRASE_GATES } from '../../utils/clutter/phrases.ts';

const SEED = process.env.FC_SEED ?? (process.env.CI ? '20261202' : undefined);

/** The pattern's literal words and symbols (the vocabulary its matches are made of). */
function vocabulary(pattern: RegExp): string[] {
  const words = pattern.source
    .replace(/\\[pP]\{[^}]*\}|\\[wWsSdDb]|\{\d*,?\d*\}/g, ' ')
    .match(/[\p{L}\p{N}@©'’.-]+|\(c\)/gu);
  return [...new Set([...(words ?? []), '©', '(c)', '(', ')', ':', '@', '2024', 'Name'])];
}

/** The pattern without its look-arounds and Unicode classes, which fast-check cannot draw from. */
function drawable(source: string): string {
  return source
    .replace(/\(\?<?[!=]\[[^\]]*\]\)/g, '')
    .replace(/\\p\{L\}/g, 'a')
    .replace(/\\p\{Lu\}/g, 'A');
}

describe('phrase gates', () => {
  it('gate every pattern they are listed for', () => {
    expect(PHRASE_GATES.size).toBeGreaterThanOrEqual(11);
  });

  for (const [pattern, gate] of PHRASE_GATES) {
    it(`never rule out a match of /${pattern.source.slice(0, 40)}…/`, () => {
      const words = vocabulary(pattern);
      const text = fc
        .array(
          fc.tuple(
            fc.constantFrom(...words),
            fc.constantFrom(' ', ' ', ' ', '', ': ', ', ', ' (', ') ', '\n'),
            fc.boolean(),
          ),
          { minLength: 1, maxLength: 10 },
        )
        .map((parts) => parts.map(([word, gap, upper]) => (upper ? word.toUpperCase() : word) + gap).join(''));
      // Texts drawn from the pattern itself (where fast-check can read it), in random case, within other words.
      const around = fc.oneof(fc.constant(''), text);
      let drawn: fc.Arbitrary<string> = text;
      try {
        drawn = fc
          .tuple(around, fc.stringMatching(new RegExp(drawable(pattern.source))), around, fc.boolean())
          .map(([before, match, after, upper]) => `${before}${upper ? match.toUpperCase() : match}${after}`);
      } catch {
        // A pattern fast-check cannot draw from is checked on the vocabulary texts alone.
      }
      let matched = 0;
      fc.assert(
        fc.property(fc.oneof(text, drawn), (sample) => {
          if (!pattern.test(sample)) return true;
          matched++;
          return gate.test(sample);
        }),
        { numRuns: 3000, ...(SEED === undefined ? {} : { seed: Number(SEED) }) },
      );
      // The texts must exercise the pattern, or the check says nothing.
      expect(matched).toBeGreaterThan(20);
    });
  }
});
