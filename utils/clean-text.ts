/**
 * The clean text: the article's text without the flagged clutter blocks, the
 * picture captions and the page-furniture lines no flag category fits.
 */
import { captionTest } from './clutter/captions.ts';
import { isLoneAddress, isMetaLine } from './clutter/metalines.ts';
import type { DetectedBlock } from './detectors.ts';
import { articleSegments, type Extraction, segmentsText } from './extract.ts';

/** Share of the article's text in figcaptions above which the captions are the story. */
const GALLERY_CAPTION_SHARE = 0.5;

export function cleanArticleText(
  extraction: Extraction,
  blocks: DetectedBlock[],
  url: string,
  fullText: string,
): string {
  const meta = { title: extraction.title, byline: extraction.byline, url };
  const removed = new Set(blocks.filter((block) => block.kind !== 'clickbait').map((block) => block.element));
  const dropped = new Set<Text>();
  if (removed.size > 0) {
    // Whether an element lies in a removed block, remembered so each ancestor is looked at once.
    const inRemoved = new Map<Element, boolean>();
    const isRemoved = (start: Element | null): boolean => {
      const path: Element[] = [];
      let answer = false;
      for (let element = start; element; element = element.parentElement) {
        const known = inRemoved.get(element);
        if (known !== undefined) {
          answer = known;
          break;
        }
        if (removed.has(element)) {
          answer = true;
          path.push(element);
          break;
        }
        path.push(element);
      }
      for (const element of path) inRemoved.set(element, answer);
      return answer;
    };
    for (const { clone, live } of extraction.textNodes) {
      // Whitespace is never clutter, and dropping it could glue the words around a block together.
      if (live && clone.data.trim() && isRemoved(live.parentElement)) dropped.add(clone);
    }
  }
  // Captions and image credits describe pictures, not the story: marked up as such,
  const captions = Array.from(extraction.content.getElementsByTagName('figcaption'));
  // unless the story is told in them (a gallery of captioned pictures).
  let captionLength = 0;
  for (const caption of captions) captionLength += caption.textContent?.length ?? 0;
  const gallery = captionLength > fullText.length * GALLERY_CAPTION_SHARE;
  for (const caption of gallery ? [] : captions) {
    const walker = caption.ownerDocument.createTreeWalker(caption, 0x4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) dropped.add(node as Text);
  }
  // or named so by the page beside a picture.
  const inCaption = captionTest(!gallery);
  for (const { clone, live } of extraction.textNodes) {
    if (live && !dropped.has(clone) && clone.data.trim() && inCaption(live.parentElement)) dropped.add(clone);
  }
  // Nothing dropped: the text is the article's, already walked once.
  const text = dropped.size > 0 ? segmentsText(articleSegments(extraction), (node) => !dropped.has(node)) : fullText;
  // Datelines and reading-time notes are page furniture too, though no flag category fits them.
  return text
    .split('\n\n')
    .filter((paragraph, index, all) => !isMetaLine(paragraph, meta) && !isLoneAddress(all, index))
    .join('\n\n');
}
