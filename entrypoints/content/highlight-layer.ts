/**
 * The one on-page highlight layer for every kind of flag. It lives in a shadow
 * root on a zero-size host appended to <html>: nothing enters the page's flow
 * (no layout shift), page styles cannot reach in (`:host { all: initial }`
 * with !important wins over the page's rules) and ours cannot leak out.
 * Styles go in through a constructable stylesheet, which a strict CSP allows.
 * Removing the layer removes the host, leaving the page's DOM as it was.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { FlagKind } from '@/utils/report.ts';
import type { HighlightStyle } from '@/utils/settings.ts';

export const LAYER_TAG = 'article-lens-layer';
const KINDS: readonly FlagKind[] = ['clickbait', 'boilerplate', 'related'];
/** Give up re-attaching after this many removals by the page (it wants us gone). */
const MAX_REATTACH = 30;
/** Minimum gap between repositions caused by DOM mutations. */
const MUTATION_GAP_MS = 100;

export interface LayerItem {
  id: string;
  kind: FlagKind;
  /** Plain text, e.g. "Related links · list of 7 links to other stories". */
  label: string;
  element: Element;
}

export interface LegendView {
  title: string;
  kindNames: Record<FlagKind, string>;
  counts: Record<FlagKind, number>;
  visible: Record<FlagKind, boolean>;
  clutterHidden: boolean;
  hideClutterText: string;
  showClutterText: string;
  closeText: string;
}

export interface LayerView {
  /** The boxes to draw (already filtered to the visible kinds). */
  items: LayerItem[];
  style: HighlightStyle;
  legend: LegendView | null;
  /** Text to mark (a spoiler), drawn from the range's client rects; the page is not touched. */
  mark?: Range | null;
}

export interface LayerCallbacks {
  onToggleKind(kind: FlagKind): void;
  onToggleClutter(): void;
  onClose(): void;
}

export interface HighlightLayer {
  /** Mounts when needed and draws the view. */
  render(view: LayerView): Promise<void>;
  /** Removes the host from the page. */
  remove(): void;
  /** Makes one box pulse (after the page has scrolled to it). */
  pulse(id: string): void;
  readonly mounted: boolean;
  /** The host element while mounted (for tests). */
  readonly host: HTMLElement | null;
}

const COLORS: Record<FlagKind, string> = {
  clickbait: '#c5221f',
  boilerplate: '#b06000',
  related: '#1a5fb4',
};

export const LAYER_CSS = `
:host {
  all: initial !important;
  position: absolute !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  overflow: visible !important;
  display: block !important;
  visibility: visible !important;
  opacity: 1 !important;
  transform: none !important;
  filter: none !important;
  z-index: 2147483646 !important;
  pointer-events: none !important;
}
.root { position: absolute; top: 0; left: 0; width: 0; height: 0; pointer-events: none;
  font: 12px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f1f1f; }
${KINDS.map((kind) => `[data-kind="${kind}"] { --al-color: ${COLORS[kind]}; }`).join('\n')}
.box { position: absolute; top: 0; left: 0; box-sizing: border-box; pointer-events: none; border-radius: 3px; }
.box[hidden], .label[hidden] { display: none; }
.style-outline .box { outline: 2px solid var(--al-color); outline-offset: 1px; }
.style-tint .box { background: color-mix(in srgb, var(--al-color) 14%, transparent);
  outline: 1px solid color-mix(in srgb, var(--al-color) 60%, transparent); }
.style-underline .box { border-bottom: 3px solid var(--al-color); }
.label { position: absolute; top: 0; left: 0; max-width: 360px; padding: 1px 6px; border-radius: 3px;
  background: var(--al-color); color: #fff; font-size: 11px; font-weight: 600; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; pointer-events: auto; cursor: default; box-sizing: border-box; }
.box.pulse { animation: al-pulse 0.6s ease-in-out 4; }
@keyframes al-pulse { 50% { outline-width: 5px; outline-offset: 4px; box-shadow: 0 0 0 6px color-mix(in srgb, var(--al-color) 35%, transparent); } }
@media (prefers-reduced-motion: reduce) {
  .box.pulse { animation: none; outline: 4px solid var(--al-color); outline-offset: 3px; }
}
.legend { position: fixed; right: 12px; bottom: 12px; pointer-events: auto; background: #fff; color: #1f1f1f;
  border: 1px solid #c4c7c5; border-radius: 8px; box-shadow: 0 2px 8px rgba(0,0,0,.2); padding: 8px 10px;
  display: flex; flex-direction: column; gap: 4px; min-width: 180px; }
.legend[hidden] { display: none; }
.legend-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; font-weight: 700; }
.legend button { all: unset; box-sizing: border-box; cursor: pointer; font: inherit; color: inherit;
  border-radius: 4px; padding: 2px 6px; display: flex; align-items: center; gap: 6px; }
.legend button:hover { background: #f1f3f4; }
.legend button:focus-visible { outline: 2px solid #1a5fb4; outline-offset: 1px; }
.legend .kind[aria-pressed="false"] { opacity: .55; text-decoration: line-through; }
.swatch { width: 10px; height: 10px; border-radius: 2px; background: var(--al-color); flex: none; }
.legend .clutter { justify-content: center; border: 1px solid #c4c7c5; margin-top: 2px; }
.legend .clutter[aria-pressed="true"] { background: #e8f0fe; }
.legend .close { padding: 0 6px; font-size: 14px; }
.mark { position: absolute; top: 0; left: 0; pointer-events: none; border-radius: 2px;
  background: rgba(255, 208, 0, .38); box-shadow: 0 0 0 2px #e37400; }
@media print { .root { display: none; } }
@media (prefers-color-scheme: dark) {
  .legend { background: #202124; color: #e8eaed; border-color: #5f6368; }
  .legend button:hover { background: #303134; }
  .legend .clutter[aria-pressed="true"] { background: #394457; }
}
`;

/** Host properties set inline too, in case the stylesheet cannot be applied. */
const HOST_INLINE: ReadonlyArray<[string, string]> = [
  ['position', 'absolute'],
  ['top', '0px'],
  ['left', '0px'],
  ['width', '0px'],
  ['height', '0px'],
  ['margin', '0px'],
  ['padding', '0px'],
  ['border', '0px'],
  ['overflow', 'visible'],
  ['display', 'block'],
  ['z-index', '2147483646'],
  ['pointer-events', 'none'],
];

const styled = new WeakSet<ShadowRoot>();

/**
 * A constructable stylesheet first: CSP does not apply to it (Chrome). Where it
 * does not take (Firefox content scripts cannot always adopt sheets), a <style>
 * whose text the content script sets: Firefox then checks it against the
 * extension's CSP, not the page's. `probe` must be connected, to read its style.
 */
function applyStyles(shadow: ShadowRoot, probe: HTMLElement): void {
  if (styled.has(shadow)) return;
  styled.add(shadow);
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(LAYER_CSS);
    // push() works through Firefox's Xray wrappers where assigning a new array may not.
    shadow.adoptedStyleSheets.push(sheet);
  } catch {
    // Fall through to the check below.
  }
  if (getComputedStyle(probe).position === 'absolute') return;
  const style = shadow.ownerDocument.createElement('style');
  style.textContent = LAYER_CSS;
  shadow.prepend(style);
}

function styleHost(host: HTMLElement): string {
  host.removeAttribute('hidden');
  for (const [property, value] of HOST_INLINE) host.style.setProperty(property, value, 'important');
  return host.getAttribute('style') ?? '';
}

interface Mounted {
  root: HTMLElement;
  boxes: HTMLElement;
  legend: HTMLElement;
  marks: HTMLElement;
  mark: Range | null;
  stop(): void;
  boxById: Map<string, { box: HTMLElement; label: HTMLElement; item: LayerItem }>;
}

export function createHighlightLayer(ctx: ContentScriptContext, callbacks: LayerCallbacks): HighlightLayer {
  let ui: ShadowRootContentScriptUi<Mounted> | null = null;
  let creating: Promise<ShadowRootContentScriptUi<Mounted>> | null = null;
  let view: LayerView | null = null;
  let reattached = 0;
  let hostStyle = '';
  ctx.onInvalidated(() => {
    view = null;
  });

  const raf = (callback: () => void) =>
    typeof requestAnimationFrame === 'function' ? ctx.requestAnimationFrame(callback) : ctx.setTimeout(callback, 16);

  let framePending = false;
  let lastMutationUpdate = 0;
  let mutationTimer: number | null = null;
  const schedule = () => {
    if (framePending) return;
    framePending = true;
    raf(() => {
      framePending = false;
      safely(reposition);
    });
  };
  const scheduleAfterMutation = () => {
    if (mutationTimer !== null) return;
    const wait = Math.max(0, lastMutationUpdate + MUTATION_GAP_MS - performance.now());
    mutationTimer = ctx.setTimeout(() => {
      mutationTimer = null;
      lastMutationUpdate = performance.now();
      schedule();
    }, wait);
  };

  function reposition(): void {
    const mounted = ui?.mounted;
    const host = ui?.shadowHost;
    if (!mounted || !host?.isConnected) return;
    const origin = host.getBoundingClientRect();
    const root = document.documentElement;
    const body = document.body;
    // The page's own extent in layer coordinates. Boxes are clipped to it: a box
    // for something scrolled away inside a carousel must not widen the document.
    const bodyRect = body?.getBoundingClientRect();
    const limitX = Math.max(
      root?.clientWidth ?? 0,
      bodyRect && body ? bodyRect.left - origin.left + body.scrollWidth : 0,
    );
    const limitY = Math.max(
      root?.clientHeight ?? 0,
      bodyRect && body ? bodyRect.top - origin.top + body.scrollHeight : 0,
    );
    // The viewport's right edge in layer coordinates: labels are kept left of it.
    const right = Math.min(limitX, (root?.clientWidth ?? 0) - origin.left);
    // Read every rect first, then write: one layout, no thrashing.
    const rects = [...mounted.boxById.values()].map(({ item }) =>
      item.element.isConnected ? item.element.getBoundingClientRect() : null,
    );
    let index = 0;
    for (const { box, label } of mounted.boxById.values()) {
      const rect = rects[index++];
      let x = 0;
      let y = 0;
      let width = 0;
      let height = 0;
      if (rect && (rect.width > 0 || rect.height > 0)) {
        x = Math.max(0, rect.left - origin.left);
        y = Math.max(0, rect.top - origin.top);
        width = Math.min(rect.right - origin.left, limitX) - x;
        height = Math.min(rect.bottom - origin.top, limitY) - y;
      }
      const empty = width <= 0 && height <= 0;
      box.hidden = empty || width < 0 || height < 0;
      label.hidden = box.hidden;
      if (box.hidden) continue;
      box.style.transform = `translate(${x}px, ${y}px)`;
      box.style.width = `${width}px`;
      box.style.height = `${height}px`;
      // Label above the box, or inside its top edge when there is no room above.
      const labelY = y - Math.max(0, -origin.top) > 20 ? y - 18 : y + 2;
      const labelX = Math.max(x, -origin.left);
      label.style.transform = `translate(${labelX}px, ${labelY}px)`;
      label.style.maxWidth = `${Math.max(120, Math.min(360, right - labelX - 4))}px`;
    }
    drawMark(mounted, origin);
  }

  /** One box per line of the marked text (a Range's client rects), at most 60 lines. */
  function drawMark(mounted: Mounted, origin: DOMRect): void {
    const range = mounted.mark;
    const live =
      range?.startContainer.isConnected && range.endContainer.isConnected && typeof range.getClientRects === 'function';
    const rects = live && range ? [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0) : [];
    const doc = mounted.marks.ownerDocument;
    mounted.marks.replaceChildren(
      ...rects.slice(0, 60).map((rect) => {
        const box = doc.createElement('div');
        box.className = 'mark';
        box.style.transform = `translate(${rect.left - origin.left}px, ${rect.top - origin.top}px)`;
        box.style.width = `${rect.width}px`;
        box.style.height = `${rect.height}px`;
        return box;
      }),
    );
  }

  function safely(run: () => void): void {
    try {
      run();
    } catch {
      // A layer that fails to draw must not break the page.
    }
  }

  function watch(host: HTMLElement): () => void {
    const controller = new AbortController();
    const options = { passive: true, capture: true, signal: controller.signal } as const;
    window.addEventListener('resize', schedule, options);
    document.addEventListener('scroll', schedule, options);
    const mutations = new MutationObserver(() =>
      safely(() => {
        if (!host.isConnected) {
          if (reattached++ < MAX_REATTACH && document.documentElement) {
            document.documentElement.append(host);
          }
        } else if (host.getAttribute('style') !== hostStyle || host.hasAttribute('hidden')) {
          hostStyle = styleHost(host);
        }
        scheduleAfterMutation();
      }),
    );
    mutations.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    let resizes: ResizeObserver | null = null;
    if (typeof ResizeObserver === 'function') {
      resizes = new ResizeObserver(() => schedule());
      if (document.documentElement) resizes.observe(document.documentElement);
      for (const item of view?.items ?? []) resizes.observe(item.element);
    }
    const stopOnInvalid = ctx.onInvalidated(() => controller.abort());
    return () => {
      controller.abort();
      mutations.disconnect();
      resizes?.disconnect();
      stopOnInvalid();
    };
  }

  function buildLegend(legend: HTMLElement, legendView: LegendView | null): void {
    legend.replaceChildren();
    legend.hidden = legendView === null;
    if (!legendView) return;
    const doc = legend.ownerDocument;
    const head = doc.createElement('div');
    head.className = 'legend-head';
    const title = doc.createElement('span');
    title.textContent = legendView.title;
    const close = doc.createElement('button');
    close.className = 'close';
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', legendView.closeText);
    close.title = legendView.closeText;
    close.addEventListener('click', () => safely(callbacks.onClose));
    head.append(title, close);
    legend.append(head);
    for (const kind of KINDS) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'kind';
      button.dataset.kind = kind;
      button.setAttribute('aria-pressed', String(legendView.visible[kind]));
      const swatch = doc.createElement('span');
      swatch.className = 'swatch';
      const text = doc.createElement('span');
      text.textContent = `${legendView.kindNames[kind]}: ${legendView.counts[kind]}`;
      button.append(swatch, text);
      button.addEventListener('click', () => safely(() => callbacks.onToggleKind(kind)));
      legend.append(button);
    }
    const clutter = doc.createElement('button');
    clutter.type = 'button';
    clutter.className = 'clutter';
    clutter.setAttribute('aria-pressed', String(legendView.clutterHidden));
    clutter.textContent = legendView.clutterHidden ? legendView.showClutterText : legendView.hideClutterText;
    clutter.addEventListener('click', () => safely(callbacks.onToggleClutter));
    legend.append(clutter);
  }

  function draw(mounted: Mounted, next: LayerView): void {
    const doc = mounted.root.ownerDocument;
    mounted.boxes.className = `boxes style-${next.style}`;
    mounted.boxes.replaceChildren();
    mounted.boxById.clear();
    for (const item of next.items) {
      const box = doc.createElement('div');
      box.className = 'box';
      box.dataset.kind = item.kind;
      box.dataset.flag = item.id;
      const label = doc.createElement('div');
      label.className = 'label';
      label.dataset.kind = item.kind;
      label.dataset.flag = item.id;
      label.setAttribute('role', 'note');
      label.setAttribute('aria-label', item.label);
      label.title = item.label;
      label.textContent = item.label;
      mounted.boxes.append(box, label);
      mounted.boxById.set(item.id, { box, label, item });
    }
    mounted.mark = next.mark ?? null;
    buildLegend(mounted.legend, next.legend);
    reposition();
  }

  async function ensureUi(): Promise<ShadowRootContentScriptUi<Mounted>> {
    if (ui) return ui;
    const create = (name: string) =>
      createShadowRootUi<Mounted>(ctx, {
        name,
        mode: 'open',
        position: 'inline',
        inheritStyles: true,
        anchor: () => document.documentElement,
        append: 'last',
        isolateEvents: ['keydown', 'keyup', 'keypress', 'click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup'],
        onMount(container, shadow, host) {
          // WXT adds an empty <style>; drop it so nothing relies on inline styles under CSP.
          for (const style of shadow.querySelectorAll('style')) if (!style.textContent) style.remove();
          hostStyle = styleHost(host);
          const root = container.ownerDocument.createElement('div');
          root.className = 'root';
          const boxes = container.ownerDocument.createElement('div');
          const legend = container.ownerDocument.createElement('div');
          legend.className = 'legend';
          legend.setAttribute('role', 'region');
          const marks = container.ownerDocument.createElement('div');
          marks.className = 'marks';
          root.append(marks, boxes, legend);
          container.append(root);
          applyStyles(shadow, root);
          const mounted: Mounted = { root, boxes, legend, marks, mark: null, boxById: new Map(), stop: () => {} };
          mounted.stop = watch(host);
          return mounted;
        },
        onRemove(mounted) {
          mounted?.stop();
        },
      });
    // A page that defined our tag as its own element may forbid shadow roots on it: use a fresh name then.
    creating ??= create(LAYER_TAG)
      .catch(() => create(`${LAYER_TAG}-${Math.random().toString(36).slice(2, 8)}`))
      .catch((error: unknown) => {
        creating = null;
        throw error;
      });
    ui = await creating;
    return ui;
  }

  return {
    async render(next) {
      view = next;
      if (ctx.isInvalid) return;
      const current = await ensureUi();
      // A newer render, a removal or the end of this script's life came in meanwhile.
      if (view !== next || ctx.isInvalid) return;
      if (!current.mounted || !current.shadowHost.isConnected) {
        current.remove();
        current.mount();
      }
      const mounted = current.mounted;
      if (!mounted) return;
      if (next.legend) mounted.legend.setAttribute('aria-label', next.legend.title);
      draw(mounted, next);
      // Observe the new targets' sizes as well.
      mounted.stop();
      mounted.stop = watch(current.shadowHost);
    },
    remove() {
      view = null;
      reattached = 0;
      ui?.remove();
    },
    pulse(id) {
      const entry = ui?.mounted?.boxById.get(id);
      if (!entry) return;
      reposition();
      entry.box.classList.remove('pulse');
      // Restart the animation when pulsing the same box twice.
      void entry.box.offsetWidth;
      entry.box.classList.add('pulse');
      ctx.setTimeout(() => entry.box.classList.remove('pulse'), 2600);
    },
    get mounted() {
      return Boolean(ui?.mounted && ui.shadowHost.isConnected);
    },
    get host() {
      return ui?.mounted ? ui.shadowHost : null;
    },
  };
}
