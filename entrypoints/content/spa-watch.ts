/** Timing helpers: idle-time scheduling and waiting for a changing DOM to settle. */

export interface Timers {
  setTimeout(callback: () => void, ms: number): number;
  requestIdleCallback?(callback: () => void, options: { timeout: number }): number;
}

/** True when two URLs differ in more than their fragment (an in-page jump is no new article). */
export function isNewPage(from: string, to: string): boolean {
  const strip = (url: string) => url.replace(/#.*$/s, '');
  return strip(from) !== strip(to);
}

/**
 * Runs the callback once the page has loaded and the main thread is idle
 * (requestIdleCallback; a short timeout where that is missing). A page whose
 * load event never comes is treated as loaded after loadCapMs.
 */
export function whenPageIdle(
  doc: Document,
  timers: Timers,
  callback: () => void,
  { idleTimeoutMs = 3000, loadCapMs = 10_000 } = {},
): void {
  let started = false;
  const go = () => {
    if (started) return;
    started = true;
    if (timers.requestIdleCallback) timers.requestIdleCallback(callback, { timeout: idleTimeoutMs });
    else timers.setTimeout(callback, 50);
  };
  if (doc.readyState === 'complete') {
    go();
    return;
  }
  doc.defaultView?.addEventListener('load', go, { once: true });
  timers.setTimeout(go, loadCapMs);
}

/**
 * Resolves when the DOM under target has had no mutations for quietMs, or
 * after maxMs at most (a page that never stops changing still gets analysed).
 */
export function waitForDomSettle(target: Node, timers: Timers, { quietMs = 400, maxMs = 3000 } = {}): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    let lastChange = Date.now();
    const started = lastChange;
    const observer = new MutationObserver(() => {
      lastChange = Date.now();
    });
    const finish = () => {
      if (done) return;
      done = true;
      observer.disconnect();
      resolve();
    };
    const check = () => {
      const now = Date.now();
      if (now - lastChange >= quietMs || now - started >= maxMs) finish();
      else timers.setTimeout(check, Math.min(quietMs - (now - lastChange), maxMs - (now - started)) + 5);
    };
    try {
      observer.observe(target, { childList: true, subtree: true, characterData: true });
    } catch {
      finish();
      return;
    }
    timers.setTimeout(check, quietMs);
  });
}
