import { describe, expect, it } from 'vitest';
import { isMetaLine } from '../../utils/clutter/metalines.ts';
import { APP_PROMO } from '../../utils/clutter/phrases.ts';
import type { PageReport } from '../../utils/report.ts';
import { PARAGRAPHS as ALL_PARAGRAPHS, articleReport, paragraphsHtml } from './night-bus-article.ts';

const PARAGRAPHS = ALL_PARAGRAPHS.slice(0, 4);

/** The article with the given block after its last paragraph. */
function analyze(after: string): PageReport {
  return articleReport(`${paragraphsHtml(4)}${after}\n    `);
}

function expectFlagged(after: string, text: string, category: string) {
  const report = analyze(after);
  expect(report.article?.text).toContain(text);
  expect(report.flags.find((flag) => flag.text.includes(text))?.category).toBe(category);
  expect(report.cleanText).not.toContain(text);
  for (const paragraph of PARAGRAPHS) expect(report.cleanText).toContain(paragraph);
}

describe('appeals and notes under an article', () => {
  it('advertising disclosures', () => {
    const text = 'Advertising disclosure: We may receive compensation for some of the links in our stories.';
    expectFlagged(`<p>${text}</p>`, text, 'advertising');
  });

  it('letters-to-the-editor prompts', () => {
    const text = 'We want to hear what you think about this article.';
    expectFlagged(`<p>${text} <a href="/letters">Submit a letter</a> to the editor.</p>`, text, 'comments');
  });

  it('support appeals with their link, in German too', () => {
    const text =
      'Um unabhängig von Werbung zu bleiben, brauchen wir deine Unterstützung. Hilf mit und unterstütze unser Magazin';
    expectFlagged(`<p>${text} mit einem <a href="/community">kleinen Beitrag</a>.</p>`, text, 'subscription');
  });

  it('but a quoted plea in the story, without a link, stays', () => {
    const text =
      '„Wir brauchen Ihre Unterstützung“, sagte die Bürgermeisterin am Abend vor dem Rathaus zu den Anwohnern.';
    expect(analyze(`<p>${text}</p>`).cleanText).toContain(text);
  });

  it('Polish subscription invitations', () => {
    const text = 'Zapraszamy też do subskrypcji naszego tygodnika.';
    expectFlagged(`<p><strong>${text}</strong></p>`, text, 'subscription');
  });

  it('copyright notices that open with the year and run on with reprint terms', () => {
    const text = `© 2022, Harbour Gazette. This article is the property of the Harbour Gazette. ${'Reprinting it in online or print media without written permission and payment is not allowed. '.repeat(2)}`;
    expectFlagged(`<p>${text}</p>`, '© 2022, Harbour Gazette.', 'copyright');
  });

  it('a "sign up here" line whose link goes to the newsletter page', () => {
    const text = 'Do you want to be informed of our actions?';
    expectFlagged(
      `<p><i>${text} <a href="https://news.example/en/newsletter/?refer=a1">Sign up here</a></i></p>`,
      text,
      'newsletter',
    );
    const other = 'Readers can sign up here for the night bus trial.';
    expect(analyze(`<p>${other} <a href="/trial">Details</a></p>`).cleanText).toContain(other);
  });
});

describe('category lines', () => {
  it('are meta lines; a sentence naming a category is not', () => {
    expect(isMetaLine('Kategorie: News')).toBe(true);
    expect(isMetaLine('Category: Local politics')).toBe(true);
    expect(isMetaLine('Kategorie: Die Stadt hat entschieden, dass die Busse nachts fahren.')).toBe(false);
  });
});

describe('lone labels', () => {
  it('a table of contents title, a label without its value, a picture stand-in are meta lines', () => {
    for (const line of [
      'Inhaltsverzeichnis',
      'Table of contents',
      'Autoren:',
      'Von:',
      'Kontakt:',
      'Quellenangaben:',
      'Beitragsbild',
      'meist-diskutiert',
      'Most read',
      '(Alle Angaben ohne Gewähr)',
    ]) {
      expect(isMetaLine(line), line).toBe(true);
    }
  });

  it('but the same words with their value or in a sentence are not', () => {
    expect(isMetaLine('Kontakt: Die Stadtwerke erreichen Sie montags bis freitags ab acht Uhr.')).toBe(false);
    expect(isMetaLine('Das Inhaltsverzeichnis des Berichts nennt zwölf Kapitel.')).toBe(false);
    expect(isMetaLine('Von Montag an fahren die Busse auch nachts.')).toBe(false);
    expect(isMetaLine('Alle Angaben ohne Gewähr, sagte der Sprecher, die Zahlen würden noch geprüft.')).toBe(false);
  });
});

describe('page controls and figure lines', () => {
  it('load-more, PDF download, embed placeholder and permalink lines are meta lines', () => {
    for (const line of [
      'Lade weitere Inhalte ...',
      'Load more stories',
      'Dieses Skript als PDF herunterladen',
      'Klicken Sie auf den unteren Button, um den Inhalt von www.karten.example zu laden.',
      'Permalien https://p.example/p/RPYx',
      'Ten tekst przeczytasz w mniej niż minutę',
      'Abbildung 4: Die Schwachschicht im Profil.',
      'Fig. 2. Passenger numbers by month',
      'Originalartikel:',
    ]) {
      expect(isMetaLine(line), line).toBe(true);
    }
  });

  it('but sentences about the same things are not', () => {
    expect(isMetaLine('Die Stadt will weitere Inhalte für ihr Portal laden, sagte der Sprecher.')).toBe(false);
    expect(isMetaLine('In Abbildung 4 sieht man, wie die Schwachschicht entsteht.')).toBe(false);
    expect(isMetaLine('Klicken Sie auf den Button „Öffnen“, um die Datei zu laden.')).toBe(false);
    expect(isMetaLine('Readers can download the council report as a PDF from the town hall website.')).toBe(false);
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
