// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isNewPage, type Timers, waitForDomSettle, whenPageIdle } from '@/entrypoints/content/spa-watch.ts';

const timers: Timers = { setTimeout: (callback, ms) => window.setTimeout(callback, ms) };

describe('SPA helpers', () => {
  it('treats a new path or query as a new page, a new fragment as the same page', () => {
    expect(isNewPage('https://news.example/a', 'https://news.example/b')).toBe(true);
    expect(isNewPage('https://news.example/a?id=1', 'https://news.example/a?id=2')).toBe(true);
    expect(isNewPage('https://news.example/a', 'https://news.example/a#comments')).toBe(false);
    expect(isNewPage('https://news.example/a#top', 'https://news.example/a#end')).toBe(false);
  });

  it('waits until the DOM has been quiet, and no longer than the cap when it never is', async () => {
    const target = document.createElement('div');
    document.body.append(target);
    let started = Date.now();
    const churn = window.setInterval(() => target.append(document.createElement('span')), 30);
    setTimeout(() => window.clearInterval(churn), 250);
    await waitForDomSettle(target, timers, { quietMs: 150, maxMs: 5000 });
    // Mutations went on for 250 ms, then 150 ms of quiet.
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    expect(Date.now() - started).toBeLessThan(2000);

    started = Date.now();
    const endless = window.setInterval(() => target.append(document.createElement('span')), 20);
    await waitForDomSettle(target, timers, { quietMs: 150, maxMs: 500 });
    window.clearInterval(endless);
    expect(Date.now() - started).toBeGreaterThanOrEqual(480);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('runs idle work only once the page has loaded', async () => {
    const order: string[] = [];
    const loading = { readyState: 'loading', defaultView: window } as unknown as Document;
    const idle: Timers = {
      ...timers,
      requestIdleCallback: (callback) => {
        order.push('idle requested');
        return window.setTimeout(callback, 0);
      },
    };
    const ran = new Promise<void>((resolve) =>
      whenPageIdle(loading, idle, () => {
        order.push('ran');
        resolve();
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual([]);
    window.dispatchEvent(new Event('load'));
    await ran;
    expect(order).toEqual(['idle requested', 'ran']);
  });
});
