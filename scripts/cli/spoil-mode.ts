/**
 * `analyze --spoil FILE.jsonl`: one SemEval-2023 Task 5 post a line in
 * (`uuid`, `postText` [str], `targetTitle`, `targetParagraphs` [str]; other
 * fields ignored), one line out per post in input order:
 * `{"uuid", "spoiler", "spoilerType"}`. A line that cannot be read gets
 * `{"line": n, "error": ...}` and the others still run.
 *
 * The task wants a string for every post, so when the report would say
 * `spoiler: null` (the best sentence scores too low) the CLI prints the best
 * guess anyway, and `""` only when the article has no text (or the post none).
 */
import { readFileSync, statSync } from 'node:fs';
import { findSpoiler, type SpoilerResult } from '../../utils/spoiler/index.ts';

export interface SpoilPost {
  uuid: string;
  postText: string[];
  targetTitle: string;
  targetParagraphs: string[];
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** The post on one input line, or an error message saying what is wrong with it. */
export function parseSpoilLine(line: string): SpoilPost | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: 'not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'not a JSON object' };
  const record = value as Record<string, unknown>;
  if (typeof record.uuid !== 'string' && typeof record.uuid !== 'number') return { error: 'missing "uuid"' };
  const postText = typeof record.postText === 'string' ? [record.postText] : record.postText;
  if (!isStringArray(postText)) return { error: '"postText" must be an array of strings' };
  if (!isStringArray(record.targetParagraphs)) return { error: '"targetParagraphs" must be an array of strings' };
  const title = record.targetTitle ?? '';
  if (typeof title !== 'string') return { error: '"targetTitle" must be a string' };
  return { uuid: String(record.uuid), postText, targetTitle: title, targetParagraphs: record.targetParagraphs };
}

export function spoilPost(post: SpoilPost): SpoilerResult {
  return findSpoiler({ post: post.postText, title: post.targetTitle, paragraphs: post.targetParagraphs });
}

/** The output line for one post: the spoiler, else the best guess, else "". */
export function spoilLine(post: SpoilPost): { uuid: string; spoiler: string; spoilerType: string } {
  const result = spoilPost(post);
  const answer = result.spoiler ?? result.guess;
  return { uuid: post.uuid, spoiler: answer?.text ?? '', spoilerType: answer?.type ?? 'phrase' };
}

/** Runs the mode; returns the exit code (2 when the file cannot be read, else 0). */
export function runSpoil(file: string, write: (line: string) => void, warn: (line: string) => void): number {
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new Error('is a directory, not a JSON Lines file');
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : error instanceof Error && !code ? error.message : 'cannot read';
    warn(`analyze: --spoil ${file}: ${reason}`);
    return 2;
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const post = parseSpoilLine(line);
    if ('error' in post) {
      write(JSON.stringify({ line: index + 1, error: post.error }));
      return;
    }
    try {
      write(JSON.stringify(spoilLine(post)));
    } catch (error) {
      write(JSON.stringify({ line: index + 1, error: error instanceof Error ? error.message : String(error) }));
    }
  });
  return 0;
}
