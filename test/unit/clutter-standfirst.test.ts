import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../utils/analyze.ts';
import { APP_PROMO } from '../../utils/clutter/phrases.ts';

const BODY = [
  'The ferry service to the island resumed on Monday after storm damage to the pier was repaired by a team of engineers who had worked through the weekend to replace the broken moorings.',
  'Operators said timetables would return to normal by the weekend, although the early crossing on Saturday will leave twenty minutes later than usual while the last checks are made.',
  'Passengers with tickets for cancelled crossings can claim a refund at the terminal or online until the end of the month, the operator said in a statement on Monday afternoon.',
];
const LEAD =
  'After a week without crossings, islanders can reach the mainland again, and the operator promises that the timetable will be back to normal within days.';
const ASIDE =
  'Our weekly island letter brings the harbour news, the tide tables and the ferry times to everyone who asks for it at the office.';

/** Page builders nest the body deep in a grid, so its headline is several levels above it. */
function deepPage(head: string, between = ''): string {
  return `<!DOCTYPE html><html><body><div class="page"><div class="wrap"><div class="grid">
<div class="head"><div class="inner"><div class="title"><h1>Ferries sail again after the storm</h1></div>${head}</div></div>
${between}
<div class="main"><div class="col"><div class="row"><div class="cell"><div class="text">
${BODY.map((text) => `<p>${text}</p>`).join('')}
</div></div></div></div></div></div></div></div></body></html>`;
}

function cleanText(html: string): string {
  const document = new JSDOM(html).window.document;
  return analyzeDocument(document, { url: 'https://news.example/ferry', force: true }).report.cleanText;
}

describe('standfirst under a headline far above the body', () => {
  it('takes back a lead paragraph beside the headline', () => {
    const text = cleanText(deepPage(`<p class="lead">${LEAD}</p>`));
    expect(text.startsWith(LEAD)).toBe(true);
    for (const paragraph of BODY) expect(text).toContain(paragraph);
  });

  it('but not a subheading there, nor a paragraph in another branch of the page', () => {
    expect(cleanText(deepPage(`<h2>${LEAD}</h2>`))).not.toContain(LEAD);
    const between = `<div class="promo"><div><div><p>${ASIDE}</p></div></div></div>`;
    expect(cleanText(deepPage('', between))).not.toContain(ASIDE);
  });
});

describe('messaging-channel promotions', () => {
  it('are app promotions in several languages', () => {
    expect(APP_PROMO.test("Chat with us in Facebook Messenger. Find out what's happening in the world.")).toBe(true);
    expect(APP_PROMO.test('Folgen Sie uns auf WhatsApp und verpassen Sie keine Nachricht mehr.')).toBe(true);
    expect(APP_PROMO.test('Suivez-nous sur Telegram pour ne rien manquer.')).toBe(true);
    expect(APP_PROMO.test('The minister said she would chat with us about the ferries on Monday.')).toBe(false);
    expect(APP_PROMO.test('¡Mira lo que tiene nuestro canal de YouTube!')).toBe(true);
    expect(APP_PROMO.test('Abonnieren Sie unseren YouTube-Kanal.')).toBe(true);
    expect(APP_PROMO.test('The singer posted the video on her YouTube channel on Friday.')).toBe(false);
  });
});
