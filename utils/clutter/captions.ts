/**
 * Image captions and credits that are not marked up as <figcaption>: a short
 * block that the page marks as a caption (class or id) and that sits in a small
 * wrapper beside a picture. Both are needed: caption-named blocks without a
 * picture are often lead paragraphs, and text beside a picture is often prose.
 */
import { attributeTokens } from './blocks.ts';

const CAPTION_TOKENS = new Set([
  'caption',
  'captions',
  'figcaption',
  'legend',
  'legende',
  'légende',
  'bildunterschrift',
  'bildtext',
  'credit',
  'credits',
  'copyright',
  'didascalia',
  'pie',
  'podpis',
]);
const PICTURE_TAGS = ['img', 'picture', 'video'];
/** A caption is a line or two; longer blocks that carry the class are article text in a figure-like layout. */
const MAX_CAPTION_LENGTH = 400;
/** How far above the caption its picture may sit. */
const WRAPPER_LEVELS = 3;
/** The wrapper holding caption and picture is about them only, not a column of the article. */
const MAX_WRAPPER_LENGTH = 600;
/** Ancestors looked at from a text node: captions are leaf-like blocks. */
const MAX_CLIMB = 4;

function isCaptionNamed(element: Element): boolean {
  for (const token of attributeTokens(element)) if (CAPTION_TOKENS.has(token)) return true;
  return false;
}

function textLength(element: Element): number {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

function hasPicture(element: Element): boolean {
  for (const tag of PICTURE_TAGS) if (element.getElementsByTagName(tag).length > 0) return true;
  return false;
}

/**
 * True for a caption-named short block whose small wrapper also holds a picture;
 * with `figcaptions`, also for a live figcaption the extraction kept under another tag.
 */
export function isCaptionBlock(element: Element, figcaptions = false): boolean {
  const named = isCaptionNamed(element) || (figcaptions && element.tagName === 'FIGCAPTION');
  if (!named || hasPicture(element)) return false;
  const length = textLength(element);
  if (length === 0 || length > MAX_CAPTION_LENGTH) return false;
  let wrapper = element.parentElement;
  for (let level = 0; wrapper && level < WRAPPER_LEVELS; level++, wrapper = wrapper.parentElement) {
    if (hasPicture(wrapper)) return textLength(wrapper) <= Math.max(MAX_WRAPPER_LENGTH, length + 120);
    if (textLength(wrapper) > MAX_WRAPPER_LENGTH) return false;
  }
  return false;
}

/** A memoised test of whether a text node's parent element lies in a caption block. */
export function captionTest(figcaptions = false): (parent: Element | null) => boolean {
  const known = new Map<Element, boolean>();
  const judge = (element: Element): boolean => {
    let answer = known.get(element);
    if (answer === undefined) {
      answer = isCaptionBlock(element, figcaptions);
      known.set(element, answer);
    }
    return answer;
  };
  return (parent) => {
    let element = parent;
    for (let level = 0; element && level < MAX_CLIMB; level++, element = element.parentElement) {
      if (judge(element)) return true;
    }
    return false;
  };
}
