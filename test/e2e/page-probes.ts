/**
 * What the end-to-end tests read from a page, as functions that run inside it.
 * Chromium runs them in an isolated world (support.ts `probe`), Firefox with
 * puppeteer's `page.evaluate` (firefox-support.ts); both pass each function's
 * source text, so every function here is self-contained: no imports, no
 * module-level names in its body.
 */

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Facts about the on-page layer, read from its open shadow root. */
export interface LayerInfo {
  present: boolean;
  /** Number of <article-lens-layer> elements in the document. */
  hosts: number;
  boxes: { id: string; kind: string; label: string; visible: boolean; outline: string }[];
  /** Count shown in the legend for each kind (the number at the end of its button). */
  legendCounts: Record<string, number>;
  legendText: string;
  /** The "Hide clutter" / "Show clutter" button, when the legend has one. */
  clutterButton: { text: string; pressed: string | null } | null;
}

export interface BlockGeometry {
  block: Rect | null;
  boxes: { kind: string; id: string; rect: Rect }[];
}

/** In the page: the layer's hosts, boxes and legend. */
export function readLayer(): LayerInfo {
  const hosts = document.querySelectorAll('article-lens-layer');
  const host = hosts[0];
  const root = host?.shadowRoot;
  if (!host || !root) {
    return { present: false, hosts: hosts.length, boxes: [], legendCounts: {}, legendText: '', clutterButton: null };
  }
  const boxes = Array.from(root.querySelectorAll<HTMLElement>('.box[data-flag]')).map((box) => {
    const style = getComputedStyle(box);
    const rect = box.getBoundingClientRect();
    const id = box.dataset.flag ?? '';
    const label = root.querySelector(`.label[data-flag="${id}"]`);
    return {
      id,
      kind: box.dataset.kind ?? '',
      label: label?.getAttribute('aria-label') ?? label?.textContent ?? '',
      visible: !box.hidden && style.display !== 'none' && style.visibility !== 'hidden' && rect.width > 0,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.borderBottomStyle} ${style.backgroundColor}`,
    };
  });
  const legend = root.querySelector<HTMLElement>('.legend');
  const legendCounts: Record<string, number> = {};
  for (const button of Array.from(root.querySelectorAll<HTMLElement>('.legend button[data-kind]'))) {
    const match = /(\d+)\s*$/.exec(button.textContent ?? '');
    if (match && button.dataset.kind) legendCounts[button.dataset.kind] = Number(match[1]);
  }
  const clutter = root.querySelector<HTMLElement>('.legend button.clutter');
  return {
    present: true,
    hosts: hosts.length,
    boxes,
    legendCounts,
    legendText: legend && !legend.hidden ? (legend.textContent ?? '') : '',
    clutterButton: clutter ? { text: clutter.textContent ?? '', pressed: clutter.getAttribute('aria-pressed') } : null,
  };
}

/**
 * In the page: for each text, the smallest element containing it (scrolled to
 * the top of the viewport first when `scroll`, letting the layer follow), its
 * rect and the rects of the layer's visible boxes. Lets a test check that a
 * block is covered by a box without trusting the report's (shortened) texts.
 */
export async function readGeometry({
  wanted,
  scroll,
}: {
  wanted: string[];
  scroll: boolean;
}): Promise<BlockGeometry[]> {
  const norm = (s: string) => s.replace(/\s+/g, ' ');
  const plain = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30)));
  const all = Array.from(document.body.querySelectorAll('*')).filter((el) => el.localName !== 'article-lens-layer');
  const results: BlockGeometry[] = [];
  for (const text of wanted) {
    let best: Element | null = null;
    for (const el of all) if (norm(el.textContent ?? '').includes(text)) best = el; // later in document order = deeper
    if (best && scroll) {
      best.scrollIntoView({ block: 'start', behavior: 'instant' });
      await frame();
      await frame();
    }
    const root = document.querySelector('article-lens-layer')?.shadowRoot;
    const boxes = Array.from(root?.querySelectorAll<HTMLElement>('.box[data-flag]') ?? [])
      .filter((box) => !box.hidden && box.getBoundingClientRect().width > 0)
      .map((box) => ({
        kind: box.dataset.kind ?? '',
        id: box.dataset.flag ?? '',
        rect: plain(box.getBoundingClientRect()),
      }));
    results.push({ block: best ? plain(best.getBoundingClientRect()) : null, boxes });
  }
  if (scroll) window.scrollTo({ top: 0, behavior: 'instant' });
  return results;
}

/** In the page: whether the smallest element holding each text is rendered (checkVisibility). */
export function readVisibility(wanted: string[]): boolean[] {
  const norm = (s: string) => s.replace(/\s+/g, ' ');
  const all = Array.from(document.body.querySelectorAll('*')).filter((el) => el.localName !== 'article-lens-layer');
  return wanted.map((text) => {
    let best: Element | null = null;
    for (const el of all) if (norm(el.textContent ?? '').includes(text)) best = el;
    return best ? best.checkVisibility({ visibilityProperty: true, opacityProperty: true }) : false;
  });
}

/** True when `outer` contains `inner`, within a few pixels (outlines sit just outside). */
export function covers(outer: Rect, inner: Rect, slack = 6): boolean {
  return (
    outer.left <= inner.left + slack &&
    outer.top <= inner.top + slack &&
    outer.right >= inner.right - slack &&
    outer.bottom >= inner.bottom - slack
  );
}

/**
 * What is wrong with the boxes on the sample page, in words: an expected block
 * with no element, an expected block no box of its kind covers, a text that
 * must stay with a clutter box fitted tightly around it. Empty when all holds.
 */
export function boxingProblems(
  blocks: readonly { kind: string; textIncludes: string; where: string }[],
  geometry: readonly BlockGeometry[],
  mustNotFlag: readonly string[],
  keep: readonly BlockGeometry[],
): string[] {
  const problems: string[] = [];
  blocks.forEach((block, index) => {
    const { block: rect, boxes } = geometry[index] ?? { block: null, boxes: [] };
    if (!rect) problems.push(`no element for "${block.textIncludes}"`);
    else if (!boxes.some((box) => box.kind === block.kind && covers(box.rect, rect)))
      problems.push(`no ${block.kind} box over "${block.textIncludes}" (${block.where})`);
  });
  mustNotFlag.forEach((text, index) => {
    const { block: rect, boxes } = keep[index] ?? { block: null, boxes: [] };
    if (!rect) problems.push(`no element for "${text}"`);
    else if (
      boxes.some(
        (box) =>
          box.kind !== 'clickbait' &&
          covers(box.rect, rect) &&
          box.rect.bottom - box.rect.top < (rect.bottom - rect.top) * 3,
      )
    )
      problems.push(`"${text}" must not be flagged, but a clutter box fits around it`);
  });
  return problems;
}
