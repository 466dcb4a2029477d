import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../utils/analyze.ts';
import { extractArticle } from '../../utils/extract.ts';

// The story sits in a block whose class Readability's first pass strips as unlikely ("comment"),
// so the first pass finds too little text, and Readability rebuilds the page from its HTML for the second.
const RETRY_PAGE = `<!DOCTYPE html><html><body>
<div class="intro"><p>Island news in brief, updated every morning by the harbour office team.</p></div>
<div class="comment-area">
  <p>The ferry service to the island resumed on Monday after storm damage to the pier was repaired by a team of engineers who had worked through the weekend to replace the broken moorings.</p>
  <p><strong>READ MORE:</strong> <a href="/news/pier-storm">Storm tears roof off harbour office overnight</a></p>
  <p>Operators said timetables would return to normal by the weekend, although the early crossing on Saturday will leave twenty minutes later than usual while the last checks are made.</p>
  <p>Passengers with tickets for cancelled crossings can claim a refund at the terminal or online until the end of the month, the operator said in a statement on Monday afternoon.</p>
</div></body></html>`;

describe('extraction text map', () => {
  it('links every article text node back to the live page, even after Readability rebuilt it for a retry', () => {
    const document = new JSDOM(RETRY_PAGE, { url: 'https://news.example/ferry' }).window.document;
    const extraction = extractArticle(document, 60_000);
    expect(extraction).not.toBeNull();
    const unlinked = extraction?.textNodes.filter(({ clone, live }) => clone.data.trim() && !live) ?? [];
    expect(unlinked).toHaveLength(0);
    for (const { clone, live } of extraction?.textNodes ?? []) {
      if (live) expect(live.data).toBe(clone.data);
      if (live) expect(live.ownerDocument).toBe(document);
    }
  });

  it('so a flag inside such an article is marked inside and leaves cleanText', () => {
    const document = new JSDOM(RETRY_PAGE, { url: 'https://news.example/ferry' }).window.document;
    const { report } = analyzeDocument(document, { url: 'https://news.example/ferry', force: true });
    const flag = report.flags.find((candidate) => candidate.category === 'read-more');
    expect(flag?.insideArticle).toBe(true);
    expect(report.article?.text).toContain('Storm tears roof off');
    expect(report.cleanText).not.toContain('Storm tears roof off');
    expect(report.cleanText).toContain('The ferry service to the island resumed');
  });
});
