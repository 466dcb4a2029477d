/**
 * "Hide clutter": hides flagged blocks through CSSOM (allowed under any CSP)
 * and restores each element's exact previous `style` attribute, or its absence.
 */

interface Saved {
  /** The style attribute before we touched it (null: there was none). */
  before: string | null;
  /** The style attribute right after we hid it, to notice page edits since. */
  after: string | null;
}

export interface ClutterHider {
  hide(elements: Iterable<Element>): number;
  restore(): void;
  readonly hidden: boolean;
  readonly count: number;
}

function hasStyle(element: Element): element is Element & ElementCSSInlineStyle {
  return 'style' in element && typeof (element as HTMLElement).style?.setProperty === 'function';
}

export function createClutterHider(): ClutterHider {
  const saved = new Map<Element & ElementCSSInlineStyle, Saved>();
  return {
    hide(elements) {
      for (const element of elements) {
        if (saved.has(element as Element & ElementCSSInlineStyle) || !hasStyle(element)) continue;
        try {
          const before = element.getAttribute('style');
          element.style.setProperty('display', 'none', 'important');
          saved.set(element, { before, after: element.getAttribute('style') });
        } catch {
          // Leave this one visible.
        }
      }
      return saved.size;
    },
    restore() {
      for (const [element, { before, after }] of saved) {
        try {
          if (element.getAttribute('style') === after) {
            if (before === null) element.removeAttribute('style');
            else element.setAttribute('style', before);
          } else {
            // The page restyled it meanwhile: take back only our declaration.
            element.style.removeProperty('display');
            const previous = before === null ? '' : parseDisplay(element, before);
            if (previous) element.style.setProperty('display', previous.value, previous.priority);
          }
        } catch {
          // Nothing more we can do for this element.
        }
      }
      saved.clear();
    },
    get hidden() {
      return saved.size > 0;
    },
    get count() {
      return saved.size;
    },
  };
}

/** The display declaration in a style attribute value, parsed by the browser. */
function parseDisplay(element: Element, styleText: string): { value: string; priority: string } | null {
  const probe = element.ownerDocument.createElement('div');
  // cssText (CSSOM), not setAttribute: a strict CSP allows it.
  probe.style.cssText = styleText;
  const value = probe.style.getPropertyValue('display');
  return value ? { value, priority: probe.style.getPropertyPriority('display') } : null;
}
