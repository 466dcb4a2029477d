/**
 * The page as a string for analysis elsewhere: the document's HTML with what no
 * detector reads emptied (script bodies except JSON-LD metadata, style sheets,
 * SVG drawings, comments, data: URIs). Elements stay where they are, so a
 * child-index path on the parsed copy names the same element on the live page.
 */

export interface SerializedPage {
  html: string;
  /** Characters of the document's own serialisation, before emptying. */
  rawChars: number;
}

/** The doctype as written, so the copy is parsed in the same mode (quirks or not) as the page. */
function doctypeOf(document: Document): string {
  const doctype = document.doctype;
  if (!doctype) return '';
  const publicId = doctype.publicId ? ` PUBLIC "${doctype.publicId}"` : '';
  const systemId = doctype.systemId ? `${publicId ? '' : ' SYSTEM'} "${doctype.systemId}"` : '';
  return `<!DOCTYPE ${doctype.name}${publicId}${systemId}>`;
}

/** The page's HTML, slimmed; null when it is not an HTML document with an element tree. */
export function serializeDocument(document: Document): SerializedPage | null {
  const root = document.documentElement;
  if (!root) return null;
  const raw = root.outerHTML;
  return { html: doctypeOf(document) + slimHtml(raw), rawChars: raw.length };
}

// The browser serialises HTML element and attribute names in lower case, double-quoting every
// value, so the scan matches them as written: no case folding, which costs a third of its time.
const TOKEN =
  /<!--|<(script|style)\b([^>]*)>|<svg\b[^>]*>|\s(?:data-[\w.:-]+|srcset|sizes)="[^"]*"|\s(?:src|href|poster)="data:[^"]*"/g;
const SVG_TAGS = /<svg\b[^>]*?(\/?)>|<\/svg\s*>/g;
// The end of a body is found in any case: text the page holds raw (inside <iframe> or
// <noscript>) is serialised as written.
const END: Record<string, RegExp> = { script: /<\/script/gi, style: /<\/style/gi };
const LD_JSON = /\btype\s*=\s*["']?application\/ld\+json/i;

/**
 * Empties, in one left-to-right scan of serialised HTML: comments, the bodies of
 * <script> (JSON-LD kept) and <style>, everything inside <svg> (nested ones
 * included), data: URIs in the attributes that carry them, and the attributes
 * only picture loading reads (data-*, srcset, sizes: often the bulk of a
 * framework page's markup; neither the detectors nor the text use them). Tags stay.
 */
export function slimHtml(html: string): string {
  const out: string[] = [];
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    const token = match[0];
    const start = match.index;
    if (token === '<!--') {
      const end = html.indexOf('-->', start + 4);
      out.push(html.slice(last, start));
      last = end < 0 ? html.length : end + 3;
    } else if (match[1]) {
      const tag = match[1];
      const bodyStart = start + token.length;
      const closing = END[tag] as RegExp;
      closing.lastIndex = bodyStart;
      const end = closing.exec(html)?.index ?? html.length;
      if (tag === 'script' && LD_JSON.test(match[2] ?? '')) {
        out.push(html.slice(last, end));
      } else {
        out.push(html.slice(last, bodyStart));
      }
      last = end;
    } else if (token[0] === '<') {
      // <svg ...>: skip to its matching </svg>, counting nested ones.
      const bodyStart = start + token.length;
      out.push(html.slice(last, bodyStart));
      if (token.endsWith('/>')) {
        last = bodyStart;
      } else {
        SVG_TAGS.lastIndex = bodyStart;
        let depth = 1;
        let end = html.length;
        for (let tag = SVG_TAGS.exec(html); tag; tag = SVG_TAGS.exec(html)) {
          if (tag[0][1] === '/') depth--;
          else if (tag[1] !== '/') depth++;
          if (depth === 0) {
            end = tag.index;
            break;
          }
        }
        last = end;
      }
    } else if (/="data:/i.test(token) && !/^\s(?:data-|srcset|sizes)/i.test(token)) {
      // An attribute holding a data: URI keeps its name, loses the payload.
      const name = token.slice(0, token.indexOf('='));
      out.push(html.slice(last, start), `${name}=""`);
      last = start + token.length;
    } else {
      // data-*, srcset, sizes: dropped whole.
      out.push(html.slice(last, start));
      last = start + token.length;
    }
    TOKEN.lastIndex = Math.max(last, start + 1);
  }
  out.push(html.slice(last));
  return out.join('');
}
