/**
 * Article meta lines Readability keeps but that are not article text:
 * datelines ("Updated Nov 19, 9:41 AM; Posted Nov 18"), reading-time notes.
 * They get no flag (no category fits); the pipeline leaves them out of
 * cleanText. Only short paragraphs are tested, so the cost is bounded.
 */

import { DATELINE_WORDS, MONTHS, WEEKDAYS } from '../calendar.ts';

const DATE_WORD = new RegExp(`^(${MONTHS}|${WEEKDAYS}|${DATELINE_WORDS})\\.?$`, 'iu');
const MONTH_WORD = new RegExp(`^(${MONTHS})\\.?$`, 'iu');
/** 19.01.2022, 2022-01-19, 1/19/22, 9:41; not a phone number such as +81 158-23-2012. */
const NUMERIC_DATE = /(?<!\+[\d\s]*)\b(\d{1,2}|\d{4})[./-]\d{1,2}[./-](\d{1,2}|\d{4})\b|\b\d{1,2}:\d{2}\b/u;
const STAMP_LEAD =
  /^(updated|posted|published|aktualisiert|veröffentlicht|publié|mis à jour|publicado|actualizado|opublikowano|pubblicato|gepubliceerd)/iu;
const READING_TIME =
  /^ten tekst przeczytasz w (mniej niż )?(\d+\s*)?\p{L}*$|^(less than a|under a|< ?1) min(ute)? read$|^(views|aufrufe|zugriffe|vues|visitas|visualizzazioni|wyświetleń|wyświetlenia)\s*:?\s*[\d.,\s]*$|^(reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo de leitura|czas czytania|tempo di lettura|leestijd)\s*:?\s*(ca\.?\s*)?\d+\s*\p{L}*\.?$|^(ca\.?\s*)?\d+\s*(-|–)?\s*(min|mins|minutes?|minuten|minutos|minuti|minut)\.?\s*(read|reading|lesezeit|lesedauer|de lecture|de lectura|de leitura|di lettura|czytania|leestijd)\.?$/iu;

const BYLINE_LEAD = /^(by|von|par|por|di|door|od|autor|autorin|author|text)\s*:?\s+(?=\p{Lu})/iu;
const NAME_CONNECTORS = new Set([
  'and',
  'und',
  'et',
  'y',
  'e',
  'i',
  'en',
  'van',
  'von',
  'de',
  'der',
  'da',
  'del',
  'le',
  'la',
]);

/** "By Paul Takahashi", "Von Anna Müller | dpa": a lead word, then only capitalised names and connectors. */
function isByline(paragraph: string): boolean {
  const lead = BYLINE_LEAD.exec(paragraph);
  if (!lead || /[.!?]$/.test(paragraph)) return false;
  const words = paragraph
    .slice(lead[0].length)
    .split(/[\s,|/–-]+/u)
    .filter(Boolean);
  return (
    words.length > 0 && words.length <= 8 && words.every((word) => /^\p{Lu}/u.test(word) || NAME_CONNECTORS.has(word))
  );
}
const GALLERY =
  /^(image|photo|picture|bild|foto|slide)?\s*\d+\s*(of|von|de|sur|z|di|van|\/)\s*\d+$|^(enlarge|expand|view) (image|photo|gallery)$/iu;

const BARE_ADDRESS = /^https?:\/\/\S+$/;

export interface ArticleMeta {
  title?: string | null;
  byline?: string | null;
  /** The page's own address: a paragraph that only repeats it is furniture. */
  url?: string | null;
}

/** Interface labels that are never article text on a line of their own. */
const UI_LABEL =
  /^(comments?|\d+ comments?|sign in|log in|login|register|home|menu|search|share|print|email|tweet|advertisement|breaking news|read more|show more|kommentare?|anmelden|einloggen|suche|teilen|drucken|startseite|commentaires?|partager|connexion|comentarios?|compartir|iniciar sesión|komentarze|udostępnij|commenti|condividi|reacties|delen|pdf|advert|advertisement|anzeige|werbung|publicité|publicidad|pubblicità|reklama|iklan|sponsored|über den autor|über die autorin|about the author|à propos de l'auteur|sobre el autor|o autorze|comments (are )?closed|kommentare (sind )?geschlossen|commentaires (sont )?fermés|comentarios cerrados|print (this )?recipe|rezept drucken|imprimer la recette|imprimir (la )?receta|stampa (la )?ricetta|\(?(no ratings yet|noch keine bewertungen|aucune note|sin valoraciones)\)?)$/iu;
/** A table of contents' title, a field label left without its value, a picture's stand-in label. */
const LONE_LABEL =
  /^(table of contents|contents|inhaltsverzeichnis|inhalt|sommaire|table des matières|índice|tabla de contenidos|spis treści|indice|sommario|inhoudsopgave|(von|by|autor|autorin|autoren|author|authors|auteurs?|autore|autores|kontakt|contact|contacto|quellen|quellenangaben|sources|fuentes|źródła|fonti|originalartikel|original article|article original|quelle|source|fuente)\s*:|meistgelesen|meist gelesen|meistgelesene artikel|meist-?diskutiert|meistkommentiert|meist kommentiert|most read|most popular|most commented|most discussed|les plus lus|les plus commentés|más leídas|lo más leído|najczęściej czytane|più letti|\(?(alle )?angaben ohne gewähr\.?\)?|\(?(irrtümer|änderungen)( und (irrtümer|änderungen))? vorbehalten\.?\)?|beitragsbild|titelbild|symbolbild|featured image|image d'illustration|image illustrative|imagen ilustrativa|zdjęcie ilustracyjne|immagine di repertorio)$/iu;
/** Page controls on a line of their own: load more, a PDF download, an embed's consent placeholder, a permalink. */
const CONTROL_LINE =
  /^((lade|mehr|weitere) (weitere |mehr )?(inhalte|artikel|beiträge) (laden|anzeigen)?|lade weitere (inhalte|artikel|beiträge)|load more( articles| stories| posts)?|mehr laden|charger plus( d'articles)?|cargar más|wczytaj więcej|carica altri)\W*$|^([\p{L}-]+ ){0,3}(als pdf (herunterladen|downloaden|speichern)|download (as )?(a )?pdf|pdf herunterladen|télécharger (le |en )?pdf|descargar (en )?pdf)\W*$|^(klicken sie auf|click on|click) (den|die|the) .{0,30}(button|schaltfläche|taste).{0,20}(den inhalt|die inhalte|the content|external content).{0,60}(zu laden|to load)|^(externen? inhalte? (laden|anzeigen)|inhalt (jetzt )?(laden|entsperren)|load (external )?content|contenu externe|charger le contenu)\W*$|^(permalink|permalien|kurzlink|short-?url|short link|enlace permanente)\s*:?\s*https?:\/\/\S+$/iu;
/** "Abbildung 4: ...", "Fig. 2. ...": a figure's caption line in the text. */
const FIGURE_LINE = /^(abbildung|abb\.|figure|fig\.|grafik|tabelle|figura|rycina|ryc\.)\s*\d+[a-z]?\s*[:.]\s*\S/iu;
/** "Kategorie: News": a post's category label on a line of its own. */
const CATEGORY_LINE =
  /^(category|categories|kategorie|kategorien|rubrik|rubrique|catégorie|categoría|categoria|kategoria)\s*:\s*[\p{L}\p{N}][^.!?:]{0,40}$/iu;
/** "Photo: Name / Agency" lines, wherever they sit in the page's markup. */
const CREDIT_LINE =
  /^(photo|photos|image|images|picture|bild|bilder|foto|fotos|credit|credits|crédit|crédito|photograph)s?\s*(credit)?\s*:\s*\S/iu;
const CONTACT_ONLY =
  /^[\w.+-]+@[\w-]+(\.[\w-]+)+$|^(https?:\/\/)?(www\.)?(twitter|x|facebook|instagram|linkedin)\.com\/\S+$/iu;

const squash = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** squash() of the last title and byline seen: every paragraph of an article is checked against the same two. */
const squashedMeta = new Map<string, string>();
function squashMeta(text: string): string {
  let squashed = squashedMeta.get(text);
  if (squashed === undefined) {
    if (squashedMeta.size >= 8) squashedMeta.clear();
    squashed = squash(text);
    squashedMeta.set(text, squashed);
  }
  return squashed;
}

/**
 * True for a short paragraph that is only a date/time stamp, a reading-time
 * note, a byline, a repeat of the headline, a gallery counter or
 * a separator rule.
 */
export function isMetaLine(paragraph: string, meta: ArticleMeta = {}): boolean {
  if (paragraph.length > 160) return false;
  if (!/[\p{L}\p{N}]/u.test(paragraph)) return true;
  if (meta.title && paragraph.length >= 12 && squash(paragraph) === squashMeta(meta.title)) return true;
  if (FIGURE_LINE.test(paragraph) || CONTROL_LINE.test(paragraph)) return true;
  if (paragraph.length > 90) return false;
  if (meta.byline && paragraph.length >= 5 && squash(paragraph) === squashMeta(meta.byline)) return true;
  if (READING_TIME.test(paragraph) || GALLERY.test(paragraph) || UI_LABEL.test(paragraph)) return true;
  if (CREDIT_LINE.test(paragraph) || CONTACT_ONLY.test(paragraph) || CATEGORY_LINE.test(paragraph)) return true;
  if (LONE_LABEL.test(paragraph)) return true;
  if (meta.url && BARE_ADDRESS.test(paragraph) && sameAddress(paragraph, meta.url)) return true;
  if (isByline(paragraph)) return true;
  // A sentence that mentions a date is text, not a stamp.
  if (!/\d/.test(paragraph) || (/[.!?]$/.test(paragraph) && !/[ap]\.m\.$/i.test(paragraph))) return false;
  const tokens = paragraph.match(/[\p{L}\p{N}]+(?:-[\p{L}]+)?/gu) ?? [];
  if (tokens.length === 0) return false;
  let dateLike = 0;
  let month = false;
  for (const token of tokens) {
    if (/^\d+$/.test(token)) dateLike++;
    else if (DATE_WORD.test(token)) {
      dateLike++;
      if (MONTH_WORD.test(token)) month = true;
    }
  }
  const hasYearOrTime = /\b(19|20)\d{2}\b|\d{1,2}:\d{2}/.test(paragraph);
  const isDate =
    (month && /\d/.test(paragraph)) || NUMERIC_DATE.test(paragraph) || (STAMP_LEAD.test(paragraph) && hasYearOrTime);
  // Allow a short tail such as "/ CBS News" or "by Admin".
  return isDate && hasYearOrTime && dateLike / tokens.length >= 0.7;
}

/** The article's only bare-address paragraph links elsewhere; several of them are a source or product list. */
export function isLoneAddress(paragraphs: string[], index: number): boolean {
  const paragraph = paragraphs[index] ?? '';
  if (paragraph.length > 200 || !BARE_ADDRESS.test(paragraph)) return false;
  return paragraphs.every((other, at) => at === index || !BARE_ADDRESS.test(other));
}

function sameAddress(a: string, b: string): boolean {
  const strip = (url: string) => url.replace(/^https?:\/\/(www\.)?/i, '').replace(/[/?#]+$/, '');
  return strip(a) === strip(b);
}
