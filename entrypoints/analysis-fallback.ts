/**
 * The in-page analysis, for browsers where no extension document can analyse a
 * copy of the page (an enterprise policy, no offscreen API). Loaded by the
 * content script only then, with import(), so its weight is not the content
 * script's: it hands the pipeline over on a global of the content script's
 * isolated world.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { analyzeDocument } from '@/utils/analyze.ts';

export const FALLBACK_GLOBAL = '__articleLensAnalyzeInPage';

export default defineUnlistedScript({
  // Firefox always has its background page to analyse in.
  include: ['chrome'],
  main() {
    (globalThis as Record<string, unknown>)[FALLBACK_GLOBAL] = analyzeDocument;
  },
});
