/**
 * Multilingual phrase patterns for clutter blocks (English, German, French,
 * Spanish, Portuguese, Polish, Italian, Dutch). Each is tested against one
 * short block's text (bounded length), never against a whole page.
 */

// JS \b is ASCII-only: end a phrase at a non-letter instead.
const END = '(?![\\p{L}\\p{N}])';

function phrases(list: string[], flags = 'iu', anchored = false): RegExp {
  const body = list.join('|');
  return new RegExp(anchored ? `^\\W{0,3}(?:${body})${END}` : `(?<![\\p{L}\\p{N}])(?:${body})${END}`, flags);
}

/** Inline "READ MORE: <link>" lead-ins. */
export const READ_MORE_LEAD = phrases(
  [
    'read more',
    'read also',
    'also read',
    'read next',
    'more reading',
    'related',
    'related (posts?|reading|links?)',
    'on [\\w-]+\\.(com|co\\.uk|org|net|de|fr|es|it|pl|nl)',
    'you (may|might) (also )?like',
    'also',
    'see more',
    'more',
    'related stories',
    'related story',
    'related content',
    'related coverage',
    'related news',
    'see also',
    'more on this( story| topic)?',
    'more about',
    'more from',
    "don'?t miss",
    'recommended',
    'lesen sie (auch|mehr|hier|dazu|weiter)',
    'lesen sie',
    'lies auch',
    'auch interessant',
    'ebenfalls interessant',
    'interessant auch',
    'mehr zum thema',
    'mehr dazu',
    'mehr zu',
    'mehr lesen',
    'weiterlesen',
    'weitere artikel',
    'siehe auch',
    'das könnte sie auch interessieren',
    'zum thema',
    'passend dazu',
    'à lire aussi',
    'a lire aussi',
    'lire aussi',
    'lire la suite',
    'voir aussi',
    'sur le même sujet',
    'à voir aussi',
    'lea también',
    'lee también',
    'lea más',
    'lee más',
    'leer más',
    'lea',
    'mire',
    'vea (también|más)',
    'le puede interesar',
    'también le puede interesar',
    'schon gelesen\\?',
    'hier geht es zu',
    'weiter zu',
    'ebenfalls lesenswert',
    'empfehlung der redaktion',
    'ver también',
    'te puede interesar',
    'también te puede interesar',
    'noticias relacionadas',
    'leia também',
    'leia mais',
    'veja também',
    'saiba mais',
    'czytaj (także|też|również|więcej)',
    'zobacz (też|także|również)',
    'przeczytaj (też|także|również)',
    'leggi anche',
    'leggi di più',
    'potrebbe interessarti',
    'lees ook',
    'lees meer',
    'ook interessant',
    'meer over',
  ],
  'iu',
  true,
);

/** Headings of related-story modules. */
export const RELATED_HEADING = phrases([
  'related',
  'more (stories|news|articles|from|on|in|like this)',
  'you (may|might) (also )?like',
  'you (may|might) (also )?be interested',
  'recommended( for you| stories| reading)?',
  'further reading',
  'read next',
  'up next',
  'also (on|in)',
  "don'?t miss",
  'lesen sie auch',
  'mehr zum thema',
  'mehr aus',
  'mehr (artikel|nachrichten|news)',
  'weitere (artikel|nachrichten|themen|beiträge)',
  'das könnte sie auch interessieren',
  'auch interessant',
  'empfehlungen',
  'ähnliche (artikel|beiträge)',
  'à lire aussi',
  'lire aussi',
  'sur le même sujet',
  'dans la même rubrique',
  'articles similaires',
  'noticias relacionadas',
  'artículos relacionados',
  'te puede interesar',
  'más noticias',
  'notícias relacionadas',
  'leia também',
  'powiązane',
  'zobacz (też|także)',
  'czytaj (także|też)',
  'więcej',
  'articoli correlati',
  'leggi anche',
  'potrebbe interessarti',
  'gerelateerd',
  'meer nieuws',
  'lees ook',
  'beiträge zum thema',
  'weitere beiträge',
  'könnte (dich|sie) (auch )?interessieren',
  'zum weiterlesen',
  'le puede interesar',
  'entdecke weitere',
  'noch mehr',
  'mehr zu',
  'lesen sie auch',
  'vous aimerez aussi',
  'ähnliche beiträge',
  'neueste (artikel|beiträge|nachrichten|posts)',
  'verwandte (artikel|beiträge|themen)',
  'weitere \\p{L}*tipps',
  'aktuelle (artikel|beiträge|produkttests|tests|news)',
  'empfehlungen( aus)?',
  'puedes ver',
  'mira también',
  'te recomendamos',
  'artículos relacionados',
  'articles liés',
  'nos dernières (actualités|publications)',
  'zobacz również',
  'polecamy',
]);

/** Headings of most-read / trending modules. */
export const MOST_READ_HEADING = phrases([
  'most (read|popular|viewed|shared|commented|emailed)',
  'popular( now| stories| posts| this (week|month))?',
  'recent (articles|posts|stories|news)',
  'latest (articles|posts|stories|news)',
  'trending( now| stories)?',
  "what'?s hot",
  'top stories',
  'meistgelesen(e)?',
  'am meisten gelesen',
  'meist(gesehen|kommentiert|geteilt)',
  'beliebt(e|este)?( artikel)?',
  'top-?artikel',
  'les plus (lus|populaires|partagés|commentés)',
  'populaires',
  'lo más (leído|visto)',
  'más (leídas|leídos|vistos|populares)',
  'mais lidas',
  'najczęściej (czytane|czytany)',
  'najpopularniejsze',
  'più (letti|lette|popolari)',
  'meest (gelezen|bekeken)',
  'populair',
]);

export const NEXT_ARTICLE = phrases(
  [
    '(next|previous|prev|older|newer) (article|post|story|entry)',
    'up next',
    'read next',
    'nächster (artikel|beitrag)',
    'vorheriger (artikel|beitrag)',
    'nächste(r)? beitrag',
    'article (suivant|précédent)',
    'artículo (siguiente|anterior)',
    'entrada (siguiente|anterior)',
    'następny (artykuł|wpis)',
    'poprzedni (artykuł|wpis)',
    'articolo (successivo|precedente)',
    '(volgend|vorig) (artikel|bericht)',
    'vorschau auf den nächsten (artikel|beitrag)',
    'zum nächsten (artikel|beitrag)',
  ],
  'iu',
  true,
);

/** Words of a share or social bar. */
export const SHARE_WORDS = new Set([
  'share',
  'shares',
  'sharing',
  'tweet',
  'facebook',
  'twitter',
  'x',
  'whatsapp',
  'pinterest',
  'pin',
  'pint',
  'linkedin',
  'xing',
  'reddit',
  'telegram',
  'messenger',
  'email',
  'e',
  'mail',
  'print',
  'copy',
  'link',
  'flipboard',
  'tumblr',
  'vk',
  'threads',
  'bluesky',
  'mastodon',
  'pocket',
  'on',
  'via',
  'this',
  'article',
  'the',
  'teilen',
  'artikel',
  'drucken',
  'rezept',
  'recipe',
  'artikel',
  'per',
  'kopieren',
  'partager',
  'imprimer',
  'compartir',
  'imprimir',
  'compartilhar',
  'udostępnij',
  'drukuj',
  'condividi',
  'stampa',
  'delen',
  'afdrukken',
  'baixar',
  'instagram',
  'youtube',
  'tiktok',
  'follow',
  'us',
  'folgen',
  'sie',
  'uns',
  'suivez',
  'nous',
  'síguenos',
  'seguici',
  'obserwuj',
  'volg',
  'ons',
  'auf',
  'sur',
  'en',
  'and',
  'or',
  'comments',
  'comment',
  'save',
  'bookmark',
  'merken',
  'speichern',
]);
/** Words that prove a bar is about sharing (not just "on the"). */
export const SHARE_CORE = new Set([
  'share',
  'print',
  'drucken',
  'drukuj',
  'imprimer',
  'tweet',
  'facebook',
  'twitter',
  'whatsapp',
  'pinterest',
  'pint',
  'linkedin',
  'xing',
  'reddit',
  'telegram',
  'flipboard',
  'teilen',
  'partager',
  'compartir',
  'compartilhar',
  'udostępnij',
  'condividi',
  'delen',
  'instagram',
  'youtube',
]);

export const NEWSLETTER = phrases([
  'newsletters?',
  'in your inbox',
  'to your inbox',
  'inbox',
  'e-?mail updates',
  'daily (digest|briefing|email)',
  'sign(ing)? up',
  'signup',
  'anmelden',
  'abonnieren',
  "s'inscrire",
  'inscrivez-vous',
  'inscríbete',
  'suscríbete',
  'suscribirse',
  'zapisz się',
  'iscriviti',
  'aanmelden',
  'inschrijven',
]);
/** Core word that makes a sign-up block a newsletter one. */
export const NEWSLETTER_CORE = phrases([
  'newsletters?',
  'inbox',
  'e-?mail (updates|alerts)',
  'daily (digest|briefing)',
  '(breaking )?news (alerts|emails)',
  'send (you )?an e-?mail',
  'e-?mail (with|of) the (top|latest|best)',
]);

export const SUBSCRIPTION = phrases([
  'subscribe (now|today|for|to (read|continue|our|the))',
  'already a subscriber',
  'become a (subscriber|member)',
  'subscribers? only',
  'subscribe to (continue|read|get|unlock)',
  'start (your|a) (free )?trial',
  'unlimited (digital )?access',
  'support (our|independent) journalism',
  'jetzt abonnieren',
  'jetzt (testen|lesen|weiterlesen)',
  'abo abschließen',
  'zum weiterlesen',
  'plus-artikel',
  'bereits abonnent',
  'abonnez-vous',
  'déjà abonné',
  'réservé aux abonnés',
  'suscríbete',
  'hazte socio',
  'ya soy suscriptor',
  'wykup (dostęp|prenumeratę)',
  'abbonati',
  'word abonnee',
  'cancel (at )?any ?time',
  'cancela cuando quieras',
  'jederzeit kündbar',
  'pour lire la suite',
  'la suite est réservée',
  'lesen sie (jetzt )?weiter mit',
  'weiterlesen mit',
  'first-time subscribers',
  'delivered (to|through) your (door|letterbox|letter box|mailbox) every',
  'get access to .{0,60}subscriptions?',
  'zapraszamy (też |również )?do (subskrypcji|prenumeraty)',
]);

/** A job title in an author's bio line, in several languages. */
export const AUTHOR_ROLE =
  /(?<![\p{L}])(reporter|writer|editor|journalist|correspondent|contributor|columnist|freelancer?|blogger|author|redakteur(in)?|journalist(in)?|autor(in)?|korrespondent(in)?|volontär(in)?|journaliste|rédact(eur|rice)|correspondante?|chroniqueu(r|se)|periodista|redactora?|corresponsal|columnista|giornalista|redattore|redattrice|dziennikar(z|ka)|redaktor(ka)?|jornalista|repórter)(?![\p{L}])/iu;
/** "Jane Doe is a reporter...", "Jane (jane@x.com) joined ...", "I am a writer...": the start of an author bio. */
export const BIO_LEAD =
  /^((\p{Lu}[\p{L}'’.-]*\s+){1,3}(\([^)]{0,60}\)\s+)?(is|was|has been|joined|covers|writes|leads|heads|ist|war|schreibt|leitet|est|écrit|dirige|es|escribe|è|scrive|jest|pisze|é)\s|(i am|i'm|ich bin|je suis|soy|sono|jestem|sou) (an? |ein(e)? |un(e)? |una? )?)/u;

export const COOKIE = phrases(['cookies?', 'gdpr', 'datenschutzeinstellungen', 'privacy (settings|preferences)']);
export const CONSENT = phrases([
  'accept',
  'consent',
  'agree',
  'preferences',
  'zustimm\\p{L}*',
  'akzeptier\\p{L}*',
  'einverstanden',
  'einwilligung',
  'accepter',
  'acepta\\p{L}*',
  'consentimiento',
  'zgod\\p{L}*',
  'akceptuj\\p{L}*',
  'accett\\p{L}*',
  'akkoord',
  'toestemming',
  'we use',
  'wir verwenden',
  'nous utilisons',
  'utilizamos',
  'używamy',
  'utilizziamo',
]);

/** A whole block that only labels an ad slot. */
export const AD_LABEL =
  /^\W*(advertisements?|advertising|advert|adverts|iklan|реклама|advertorial|ad|ads|sponsored( content| post| by .{0,40})?|promoted( content)?|paid (content|post|partnership)|partner content|anzeigen?|werbung|gesponsert|publicité|publicidad|publicidade|reklama|pubblicità|advertentie|story continues (below|after) (this )?advertisement|continue reading (the )?(main )?story( below)?|article continues (below|after)|weiter nach der anzeige|die seite wird nach der anzeige fortgesetzt|la suite après (cette )?(la )?publicité)\W*$/iu;

export const COPYRIGHT =
  /^\W{0,3}(©|copyright|\(c\))|(©|copyright|\(c\))\s*(\d{4}|by)|copyrighted property|written permission must be obtained|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|todos os direitos reservados|wszelkie prawa zastrzeżone|tutti i diritti riservati|alle rechten voorbehouden|no part of this (article|publication)|nachdruck (nur|verboten)|(this|the) (document|article|material) is subject to copyright|(opinions|views) expressed (here |herein |in this (article|column|post) )?(by .{1,60} )?(are|is) (solely )?(their|his|her|the authors?'?s?|the writer'?s) own|die meinung (des autors|der autorin) wieder|n'engagent que (leurs|son|leur) auteurs?|son responsabilidad exclusiva de (sus|su) autor(es)?/iu;

/** "Source: ...", "Quelle: ...": a syndication or source line. */
export const SOURCE_LINE =
  /^\W{0,3}(source|sources|quelle|quellen|fuente|fuentes|źródło|fonte|bron|via|originally published|first published|this (article|story) (was )?(originally|first) (appeared|published)|dieser (artikel|beitrag) erschien (zuerst|ursprünglich)|dieser (text|artikel|beitrag) wurde .{0,40}veröffentlicht)\s*[:\-–—]?\s/iu;
export const READ_FULL = phrases([
  'read (the )?full (article|story)',
  'continue reading',
  'read (the )?original',
  'zum artikel',
  'ganzen artikel lesen',
  'originalartikel',
]);

/** Photo and image credits. */
export const PHOTO_CREDIT =
  /^\W{0,3}(photo|photos|photograph|picture|image|images|foto|fotos|фото|bild|bilder|credit|credits|crédits? photos?|crédit|crédito|zdjęcie|fot\.|illustration|grafik|video)s?\s*(credit|credits|quelle)?\s*(\.\.\.|[:©])|^\W{0,3}(photograph(s|ed)?|photos?|fotos?|bilder?|images?|pictures?) (by|von|de|par|di)\s+\p{Lu}/iu;
/** A short line naming only a photo agency ("Alex Wong | Getty Images"); tested on lines of a few words. */
export const AGENCY_CREDIT =
  /(wenn\.com|getty images|shutterstock|istock(photo)?|afp|ap photo|associated press|reuters|picture[- ]alliance|imago|dpa|keystone|epa|alamy|bloomberg)\W*$/iu;
/** Wire-service staff lines: "(Reporting by ..., editing by ...)". */
export const WIRE_CREDIT =
  /^\(?\s*((additional )?(reporting|writing|editing|compiled) by\s|contributing:\s|mitarbeit:\s)/iu;
/** "Jane Doe contributed to this report." */
export const CONTRIBUTED_LINE =
  /(contributed( reporting)? to this (report|story|article)|ha(t|ben) zu diesem (bericht|artikel|beitrag) beigetragen|(a|ont) contribué à (cet article|ce reportage|cette dépêche)|contribuy(ó|eron) a (este|esta) (informe|reporte|artículo|nota)|ha(nno)? contribuito a (questo|quest') ?articolo)\W*$/iu;
/** A caption that ends with its credit: "... (Image: GETTY)", "... (AP Photo/Name)". */
export const CAPTION_CREDIT =
  /\(\s*(image|images|photo|photos|picture|pic|credit|foto|fotos|bild|photograph|illustration|video)s?\s*(credit)?\s*:[^)]{1,80}\)\s*$|\(\s*(ap photo|getty images|reuters|afp|epa|dpa)[^)]{0,60}\)\s*$|(photo|photos|foto|image)s?\s*©\s*[^.]{1,60}$|^©\s*\p{Lu}/iu;
/** "Skip to content" links. */
export const SKIP_LINK =
  /^(skip to (main )?(content|navigation|main)|jump to (content|navigation)|zum inhalt( springen)?|direkt zum inhalt|aller au contenu|saltar al contenido|przejdź do treści|vai al contenuto|naar de inhoud)\W*$/iu;

export const COMMENTS = phrases(
  [
    '\\d+\\s+(comments?|kommentare?|commentaires?|comentarios?|komentarz[yey]*|commenti|reacties|responses|replies)',
    'comments?',
    'leave a (comment|reply)',
    'post a comment',
    'add (a|your) comment',
    'join the (conversation|discussion)',
    'show comments',
    'view comments',
    'kommentare?',
    'kommentar schreiben',
    'diskutieren sie mit',
    'commentaires?',
    'laisser un commentaire',
    'comentarios?',
    'deja un comentario',
    'comentários',
    'komentarz\\p{L}*',
    'commenti',
    'lascia un commento',
    'reacties?',
    'reageer',
  ],
  'iu',
  true,
);
/** Moderation notes and comment-policy lines (Portuguese "Comentários ... não serão aprovados"). */
export const COMMENT_POLICY =
  /(comment(s|ing)? (policy|guidelines)|comments? (are|will be) (moderated|reviewed|closed)|moderating (all )?comments|akismet|kommentarfunktion|netiquette|comentários .{0,80}(aprovados|moderador)|comentarios .{0,80}(aprobados|moderador)|commentaires .{0,80}modér)/iu;

export const BREADCRUMB_SEPARATOR = /\s[»›>/|]\s|\s»|»\s/u;

/** "Tags:", "Schlagworte:", "Themen:": keyword link lists. */
export const TAGS_LEAD =
  /^\W{0,3}(tags?|tagged( with)?|topics?|schlagw(ö|o)rte?|themen|stichw(ö|o)rte?|mots-clés|étiquettes|etiquetas|tagi|tematy|argomenti|categor(y|ies|ías|ie)|filed under|kategorie|rubrique)\s*:?\s*/iu;

/** Short author contact / tip lines under an article. */
export const CONTACT_LINE =
  /(have a (news )?tip|reach the (reporters?|authors?|writers?)|send (us )?(a|your) tip|may be reached at|can be reached at|follow (him|her|them|us|me) on (twitter|facebook|instagram|x)|contact (the )?(author|reporter|writer)|reach (him|her|them) at|^write to .{1,60} at [\w.+-]+@|follow @\w+ on|^follow .{1,40}(full|complete|latest|live) coverage|schreiben sie (dem autor|der autorin|der redaktion)|écrivez à l'auteur)/iu;

/** "Share this article?" prompts and "Was this helpful?" widgets. */
export const SHARE_PROMPT =
  /(share (this|the) (article|story|post|page)|(artikel|beitrag|seite) teilen|partager (cet|l') article|compartir (este|el) artículo|condividi (questo|l') articolo|udostępnij (ten )?artykuł|deel dit artikel|(war|ist) (der|dieser) (artikel|beitrag) (hilfreich|nützlich)|(artikel|beitrag) bewerten|keine bewertungen|rate this (article|post)|was this (article|post|page) (helpful|useful)|cet article vous a-t-il été utile|¿te ha sido útil)/iu;

/** App download and messaging-channel promotions. */
export const APP_PROMO =
  /(download|herunterladen|laden sie|hol dir|téléchargez|descarga|scarica|pobierz)[^.!?]{0,60}(?<![\p{L}])(app|apps|application|aplicación|applicazione|aplikacj\p{L}*)(?![\p{L}])|(get|download) it on (the )?(app store|google play)|click here to (get|download)[^.!?]{0,40}(?<![\p{L}])app(?![\p{L}])|(chat|talk|connect) with us (on|in|via) [^.!?]{0,20}(messenger|whatsapp|telegram)|(folg(e|t|en sie) uns|abonnier(e|t|en sie) (uns|unseren kanal)) (auf|bei|via) (whatsapp|telegram)|(suivez-nous|rejoignez-nous) sur (whatsapp|telegram)|(síguenos|únete a nuestro canal) en (whatsapp|telegram)|(our|unser(em|en)?|nuestro|notre|nasz(ym)?) (youtube|whatsapp|telegram|tiktok)[- ]?(channel|kanal|kanał)|nuestro canal de (youtube|whatsapp|telegram)|notre chaîne (youtube|telegram)/iu;

/** Advertising disclosures: "*Werbung. Dieser Beitrag enthält Werbung", affiliate notes. */
export const AD_DISCLOSURE =
  /^\W{0,2}(werbung|anzeige|sponsored|advertisement|publicidad|publicité)\s*[.:|\-–]|bei den (verlinkungen|links) handelt es sich|enthält (unbezahlte |bezahlte )?werbung|affiliate[- ]links?|(advertising|advertiser|affiliate) (disclosure|disclaimer)|affiliate commission|contains? affiliate|we may earn (a )?commission|provisions-?links|partnerlinks?|als amazon-partner|as an amazon associate/iu;

/** Asks for money or support for the publication itself: "Hilf mit und unterstütze unser Magazin". */
export const DONATION_ASK = phrases([
  '(support|donate to|fund) our (journalism|work|magazine|newsroom|reporting)',
  '(we|wir) (need|brauchen) (your|deine|ihre|eure) (support|help|unterstützung|hilfe)',
  'brauchen wir (deine|ihre|eure) (unterstützung|hilfe)',
  'unterstütze(n sie)? unser(e|en)? (magazin|arbeit|journalismus|redaktion)',
  'soutenez notre (journal|média|travail|rédaction)',
  'nous avons besoin de (votre|ton) soutien',
  'apoya (a )?nuestro (periodismo|trabajo|medio)',
  'necesitamos (tu|su) apoyo',
  'wesprzyj naszą (redakcję|pracę)',
  'sostieni (il nostro|la nostra) (giornalismo|lavoro|redazione)',
]);

/** Letters-to-the-editor prompts under an article. */
export const LETTERS_PROMPT =
  /(we want to hear what you think|(submit|send|write) (us )?a letter to the editor|leserbrief (schreiben|an die redaktion)|schreiben sie uns einen leserbrief|écrivez-nous|courrier des lecteurs|carta al director)/iu;

/** WordPress-style post metadata lines: "This entry was posted in ... Bookmark the permalink." */
export const POST_META =
  /^(this (entry|post) was posted|posted in .{0,80} (tagged|by)|bookmark the permalink|dieser (eintrag|beitrag) wurde .{0,40}veröffentlicht|publié dans|ce (billet|article) a été publié|esta entrada fue publicada)/iu;

/** Comment prompts inside a short line ("Verraten Sie es in den Kommentaren"). */
export const COMMENT_PROMPT =
  /(in den kommentaren|kommentare? (zu )?schreiben|leave a (comment|reply)|in the comments|let us know in|dans les commentaires|en los comentarios|nei commenti|w komentarzach|tell us what you think)/iu;

/** "Load more", "back to the list" and similar control links. */
export const CONTROL_LINK =
  /^\W{0,2}(load more|show more|lade weitere( inhalte| artikel)?|mehr laden|weitere laden|charger plus|cargar más|zurück( zur (übersicht|listenansicht|startseite))?|back( to (top|the list|overview))?|retour|volver|wstecz|indietro|terug|permalink|permalien|nach oben|to top|externer inhalt|external content|als pdf herunterladen|download (as )?pdf|pdf herunterladen)\W{0,2}$/iu;

/**
 * Cheap necessary conditions for the costly phrase patterns that run on most short
 * blocks: each lists ASCII words that every match must contain. Under the 'iu' flags
 * only 'ſ' and the Kelvin sign fold to ASCII letters, so text holding them always
 * goes on to the full pattern.
 */
function gate(words: string): RegExp {
  return new RegExp(`${words}|[\u017f\u212a]`, 'i');
}
export const PHRASE_GATES = new Map<RegExp, RegExp>([
  [COOKIE, gate('cookie|gdpr|datenschutzeinstellungen|privacy')],
  [NEWSLETTER_CORE, gate('news|inbox|mail|daily|send')],
  [
    SUBSCRIPTION,
    gate(
      'subscri|become a|start|unlimited|journalism|jetzt|abo|weiterlesen|plus-artikel|suscr|hazte|wykup|abbonati|cancel|jederzeit|la suite|lesen sie|delivered|get access|zapraszamy',
    ),
  ],
  [
    COPYRIGHT,
    gate(
      '©|\\(c\\)|copyright|written|rights|rechte|droits|derechos|direitos|prawa|diritti|no part|nachdruck|expressed|meinung|engagent|responsabilidad',
    ),
  ],
  [COMMENT_POLICY, gate('comment|moderating|akismet|kommentarfunktion|netiquette|coment')],
  [DONATION_ASK, gate('support|donate|fund|need|brauchen|unterst|soutenez|besoin|apoya|necesitamos|wesprzyj|sostieni')],
  [CAPTION_CREDIT, /[(©]/],
  [
    AD_DISCLOSURE,
    gate(
      'werbung|anzeige|sponsored|advertis|publicidad|publicit|bei den|affiliate|commission|provision|partnerlink|amazon',
    ),
  ],
  [APP_PROMO, gate('ap[pl]|it on|click here|with us|whatsapp|telegram|youtube|tiktok')],
  [CONTACT_LINE, gate('tip|reach|follow|contact|write to|schreiben sie|crivez')],
  [CONTRIBUTED_LINE, gate('contribu|beigetragen')],
]);
