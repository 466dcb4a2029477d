/**
 * The latest report of each tab, kept by the background for the popup to read.
 * Chrome's service worker may be stopped at any time, so each report is also
 * written to storage.session (kept in memory by the browser, until it or the
 * extension restarts; not readable by content scripts, which get no access to
 * that area by default). Firefox's background page lives as long as the browser
 * and keeps the same two copies. Where the area is missing or full, the report
 * stays in memory only and the popup falls back to asking the tab itself.
 */
import { parseReport } from '@/utils/messages.ts';
import type { PageReport } from '@/utils/report.ts';

/** The part of storage.session this needs (a StorageArea). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface ReportStore {
  put(tabId: number, report: PageReport): Promise<void>;
  drop(tabId: number): Promise<void>;
  get(tabId: number): Promise<PageReport | null>;
}

export const reportKey = (tabId: number) => `report:${tabId}`;

export function createReportStore(area: SessionArea | undefined): ReportStore {
  const memory = new Map<number, PageReport>();
  // One operation at a time, in the order asked: a drop is never overtaken by the put before it.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(operation: () => Promise<T>): Promise<T> => {
    const next = queue.then(operation, operation);
    queue = next.catch(() => {});
    return next;
  };

  return {
    put: (tabId, report) =>
      serial(async () => {
        memory.set(tabId, report);
        if (!area) return;
        try {
          await area.set({ [reportKey(tabId)]: report });
        } catch {
          // Over the area's quota: memory only, and no older copy left to be read after a restart.
          await area.remove(reportKey(tabId)).catch(() => {});
        }
      }),
    drop: (tabId) =>
      serial(async () => {
        memory.delete(tabId);
        await area?.remove(reportKey(tabId)).catch(() => {});
      }),
    get: (tabId) =>
      serial(async () => {
        const kept = memory.get(tabId);
        if (kept) return kept;
        if (!area) return null;
        try {
          // After a restart of the service worker: the copy in the session area.
          const report = parseReport((await area.get(reportKey(tabId)))[reportKey(tabId)]);
          if (report) memory.set(tabId, report);
          return report;
        } catch {
          return null;
        }
      }),
  };
}
