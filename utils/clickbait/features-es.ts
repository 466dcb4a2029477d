/**
 * Spanish headline features: the named cues of Spanish news teasers and the
 * word n-grams the Spanish model reads. Teasers on social media carry links,
 * handles and hashtags; those become placeholder tokens, so the model learns
 * the wording, not the outlet.
 */
import { type CueDefinition, type CueMatch, execAll } from './features.ts';

const NUMBER_WORDS = 'dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|treinta|cien';
const LIST_NOUNS =
  'cosas|razones|formas|maneras|claves|consejos|trucos|secretos|señales|datos|preguntas|lugares|películas|series|canciones|libros|fotos|imágenes|alimentos|errores|hábitos|ideas|pasos|motivos|frases|momentos';
const LISTICLE = new RegExp(
  String.raw`(?:^|[.:¿¡] )(?:las |los |estas |estos |)(?:\d{1,3}|${NUMBER_WORDS}) (?:\p{L}+ ){0,2}(?:${LIST_NOUNS})\b`,
  'iu',
);
// "Esto es lo que ...", "así es ...", "lo que debes saber", "te contamos".
const FORWARD_REFERENCE =
  /(?:^|[\s¿¡"(:|])(?:esto(?: es)?(?=[\s,.:;!?]|$)|(?:este|estos?) (?:son|es|fue|fueron|será|serán)|estas? (?:son|es|fue|fueron|será|serán)|así (?:se |le |lo |la |les )?\p{L}+|lo que (?:debe|debes|deben|tiene|tienes|tienen|necesita|necesitas|hay que|sabemos|se sabe|pasó|sucedió|ocurrió)|(?:le|te|les|os) (?:contamos|decimos|explicamos|mostramos|presentamos|dejamos|compartimos)|(?:aquí|acá) (?:le |te |les )?(?:contamos|explicamos|decimos|puede|puedes|los detalles|la respuesta|el video|las claves)|(?:descubre|descubra|conoce|conozca|mira|mire|entérate|entérese|encuéntrelas|encuéntralos|lee|lea|revisa|revise|checa)(?=[\s,.:!?]|$)|la respuesta|el motivo|la razón)/giu;
const CURIOSITY_GAP =
  /(?:no (?:vas|va|van) a creer|no (?:creerás|lo creerás|podrás creer)|(?:te|le) (?:sorprenderá|sorprenderán|dejará|dejarán)|nadie (?:esperaba|imaginaba|sabía)|lo que (?:nadie|no) (?:sabía|sabías|te dijeron|sabes)|(?:el|los) secretos? (?:de|para|detrás)|(?:el|un) truco|la verdad (?:sobre|detrás)|qué (?:pasó|pasa|pasaría|sucedió|ocurre|ocurrió|hay detrás|significa)|por qué (?:\p{L}+ ){0,4}\p{L}+|cómo (?:\p{L}+ ){0,3}\p{L}+|cuál (?:es|será|fue)|quién (?:es|era|fue)|sabías que|lo que (?:debes|tienes que) saber|todo lo que (?:debes|necesitas|hay que) saber)/giu;
const SECOND_PERSON =
  /(?:^|[\s¿¡"(])(?:tú|tu|tus|te|ti|contigo|usted|ustedes|vos|tienes|puedes|debes|sabes|quieres|necesitas|sabías|tenés|podés|debés|sabés|querés|necesitás)(?=[\s,.:;!?)]|$)/giu;
const QUESTION = /¿[^?]*\?|\?\s*$/u;
const SUPERLATIVE =
  /(?:^|[\s¿¡"(])(?:increíble|increíbles|impresionante|impresionantes|sorprendente|sorprendentes|insólito|insólita|brutal|espectacular|asombroso|asombrosa|impactante|impactantes|viral|épico|épica|tremendo|tremenda|nunca|jamás|el mejor|la mejor|los mejores|las mejores|el peor|la peor|los peores|del mundo|de la historia|de todos los tiempos|absolutamente|totalmente)(?=[\s,.:;!?)]|$)/giu;
const EMOTIONAL =
  /(?:^|[\s¿¡"(])(?:conmovedor|conmovedora|desgarrador|desgarradora|emotivo|emotiva|escalofriante|aterrador|aterradora|indignante|polémica|polémico|furor|estalla|arremete|destroza|explota|lágrimas|llora|lloró|enloquece|enloquecen|revoluciona|escándalo|terror|pánico|alarma)(?=[\s,.:;!?)]|$)/giu;
// A definite noun phrase that names a kind of thing but not the thing ("la frase de Carina Zampini que
// hizo llorar", "el extraño caso de", "los emotivos regalos que"): the teaser withholds what it was.
const WITHHELD_THING =
  /(?:^|[\s¿¡"(:|])(?:el|la|los|las|un|una|este|esta|estos|estas) (?:(?:sorprendente|sorprendentes|extraño|extraña|extraños|curioso|curiosa|curiosos|insólito|insólita|emotivo|emotiva|emotivos|emotivas|impactante|impactantes|increíble|increíbles|polémico|polémica|dramático|dramática|desgarrador|desgarradora|tierno|tierna|misterioso|misteriosa|verdadero|verdadera|inesperado|inesperada|duro|dura|fuerte|divertido|divertida|llamativo|llamativa|particular|peculiar|singular|original|curiosa|tremendo|tremenda|gran|enorme|contundente|picante|explosiva|explosivas|explosivo) )?(?:frase|frases|comentario|comentarios|mensaje|mensajes|gesto|gestos|video|vídeo|foto|fotos|imagen|imágenes|reacción|respuesta|exabrupto|motivo|motivos|razón|razones|secreto|secretos|truco|trucos|detalle|detalles|dato|datos|historia|caso|relato|confesión|revelación|pedido|consejo|consejos|regalo|regalos|declaraciones|palabras|costumbre|método|error|errores|momento|momentos|giro|sorpresa|look|cambio|problema|teoría|lugar|lugares|alimento|alimentos|hábito|hábitos)(?: (?:de|del|que|con|en|para|a) )/giu;
// A relative clause that promises an effect on someone without saying what caused it ("que hizo llorar a").
const EFFECT_CLAUSE =
  /(?:^|\s)(?:que|lo que|y) (?:hizo|hace|dejó|deja|dejaron|sorprendió|sorprende|conmovió|conmueve|emocionó|emociona|enloqueció|enamoró|enamora|generó|genera|causó|causa|desató|desata|indignó|indigna|preocupa|preocupó|cambió|cambiará|cambia|nadie|pocos|muchos no|todos)(?=[\s,.:;!?)]|$)/giu;
// An entity described, not named, after the topic ("COVID-19 en Uruguay: los tres departamentos que ...",
// "el multimillonario estadounidense que pide ..."): the article says which one.
const DESCRIBED_ENTITY =
  /(?:^|[:|,;.] |["'»”] )(?:el|la|los|las|un|una) (?:[\p{Ll}\d]+ ){1,3}?(?:que|en (?:el|la|los|las) que|por (?:el|la|los|las) que|con (?:el|la|los|las) que|donde|quien|quienes)(?= )/gu;
// A teaser that opens on a described or pointed-at subject ("Las lesiones que sufrió ...", "El gesto de
// Ana Pérez que ...", "Este hábito de las mañanas ..."): who or what it is comes in the article. Only at
// the very start, where the post's own headline is; time words ("Este lunes") name no subject.
const VAGUE_OPENING =
  /^(?:(?:El|La|Los|Las) (?:\p{Ll}+ ){1,3}?(?:de (?:\p{Lu}\p{L}+ ){1,3})?(?:que|donde|quien|quienes)|(?:Este|Esta|Estos|Estas) (?!(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo|año|mes|semana|fin|verano|invierno|otoño|primavera)(?:\s|$))\p{Ll}+)(?= )/u;
// A count of unnamed things opening the teaser or its second part ("cinco virtudes y cinco defectos", "5 destacadas figuras").
const COUNT_OPENING = new RegExp(
  String.raw`(?:^|[:|.] |(?:^|\s)(?:los|las) )(?:\d{1,2}|${NUMBER_WORDS}) (?!(?:años|días|horas|minutos|meses|semanas|personas|muertos|heridos|millones|mil|de|por|a|en|y)(?!\p{L}))\p{Ll}+`,
  'giu',
);
// A judgement placed before the noun ("el cariñoso saludo de", "la desubicada burla de", "el verdadero
// costo de"): the teaser grades what it has not yet said.
const EVALUATIVE_LEAD =
  /(?:^|[\s:|])(?:el|la|los|las) (?:cariñoso|cariñosa|desubicada|desubicado|difícil|fuerte|verdadero|verdadera|verdaderos|verdaderas|inédito|inédita|trágico|trágica|escandalosa|escandaloso|inesperado|inesperada|inesperados|fascinante|triste|emocionante|increíble|increíbles|sorprendente|curioso|curiosa|extraño|extraña|polémico|polémica|insólito|insólita|dura|duro|tierno|tierna|emotivo|emotiva|llamativo|llamativa|misterioso|misteriosa|impactante|brutal|tremendo|tremenda|picante|picantes|contundente|sentido|sentida|infalible|enorme|terrible|divertido|divertida|peculiar|extravagante|conmovedor|conmovedora|escalofriante|sincero|sincera|desgarrador|desgarradora|explosivo|explosiva|inolvidable|secreto|secreta|oculto|oculta|singular|raro|rara|dramático|dramática|tajante|irónico|irónica|filoso|filosa|furioso|furiosa|indignante) \p{Ll}+/giu;
// Accented interrogatives anywhere (the unaccented forms are relative pronouns): the teaser asks what the article answers.
const INTERROGATIVE =
  /(?:^|[\s¿¡"(:|])(?:qué|cómo|cuál|cuáles|quién|quiénes|dónde|cuándo|cuánto|cuánta|cuántos|cuántas)(?=[\s,.:;!?)]|$)/giu;
// Something withheld by name: a mystery, a reason or a secret the article reveals ("la razón por la que",
// "el misterio detrás", "lo que nadie sabía", "descubre").
const MYSTERY =
  /(?:^|[\s¿¡"(:|])(?:(?:el|un|los) (?:misterio|misterios|enigma)|(?:la|las) (?:razón|razones|causa|causas) (?:por|de|detrás)|(?:el|los) motivos?(?= (?:de|del|por|detrás|que))|(?:lo|algo) que (?:nadie|pocos|no sabías|no se sabía|no se conocía|no se vio)|no (?:creerás|lo creerás|lo vas a creer)|descubr(?:e|a|í|en|ió)|lo que (?:ocurrió|ocurriría|pasó|pasaría|sucedió|vino|viene) después|secretos? ocultos?)(?=[\s,.:;!?)]|$)/giu;
// The teaser or its second part opens on "Lo que ..." or "Todo lo que ...": what it is comes in the article.
const WHAT_OPENING = /(?:^|[:|.!?] )(?:todo )?lo que (?=\p{L})/iu;
// An ellipsis: the sentence trails off and leaves the rest for the article.
const ELLIPSIS = /\.{3}|…/u;

// Pointing emoji and arrows: the post points at the link that holds the answer.
const POINTER = /👉|👇|⬇|➡|⤵|🔽|▶|►/gu;
const EXCLAMATION = /[¡!]+/u;

function matchesOf(pattern: RegExp, text: string): string[] {
  const found: string[] = [];
  for (const match of execAll(pattern, text)) {
    const trimmed = match[0].replace(/^[\s¿¡"(:|,;.'»”]+/u, '').trim();
    if (trimmed) found.push(trimmed);
  }
  return found;
}

function firstMatch(pattern: RegExp, text: string): string[] {
  const match = pattern.exec(text);
  return match ? [match[0].replace(/^[\s.:¿¡]+/u, '').trim()] : [];
}

/** Spanish cues. `prior` is 0: the Spanish data is labelled for bait itself, so the weights are learned. */
export const CUES_ES: readonly CueDefinition[] = [
  { id: 'listicle', label: 'Listicle number', quote: false, prior: 0, find: (text) => firstMatch(LISTICLE, text) },
  {
    id: 'forwardReference',
    label: 'Forward reference',
    quote: true,
    prior: 0,
    find: (text) => matchesOf(FORWARD_REFERENCE, text),
  },
  {
    id: 'curiosityGap',
    label: 'Withholds the point',
    quote: true,
    prior: 0,
    find: (text) => matchesOf(CURIOSITY_GAP, text),
  },
  {
    id: 'secondPerson',
    label: 'Addresses the reader',
    quote: true,
    prior: 0,
    find: (text) => matchesOf(SECOND_PERSON, text),
  },
  {
    id: 'question',
    label: 'Asks the reader a question',
    quote: false,
    prior: 0,
    find: (text) => firstMatch(QUESTION, text),
  },
  {
    id: 'superlative',
    label: 'Superlative or hyperbole',
    quote: true,
    prior: 0,
    find: (text) => matchesOf(SUPERLATIVE, text),
  },
  {
    id: 'emotionalReaction',
    label: 'Promises an emotional reaction',
    quote: true,
    prior: 0,
    find: (text) => matchesOf(EMOTIONAL, text),
  },
  {
    id: 'withheldThing',
    label: 'Names a kind of thing, not the thing',
    quote: true,
    prior: 0,
    find: (text) => matchesOf(WITHHELD_THING, text),
  },
  {
    id: 'effectClause',
    label: 'Promises an effect, not its cause',
    quote: true,
    prior: 0,
    find: (text) => matchesOf(EFFECT_CLAUSE, text),
  },
  {
    id: 'evaluativeLead',
    label: 'Judges before it tells',
    quote: true,
    prior: 0,
    find: (text) => matchesOf(EVALUATIVE_LEAD, text),
  },
  {
    id: 'interrogative',
    label: 'Asks what the article answers',
    quote: true,
    prior: 0,
    find: (text) => matchesOf(INTERROGATIVE, text),
  },
  {
    id: 'unnamedSubject',
    label: 'Describes instead of naming',
    quote: true,
    prior: 0,
    find: (text) => matchesOf(DESCRIBED_ENTITY, text),
  },
  {
    id: 'vagueSubject',
    label: 'Opens on a subject it does not name',
    quote: true,
    prior: 0,
    find: (text) => firstMatch(VAGUE_OPENING, text),
  },
  {
    id: 'countOpening',
    label: 'Counts unnamed things',
    quote: true,
    prior: 0,
    find: (text) => matchesOf(COUNT_OPENING, text),
  },
  {
    id: 'mystery',
    label: 'Withholds a reason or secret',
    quote: true,
    prior: 0,
    find: (text) => matchesOf(MYSTERY, text),
  },
  {
    id: 'whatOpening',
    label: 'Opens on "lo que"',
    quote: true,
    prior: 0,
    find: (text) => firstMatch(WHAT_OPENING, text),
  },
  { id: 'ellipsis', label: 'Trails off', quote: false, prior: 0, find: (text) => (ELLIPSIS.test(text) ? ['…'] : []) },
  { id: 'pointer', label: 'Points at the link', quote: true, prior: 0, find: (text) => matchesOf(POINTER, text) },
  {
    id: 'exclamation',
    label: 'Exclamation mark',
    quote: false,
    prior: 0,
    find: (text) => firstMatch(EXCLAMATION, text),
  },
];

/** Links, handles and hashtags as placeholders, the retweet prefix dropped, single spaces. */
export function normalizeTeaserEs(text: string): string {
  return text
    .replace(/https?:\/\/\S+/g, ' <url> ')
    .replace(/^RT @\w+:?/, ' ')
    .replace(/@\w+/g, ' <user> ')
    .replace(/#(\p{L}[\p{L}\p{N}_]*)/gu, ' <tag> ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

// A quoted passage (quotes are normalised to '"' first) speaks for someone in the story.
const QUOTED = /"[^"]{1,400}"/g;
/**
 * Cues read outside quotations: a question, a "tú" or a superlative inside a
 * quote is what someone said ('"¿De qué tiene miedo?", dijo'), not the teaser
 * asking the reader.
 */
const OUTSIDE_QUOTES = new Set<string>([
  'question',
  'interrogative',
  'secondPerson',
  'superlative',
  'curiosityGap',
  'forwardReference',
  'exclamation',
]);

/** Every Spanish cue that fires, with what it matched. */
export function extractCuesEs(headline: string): CueMatch[] {
  const text = normalizeTeaserEs(headline);
  const unquoted = text.includes('"') ? text.replace(QUOTED, ' " " ') : text;
  const found: CueMatch[] = [];
  for (const cue of CUES_ES) {
    const matches = cue.find(OUTSIDE_QUOTES.has(cue.id) ? unquoted : text);
    if (matches.length > 0) found.push({ id: cue.id, matches: [...new Set(matches)] });
  }
  return found;
}

const TOKEN_ES = /<(?:url|user|tag)>|[\p{L}\p{N}]+/gu;

/** Lower-cased tokens, numbers folded to one token. */
export function tokenizeEs(text: string): string[] {
  return execAll(TOKEN_ES, normalizeTeaserEs(text).toLowerCase()).map((match) =>
    /^\d/.test(match[0]) ? '<num>' : match[0],
  );
}

/** Word unigrams and bigrams with start/end markers. */
export function ngramsEs(headline: string): string[] {
  const padded = ['<s>', ...tokenizeEs(headline), '</s>'];
  const features: string[] = [];
  for (let i = 1; i < padded.length; i++) {
    if (i < padded.length - 1) features.push(padded[i] as string);
    features.push(`${padded[i - 1]} ${padded[i]}`);
  }
  return features;
}
