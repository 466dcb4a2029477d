/**
 * Where pages are analysed. Chrome MV3: an offscreen document (reason DOM_PARSER),
 * created on demand behind runtime.getContexts and one shared promise, closed
 * when idle. Firefox MV2: the background page itself, which has DOMParser.
 */

interface OffscreenApi {
  offscreen?: {
    createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
    closeDocument(): Promise<void>;
  };
  runtime: {
    getURL(path: string): string;
    getContexts?(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
  };
}

/** Closed after this long without a page to analyse. */
export const OFFSCREEN_IDLE_MS = 20_000;

export interface Analyzer {
  ensure(): Promise<boolean>;
}

export function offscreenAnalyzer(
  api: OffscreenApi,
  timers: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout } = globalThis,
): Analyzer {
  const path = 'offscreen.html';
  let creating: Promise<boolean> | null = null;
  let idle: ReturnType<typeof setTimeout> | undefined;

  const exists = async () => {
    const getContexts = api.runtime.getContexts;
    if (!getContexts) return false;
    const contexts = await getContexts({
      contextTypes: ['OFFSCREEN_DOCUMENT'],
      documentUrls: [api.runtime.getURL(path)],
    });
    return contexts.length > 0;
  };

  const closeLater = () => {
    if (idle !== undefined) timers.clearTimeout(idle);
    idle = timers.setTimeout(() => {
      idle = undefined;
      api.offscreen?.closeDocument().catch(() => {});
    }, OFFSCREEN_IDLE_MS);
  };

  return {
    ensure() {
      const offscreen = api.offscreen;
      if (!offscreen || !api.runtime.getContexts) return Promise.resolve(false);
      closeLater();
      creating ??= exists()
        .then(async (found) => {
          if (!found) {
            await offscreen.createDocument({
              url: path,
              reasons: ['DOM_PARSER'],
              justification: 'Parse a copy of the page to find its article, clickbait and clutter, off the page.',
            });
          }
          return true;
        })
        .catch(() => false)
        .finally(() => {
          creating = null;
        });
      return creating;
    },
  };
}
