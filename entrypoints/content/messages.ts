/** The content script's message handler: trusted senders only, validated payloads. */
import {
  type ContentRequest,
  isTrustedSender,
  parseRequest,
  type Response,
  type SenderInfo,
  type ViewResponse,
  viewOf,
} from '@/utils/messages.ts';
import type { ContentController } from './state.ts';

export interface ContentSender extends SenderInfo {
  tab?: { id?: number };
}

export interface ContentMessageDeps {
  extensionId: string;
  /** e.g. "chrome-extension://<id>/": where the extension's own pages live. */
  extensionOrigin: string;
  /** Resolves once settings are loaded. */
  controller(): Promise<ContentController>;
}

/**
 * Returns undefined (synchronously: do not answer) for anything not from this
 * extension's own pages or background, and for requests that are not ours;
 * refuses malformed payloads; otherwise acts and answers with the tab's state.
 */
export function handleContentMessage(
  message: unknown,
  sender: ContentSender,
  deps: ContentMessageDeps,
): Promise<Response | ViewResponse> | undefined {
  if (!isTrustedSender(sender, deps.extensionId)) return undefined;
  // A sender in a tab must be one of our pages open in a tab (popup.html?tab=),
  // never a content script in some web page.
  if (sender.tab && !(deps.extensionOrigin && sender.url?.startsWith(deps.extensionOrigin))) return undefined;
  const request = parseRequest(message);
  if (request === null) return Promise.resolve({ ok: false, error: 'invalid-request' });
  if (
    request.type === 'report-summary' ||
    request.type === 'ensure-analyzer' ||
    request.type === 'analyze-page' ||
    request.type === 'get-report'
  ) {
    return undefined;
  }
  return deps.controller().then(
    (controller) => {
      const response = respond(controller, request);
      // The popup reads the report from the background: its polls never copy the report out of the page.
      return request.view && response.ok ? { ok: true, state: viewOf(response.state) } : response;
    },
    () => ({ ok: false, error: 'not-ready' }),
  );
}

function respond(controller: ContentController, request: ContentRequest): Response {
  try {
    switch (request.type) {
      case 'get-state':
        return { ok: true, state: controller.getState() };
      case 'analyze':
        return { ok: true, state: controller.analyze(request.force) };
      case 'set-highlights':
        return { ok: true, state: controller.setHighlights(request.on) };
      case 'toggle-highlights':
        return { ok: true, state: controller.toggleHighlights() };
      case 'set-clutter-hidden':
        return { ok: true, state: controller.setClutterHidden(request.hidden) };
      case 'mark-text': {
        const result = controller.markText(request.text);
        return result.ok ? { ok: true, state: controller.getState() } : result;
      }
      case 'reveal-flag': {
        const result = controller.revealFlag(request.id);
        return result.ok ? { ok: true, state: controller.getState() } : result;
      }
    }
  } catch {
    return { ok: false, error: 'internal' };
  }
}
