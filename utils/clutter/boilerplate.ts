/**
 * Boilerplate blocks: newsletter and subscription prompts, share bars, source
 * and photo credits, cookie banners, ad labels, copyright lines, comment
 * prompts, and page chrome (navigation, site header and footer). Every rule
 * needs block-level evidence (size, links, forms, phrases, landmarks); class
 * and id tokens only add to a score.
 */
import type { DetectedBlock, DetectionContext, Detector } from '../detectors.ts';
import { type BlockIndex, blockIndex, hasToken, outermostBlocks, role, wordCount } from './blocks.ts';
import {
  AD_DISCLOSURE,
  AD_LABEL,
  AGENCY_CREDIT,
  APP_PROMO,
  AUTHOR_ROLE,
  BIO_LEAD,
  BREADCRUMB_SEPARATOR,
  CAPTION_CREDIT,
  COMMENT_POLICY,
  COMMENT_PROMPT,
  COMMENTS,
  CONSENT,
  CONTACT_LINE,
  CONTRIBUTED_LINE,
  CONTROL_LINK,
  COOKIE,
  COPYRIGHT,
  DONATION_ASK,
  LETTERS_PROMPT,
  NEWSLETTER,
  NEWSLETTER_CORE,
  PHOTO_CREDIT,
  PHRASE_GATES,
  POST_META,
  READ_FULL,
  SHARE_CORE,
  SHARE_PROMPT,
  SHARE_WORDS,
  SKIP_LINK,
  SOURCE_LINE,
  SUBSCRIPTION,
  TAGS_LEAD,
  WIRE_CREDIT,
} from './phrases.ts';

/** Tags that make up a block of their own (inline tags are judged through their block). */
export const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ASIDE',
  'NAV',
  'HEADER',
  'FOOTER',
  'UL',
  'OL',
  'LI',
  'DL',
  'DD',
  'DT',
  'FIGURE',
  'FIGCAPTION',
  'FORM',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TABLE',
  'TR',
  'TD',
  'BLOCKQUOTE',
  'ARTICLE',
  'CENTER',
  'SMALL',
  'SPAN',
  'EM',
  'I',
  'STRONG',
  'B',
  'A',
]);
const INLINE_TAGS = new Set(['SPAN', 'EM', 'I', 'STRONG', 'B', 'SMALL', 'A']);

/** An inline element counts as a block only on a line of its own (between line breaks or blocks). */
export function isBlockUnit(index: BlockIndex, element: Element): boolean {
  const tag = index.tagOf(element);
  if (!BLOCK_TAGS.has(tag)) return false;
  if (!INLINE_TAGS.has(tag)) return true;
  const parent = element.parentElement;
  // When it is nearly all of its parent, the parent is the block.
  if (!parent || index.get(element).text >= index.get(parent).text * 0.9) return false;
  return (
    isBreak(index, element.previousSibling, 'previousSibling') && isBreak(index, element.nextSibling, 'nextSibling')
  );
}

function isBreak(index: BlockIndex, node: ChildNode | null, step: 'previousSibling' | 'nextSibling'): boolean {
  let current = node;
  while (current && current.nodeType === 3 && !(current as Text).data.trim()) current = current[step];
  if (!current) return true;
  if (current.nodeType !== 1) return false;
  const tag = index.tagOf(current as Element);
  return tag === 'BR' || tag === 'HR' || tag === 'IMG' || (BLOCK_TAGS.has(tag) && !INLINE_TAGS.has(tag));
}

/** "© 2022 ...", "Copyright (c) 2021 ...": the opening of a copyright notice. */
const COPYRIGHT_NOTICE = /^\W{0,3}(copyright\s*)?(©|\(c\))\s*(19|20)\d{2}|^\W{0,3}copyright\s+(19|20)\d{2}/iu;

const NEWSLETTER_HREF = /newsletter|signup|sign-up|subscribe|abonn|inscri|suscri/i;

function linksTo(element: Element, pattern: RegExp): boolean {
  for (const link of Array.from(element.getElementsByTagName('a'))) {
    if (pattern.test(link.getAttribute('href') ?? '')) return true;
  }
  return false;
}

const SIGN_UP =
  /(sign(ing)? ?up|subscrib|register|receive|delivered|get (the|our)|anmeld|abonn|bestell|erhalten|inscri|suscr|recib|zapisz|iscriv|ricev|aanmeld|ontvang)/iu;
/** Any SHARE_CORE entry as a whole word (entries are letters only). */
const SHARE_CORE_WORD = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...SHARE_CORE].join('|')})(?![\\p{L}\\p{N}])`, 'u');
const SHARER_HREF = /(sharer|share\?|intent\/tweet|shareArticle|pinterest\.com\/pin|wa\.me|whatsapp:|mailto:\?)/i;

/** pattern.test(text), skipped when the pattern's cheap gate already rules a match out. */
function has(pattern: RegExp, text: string): boolean {
  return PHRASE_GATES.get(pattern)?.test(text) !== false && pattern.test(text);
}

function quote(text: string, length = 40): string {
  const short = text.length > length ? `${text.slice(0, length - 1)}…` : text;
  return `'${short}'`;
}

function matchText(pattern: RegExp, text: string): string | null {
  if (PHRASE_GATES.get(pattern)?.test(text) === false) return null;
  const match = pattern.exec(text);
  return match ? match[0].trim() : null;
}

type Verdict = Omit<DetectedBlock, 'element' | 'kind'> | null;

/** A wrapper's only content: the enclosing block says the same, and the outermost flag wins anyway. */
export function sameAsParent(index: BlockIndex, element: Element): boolean {
  const parent = element.parentElement;
  return (
    !!parent &&
    BLOCK_TAGS.has(index.tagOf(parent)) &&
    !INLINE_TAGS.has(index.tagOf(parent)) &&
    index.get(parent).text === index.get(element).text
  );
}

function shareBar(index: BlockIndex, element: Element, text: string): Verdict {
  const lower = text.toLowerCase();
  // No core word, no share bar: most blocks stop here before the word split.
  if (!SHARE_CORE_WORD.test(lower)) return null;
  const words = lower.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0 || words.length > 30) return null;
  let shareWords = 0;
  let core = 0;
  for (const word of words) {
    if (SHARE_WORDS.has(word)) shareWords++;
    if (SHARE_CORE.has(word)) core++;
  }
  const ratio = shareWords / words.length;
  if (core === 0 || ratio < 0.75) return null;
  const reasons = [
    `Share bar: ${core} social network or share words ('${words
      .filter((w) => SHARE_CORE.has(w))
      .slice(0, 3)
      .join("', '")}')`,
  ];
  let score = 0.6 + Math.min(0.2, core * 0.05);
  const stats = index.get(element);
  if (stats.links > 0 && stats.links <= 12) {
    const sharer = Array.from(element.getElementsByTagName('a')).filter((a) =>
      SHARER_HREF.test(a.getAttribute('href') ?? ''),
    );
    if (sharer.length > 0) {
      score += 0.15;
      reasons.push(`${sharer.length} share link${sharer.length > 1 ? 's' : ''}`);
    }
  }
  if (hasToken(element, /^(share|sharing|social|sharebar|socials)$/)) {
    score += 0.05;
    reasons.push("marked as 'share' by the page");
  }
  return { category: 'share', score: Math.min(1, score), reasons };
}

function classify(index: BlockIndex, element: Element, context: DetectionContext): Verdict {
  const stats = index.get(element);
  const length = stats.text;
  // index.tagOf and index.articleShare, read off the stats already in hand.
  const tag = stats.tag;
  const elementRole = role(element);
  const share = index.articleLength === 0 ? 0 : stats.articleText / index.articleLength;

  // Landmarks first: page chrome around the article.
  if ((tag === 'NAV' || elementRole === 'navigation' || elementRole === 'menubar') && share < 0.1 && length > 0) {
    return {
      category: 'navigation',
      score: 0.9,
      reasons: [`Navigation: ${tag === 'NAV' ? 'nav element' : "role 'navigation'"} with ${stats.links} links`],
    };
  }
  // Only headers and footers ask, so the tree walk is not paid for every block.
  const holdsHeadline = () => !!context.headlineElement && element.contains(context.headlineElement);
  if ((tag === 'HEADER' || elementRole === 'banner') && share < 0.05 && length > 0 && !holdsHeadline()) {
    const outside = !context.articleRoot?.contains(element);
    if (outside || stats.links >= 2) {
      return {
        category: 'site-header',
        score: outside ? 0.85 : 0.6,
        reasons: [
          `Site header: ${tag === 'HEADER' ? 'header element' : "role 'banner'"}${outside ? ' outside the article' : ''}`,
        ],
      };
    }
  }
  if ((tag === 'FOOTER' || elementRole === 'contentinfo') && share < 0.15 && length > 0 && !holdsHeadline()) {
    const outside = !context.articleRoot?.contains(element);
    if (
      outside ||
      stats.links >= 2 ||
      index.linkDensity(element) >= 0.3 ||
      (length <= 300 && has(COPYRIGHT, index.text(element)))
    ) {
      return {
        category: 'site-footer',
        score: outside ? 0.85 : 0.6,
        reasons: [
          `Site footer: ${tag === 'FOOTER' ? 'footer element' : "role 'contentinfo'"}${outside ? ' outside the article' : ''}`,
        ],
      };
    }
  }

  if (length === 0 || share > 0.3 || sameAsParent(index, element)) return null;

  // Cookie and consent banners can be long; everything else below is a short block.
  if (
    length <= 1500 &&
    (stats.buttons > 0 || elementRole === 'dialog' || elementRole === 'alertdialog' || length <= 600)
  ) {
    const text = index.text(element);
    const cookie = matchText(COOKIE, text);
    const consent = cookie ? matchText(CONSENT, text) : null;
    if (
      cookie &&
      consent &&
      (stats.buttons > 0 ||
        elementRole.endsWith('dialog') ||
        hasToken(element, /cookie|consent|gdpr|privacy/) ||
        length <= 400)
    ) {
      const reasons = [`Cookie notice: ${quote(cookie)} + ${quote(consent)}`];
      if (stats.buttons > 0) reasons.push(`${stats.buttons} button${stats.buttons > 1 ? 's' : ''}`);
      return { category: 'cookie-consent', score: stats.buttons > 0 ? 0.9 : 0.7, reasons };
    }
  }

  if (length > 600) return commentsSection(index, element);
  const text = index.text(element);

  if (length <= 120 && AD_LABEL.test(text)) {
    return { category: 'advertising', score: 0.85, reasons: [`Advertising label: ${quote(text)}`] };
  }

  if (length <= 220) {
    const verdict = shareBar(index, element, text);
    if (verdict) return verdict;
  }

  if (length <= 500) {
    const core = matchText(NEWSLETTER_CORE, text);
    // The sign-up phrase only counts next to a core phrase.
    const signUp = core ? (matchText(SIGN_UP, text) ?? matchText(NEWSLETTER, text.replace(core, ''))) : null;
    // A paragraph that only mentions a newsletter is text; a sign-up has a link, a field or is short.
    const actionable = stats.buttons + stats.inputs > 0 || (length <= 200 && stats.links > 0) || length <= 150;
    if (core && (signUp || stats.emailInputs > 0) && actionable) {
      const reasons = [
        stats.emailInputs > 0
          ? `Newsletter sign-up: email form + ${quote(signUp ?? core)}`
          : `Newsletter sign-up: ${quote(core)} + ${quote(signUp ?? '')}`,
      ];
      return { category: 'newsletter', score: stats.emailInputs > 0 ? 0.95 : 0.75, reasons };
    }
    if (stats.emailInputs > 0 && stats.forms + stats.buttons > 0 && matchText(NEWSLETTER, text)) {
      return {
        category: 'newsletter',
        score: 0.8,
        reasons: [`Newsletter sign-up: email form + ${quote(matchText(NEWSLETTER, text) ?? '')}`],
      };
    }
    // "Sign up here", where "here" goes to the newsletter page: the link says what the words do not.
    // Only inside the article: menus are full of short link blocks, and their hrefs are not worth reading.
    if (
      length <= 200 &&
      stats.links > 0 &&
      stats.links <= 2 &&
      index.inArticle(element) &&
      linksTo(element, NEWSLETTER_HREF)
    ) {
      const signUp = matchText(SIGN_UP, text);
      if (signUp) {
        return {
          category: 'newsletter',
          score: 0.7,
          reasons: [`Newsletter sign-up: ${quote(signUp)} + link to a newsletter page`],
        };
      }
    }
    const subscription = length <= 400 ? matchText(SUBSCRIPTION, text) : null;
    if (subscription) {
      return {
        category: 'subscription',
        score: stats.links + stats.buttons > 0 ? 0.8 : 0.65,
        reasons: [`Subscription prompt: ${quote(subscription)}`],
      };
    }
  }

  // Credits, captions and page controls matter inside the article; elsewhere they are not worth the work.
  const inside = index.inArticle(element);
  if (length <= 300) {
    if (inside && SOURCE_LINE.test(text) && (stats.links > 0 || length <= 160)) {
      return { category: 'source-credit', score: 0.8, reasons: [`Source line: ${quote(text)}`] };
    }
    const readFull = inside && stats.links > 0 ? matchText(READ_FULL, text) : null;
    if (readFull && index.linkDensity(element) >= 0.3) {
      return { category: 'source-credit', score: 0.75, reasons: [`Source link: ${quote(readFull)}`] };
    }
    if (inside && length <= 140 && PHOTO_CREDIT.test(text)) {
      return { category: 'source-credit', score: 0.65, reasons: [`Image credit: ${quote(text)}`] };
    }
    if (inside && length <= 60 && wordCount(text) <= 6 && AGENCY_CREDIT.test(text)) {
      return { category: 'source-credit', score: 0.6, reasons: [`Image credit: ${quote(text)}`] };
    }
    if (inside && has(CAPTION_CREDIT, text)) {
      return {
        category: 'source-credit',
        score: 0.6,
        reasons: [`Image caption with credit: ${quote(text.slice(-40))}`],
      };
    }
    if (inside && (WIRE_CREDIT.test(text) || (length <= 200 && has(CONTRIBUTED_LINE, text)))) {
      return { category: 'source-credit', score: 0.7, reasons: [`Wire-service credit: ${quote(text)}`] };
    }
    if (inside && length <= 120 && SHARE_PROMPT.test(text)) {
      return {
        category: 'share',
        score: 0.65,
        reasons: [`Share prompt: ${quote(matchText(SHARE_PROMPT, text) ?? text)}`],
      };
    }
    if (inside && length <= 220 && has(APP_PROMO, text)) {
      return {
        category: 'advertising',
        score: 0.6,
        reasons: [`App promotion: ${quote(matchText(APP_PROMO, text) ?? text)}`],
      };
    }
    if (inside && length <= 250 && has(AD_DISCLOSURE, text)) {
      return {
        category: 'advertising',
        score: 0.65,
        reasons: [`Advertising note: ${quote(matchText(AD_DISCLOSURE, text) ?? text)}`],
      };
    }
    if (inside && POST_META.test(text)) {
      return { category: 'navigation', score: 0.6, reasons: [`Post metadata line: ${quote(text)}`] };
    }
    if (inside && length <= 100 && COMMENT_PROMPT.test(text)) {
      return {
        category: 'comments',
        score: 0.6,
        reasons: [`Comment prompt: ${quote(matchText(COMMENT_PROMPT, text) ?? text)}`],
      };
    }
    if (inside && length <= 200 && LETTERS_PROMPT.test(text)) {
      return {
        category: 'comments',
        score: 0.6,
        reasons: [`Letters prompt: ${quote(matchText(LETTERS_PROMPT, text) ?? text)}`],
      };
    }
    if (inside && length <= 40 && CONTROL_LINK.test(text)) {
      return { category: 'navigation', score: 0.6, reasons: [`Page control: ${quote(text)}`] };
    }
    if (inside && length <= 60 && TAGS_LEAD.test(text) && /:/.test(text)) {
      return { category: 'navigation', score: 0.55, reasons: [`Category line: ${quote(text)}`] };
    }
    if (length <= 40 && stats.links > 0 && SKIP_LINK.test(text)) {
      return { category: 'navigation', score: 0.8, reasons: [`Skip link: ${quote(text)}`] };
    }
    if (length <= 250 && has(COPYRIGHT, text)) {
      return {
        category: 'copyright',
        score: 0.75,
        reasons: [`Copyright line: ${quote(matchText(COPYRIGHT, text) ?? text)}`],
      };
    }
    if (inside && has(CONTACT_LINE, text)) {
      return {
        category: 'source-credit',
        score: 0.6,
        reasons: [`Author contact line: ${quote(matchText(CONTACT_LINE, text) ?? text)}`],
      };
    }
    if (length <= 150 && COMMENTS.test(text) && (stats.links + stats.buttons > 0 || wordCount(text) <= 5)) {
      return { category: 'comments', score: 0.65, reasons: [`Comment prompt: ${quote(text)}`] };
    }
  }
  // A notice that opens with "© 2022" may run on with reprint terms past the short-line limit.
  if (length <= 500 && COPYRIGHT_NOTICE.test(text)) {
    return { category: 'copyright', score: 0.7, reasons: [`Copyright notice: ${quote(text)}`] };
  }
  // A plea for the publication needs its link (to give, to join): a quoted plea in a story has none.
  if (index.inArticle(element) && stats.links > 0 && has(DONATION_ASK, text)) {
    return {
      category: 'subscription',
      score: 0.65,
      reasons: [`Support appeal: ${quote(matchText(DONATION_ASK, text) ?? text)} + link`],
    };
  }
  if (index.inArticle(element) && isAuthorBox(index, element)) {
    return {
      category: 'source-credit',
      score: 0.6,
      reasons: ['Author box: a short block the page marks as the author bio'],
    };
  }
  if (index.inArticle(element) && length <= 450 && isAuthorBio(text, context)) {
    return { category: 'source-credit', score: 0.6, reasons: [`Author bio: ${quote(text)}`] };
  }
  if (length <= 400 && has(COMMENT_POLICY, text)) {
    return {
      category: 'comments',
      score: 0.7,
      reasons: [`Comment policy: ${quote(matchText(COMMENT_POLICY, text) ?? text)}`],
    };
  }

  return navigationBlock(index, element, text) ?? commentsSection(index, element);
}

function navigationBlock(index: BlockIndex, element: Element, text: string): Verdict {
  const stats = index.get(element);
  if (stats.links === 0) return null;
  const density = index.linkDensity(element);
  if (hasToken(element, /^breadcrumbs?$/) && density >= 0.4 && stats.text <= 300) {
    return { category: 'navigation', score: 0.8, reasons: [`Breadcrumb trail: ${stats.links} links`] };
  }
  if (stats.links >= 2 && stats.text <= 150 && density >= 0.5 && BREADCRUMB_SEPARATOR.test(text)) {
    return { category: 'navigation', score: 0.7, reasons: [`Breadcrumb trail: ${stats.links} links with separators`] };
  }
  if (
    stats.links >= 2 &&
    stats.text <= 250 &&
    /^(home|startseite|start|accueil|inicio|início|strona główna)/iu.test(text)
  ) {
    const first = element.getElementsByTagName('a')[0];
    if (
      first &&
      /^\W*(home|startseite|start|accueil|inicio|início|strona główna|home page)\W*$/iu.test(first.textContent ?? '')
    ) {
      return {
        category: 'navigation',
        score: 0.7,
        reasons: [`Breadcrumb trail: starts with a '${normalizeLabel(first.textContent)}' link`],
      };
    }
  }
  const tags = stats.text <= 500 && density >= 0.5 ? TAGS_LEAD.exec(text) : null;
  if (tags) {
    return {
      category: 'navigation',
      score: 0.75,
      reasons: [`Tag list: ${quote(tags[0].trim())} + ${stats.links} keyword links`],
    };
  }
  // Many short links and little else: a menu or keyword list, not prose.
  if (stats.links >= 3 && density >= 0.75 && stats.text / stats.links < 28 && stats.headlineLinks * 2 < stats.links) {
    return {
      category: 'navigation',
      score: 0.6,
      reasons: [`Link list: ${stats.links} short links, ${Math.round(density * 100)}% of the text is links`],
    };
  }
  return null;
}

const AUTHOR_TOKEN = /^(author|authors|autor|autorin|autoren|auteur|autore|autores|writer)$/;
const BIO_TOKEN = /^(bio|bios|biography|box|card|about|profile|info|description|avatar|vita)$/;

/**
 * An author box: marked both as the author's and as a bio, box or card by the page, and
 * shaped like one (a few sentences, few links, at most a few paragraphs); never the byline alone.
 */
function isAuthorBox(index: BlockIndex, element: Element): boolean {
  const stats = index.get(element);
  if (stats.text < 40 || stats.text > 700 || stats.paragraphs > 3 || index.linkDensity(element) > 0.5) return false;
  return hasToken(element, AUTHOR_TOKEN) && hasToken(element, BIO_TOKEN);
}

/** An author's bio: name + "is a reporter" (or "I am a writer"), at the very end of the article. */
function isAuthorBio(text: string, context: DetectionContext): boolean {
  if (!BIO_LEAD.test(text) || !AUTHOR_ROLE.test(text)) return false;
  const article = context.article?.text ?? '';
  const at = article.lastIndexOf(text.slice(0, 60));
  // Only a short line or two (a contact, a copyright) may follow it.
  return at >= 0 && article.length - at - text.length <= 300;
}

function normalizeLabel(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function commentsSection(index: BlockIndex, element: Element): Verdict {
  const stats = index.get(element);
  // Cheap counts first; class and id tokens last.
  if (stats.forms + stats.buttons === 0 && stats.items < 2) return null;
  if (index.articleShare(element) > 0.15) return null;
  if (!hasToken(element, /^(comments?|kommentare?|commentaires?|comentarios?|disqus|discussion|respond|replies)$/))
    return null;
  return {
    category: 'comments',
    score: 0.7,
    reasons: [
      `Comments section: ${stats.forms > 0 ? 'comment form' : `${stats.items} entries`} in a block marked 'comments'`,
    ],
  };
}

export const boilerplateDetector: Detector = {
  name: 'boilerplate',
  detect(context) {
    const index = blockIndex(context);
    return outermostBlocks(index, 'boilerplate', (element) =>
      isBlockUnit(index, element) ? classify(index, element, context) : null,
    );
  },
};
