/**
 * The background's logic as plain functions over injected dependencies, so the
 * glue tests can drive them with a fake browser and recorded calls.
 */
import {
  type BackgroundResponse,
  badgeFor,
  isTrustedSender,
  parseRequest,
  type ReportResponse,
} from '@/utils/messages.ts';
import type { ReportStore } from './reports.ts';

export interface MessageSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

export interface BadgeDeps {
  extensionId: string;
  /** e.g. "chrome-extension://<id>/": where the extension's own pages live. */
  extensionOrigin?: string;
  /** The latest report of each tab; without it reports are neither kept nor answered. */
  reports?: ReportStore;
  setBadge(tabId: number, text: string, color: string): Promise<void>;
  /** Makes sure the extension document that analyses pages exists; false when none can be had. */
  ensureAnalyzer?(): Promise<boolean>;
}

export interface CommandDeps {
  activeTabId(): Promise<number | undefined>;
  sendToTab(tabId: number, message: unknown): Promise<unknown>;
}

/**
 * Answers report-summary from this extension's content script in a tab's top
 * frame, and get-report from this extension's own pages. Returns undefined
 * (synchronously) for what is not ours to answer: other senders and requests
 * meant for content scripts; refuses bad payloads.
 */
export function handleBackgroundMessage(
  message: unknown,
  sender: MessageSender,
  deps: BadgeDeps,
): Promise<BackgroundResponse | ReportResponse> | undefined {
  if (!isTrustedSender(sender, deps.extensionId)) return undefined;
  const request = parseRequest(message);
  if (request === null) return Promise.resolve({ ok: false, error: 'invalid-request' });
  if (request.type === 'get-report') {
    // Our pages only (the popup, also when open in a tab): a content script never reads a tab's report.
    const origin = deps.extensionOrigin;
    if (!origin || !sender.url?.startsWith(origin)) return Promise.resolve({ ok: false, error: 'not-extension-page' });
    const reports = deps.reports;
    if (!reports) return Promise.resolve({ ok: true, report: null });
    return reports.get(request.tabId).then(
      (report) => ({ ok: true, report }) as ReportResponse,
      () => ({ ok: true, report: null }) as ReportResponse,
    );
  }
  if (request.type === 'ensure-analyzer') {
    if (typeof sender.tab?.id !== 'number' || (sender.frameId ?? 0) !== 0) {
      return Promise.resolve({ ok: false, error: 'not-top-frame' });
    }
    const ensure = deps.ensureAnalyzer;
    if (!ensure) return Promise.resolve({ ok: false, error: 'no-analyzer' });
    return ensure().then(
      (ready) => (ready ? { ok: true } : { ok: false, error: 'no-analyzer' }) as BackgroundResponse,
      () => ({ ok: false, error: 'no-analyzer' }) as BackgroundResponse,
    );
  }
  if (request.type !== 'report-summary') return undefined;
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0) return Promise.resolve({ ok: false, error: 'no-tab' });
  if ((sender.frameId ?? 0) !== 0) return Promise.resolve({ ok: false, error: 'not-top-frame' });
  // A content script runs in a web page; our own pages open in a tab (popup.html?tab=) do not report.
  if (!/^https?:/i.test(sender.url ?? '')) return Promise.resolve({ ok: false, error: 'not-content-script' });
  const { text, color } = badgeFor(request.badge);
  const { report } = request;
  const kept =
    report === undefined || !deps.reports
      ? Promise.resolve()
      : report === null
        ? deps.reports.drop(tabId)
        : deps.reports.put(tabId, report);
  return Promise.all([kept, deps.setBadge(tabId, text, color)]).then(() => ({ ok: true }) as const);
}

/** A navigation starts: the old badge and report no longer describe the tab. */
export async function handleTabUpdated(
  tabId: number,
  changeInfo: { status?: string; url?: string },
  deps: Pick<BadgeDeps, 'setBadge' | 'reports'>,
): Promise<void> {
  if (changeInfo.status === 'loading' || changeInfo.url !== undefined) {
    await Promise.all([deps.reports?.drop(tabId), deps.setBadge(tabId, '', badgeFor(null).color)]);
  }
}

/** A tab closed: its report goes with it. */
export async function handleTabRemoved(tabId: number, deps: Pick<BadgeDeps, 'reports'>): Promise<void> {
  await deps.reports?.drop(tabId);
}

/** Keyboard shortcut -> message to the tab it was pressed in (or the active tab). */
export async function handleCommand(
  command: string,
  tab: { id?: number } | undefined,
  deps: CommandDeps,
): Promise<boolean> {
  if (command !== 'toggle-highlights') return false;
  const tabId = typeof tab?.id === 'number' && tab.id >= 0 ? tab.id : await deps.activeTabId();
  if (tabId === undefined) return false;
  try {
    await deps.sendToTab(tabId, { type: 'toggle-highlights' });
    return true;
  } catch {
    // No content script there (browser page, store, page loaded before install).
    return false;
  }
}
