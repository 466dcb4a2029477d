/** Extractive summary of the cleaned article text. */
export function summarize(_text: string, _lang: string | null): string[] {
  return [];
}
