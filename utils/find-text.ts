/**
 * Finds a piece of text (a spoiler) in a live page: searches the page's text
 * nodes as one whitespace-normalised string, across node boundaries
 * ("<b>Matt</b> Miller" matches "Matt Miller"), and returns a DOM Range over
 * it. Reads the DOM only; the caller draws the mark from the range's client
 * rects, so the page is never changed.
 */

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION']);
/** Bounds on the work: a page's first 2 million characters of text are searched. */
const MAX_CHARS = 2_000_000;
const MAX_QUERY_CHARS = 2000;

/** Quote and dash variants the page and the extracted text may spell differently. */
function fold(char: string): string {
  if (char === '’' || char === '‘' || char === 'ʼ') return "'";
  if (char === '“' || char === '”' || char === '„') return '"';
  if (char === '–' || char === '—') return '-';
  return char.toLowerCase();
}

function normalize(text: string): string {
  let out = '';
  let space = true;
  for (const char of text) {
    if (/\s/.test(char)) {
      if (!space) out += ' ';
      space = true;
    } else {
      out += fold(char);
      space = false;
    }
  }
  return out.trim();
}

/**
 * A Range over the first occurrence of `text` under `root` (whitespace, case
 * and quote styles ignored), or null. `skip` is left out (our own layer).
 */
export function findTextRange(root: Node, text: string, skip: Node | null = null): Range | null {
  const query = normalize(text.slice(0, MAX_QUERY_CHARS));
  if (!query) return null;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x4 /* SHOW_TEXT */, {
    acceptNode(node) {
      for (let parent = node.parentNode; parent && parent !== root; parent = parent.parentNode) {
        if (parent === skip || SKIP.has((parent as Element).tagName)) return 2 /* FILTER_REJECT */;
      }
      return 1 /* FILTER_ACCEPT */;
    },
  });
  // The normalised text, and for each of its characters the node and offset it came from.
  let flat = '';
  const nodes: Text[] = [];
  const offsets: number[] = [];
  const owners: number[] = [];
  let space = true;
  for (
    let node = walker.nextNode() as Text | null;
    node && flat.length < MAX_CHARS;
    node = walker.nextNode() as Text | null
  ) {
    const value = node.data;
    const index = nodes.push(node) - 1;
    for (let offset = 0; offset < value.length; offset++) {
      const char = value[offset] as string;
      if (/\s/.test(char)) {
        if (space) continue;
        flat += ' ';
        space = true;
      } else {
        flat += fold(char);
        space = false;
      }
      owners.push(index);
      offsets.push(offset);
    }
    // Block boundaries are not always whitespace in the DOM ("</p><p>"): a node break counts as one.
    if (!space) {
      flat += ' ';
      owners.push(index);
      offsets.push(value.length);
      space = true;
    }
  }
  const at = flat.indexOf(query);
  if (at < 0) return null;
  const end = at + query.length - 1;
  const startNode = nodes[owners[at] as number] as Text;
  const endNode = nodes[owners[end] as number] as Text;
  const range = doc.createRange();
  range.setStart(startNode, offsets[at] as number);
  range.setEnd(endNode, Math.min(endNode.data.length, (offsets[end] as number) + 1));
  return range;
}
