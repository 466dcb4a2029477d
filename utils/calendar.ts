/**
 * Month and weekday names, with their common abbreviations, in the languages
 * the date readers know (English, German, French, Spanish, Portuguese,
 * Italian, Dutch, Polish). One list for the byline's date parser and the
 * dateline detector alike.
 */

/** The names of each month, January first. */
const MONTH_NAMES = [
  'jan|january|januar|jänner|janvier|enero|janeiro|gen|gennaio|januari|stycznia|styczeń',
  'feb|february|februar|février|febrero|fevereiro|febbraio|februari|lutego',
  'mar|march|märz|mars|marzo|março|maart|marca',
  'apr|april|avril|abril|aprile|kwietnia',
  'may|mai|mayo|maio|mag|maggio|mei|maja',
  'jun|june|juni|juin|junio|junho|giu|giugno|czerwca',
  'jul|july|juli|juillet|julio|julho|lug|luglio|lipca',
  'aug|august|août|agosto|ago|augustus|sierpnia',
  'sep|sept|september|septembre|septiembre|setembro|set|settembre|września',
  'oct|october|oktober|octobre|octubre|outubro|ott|ottobre|października',
  'nov|november|novembre|noviembre|novembro|listopada',
  'dec|december|dezember|décembre|diciembre|dezembro|dic|dicembre|grudnia',
];

const MONTH_NUMBER = new Map(MONTH_NAMES.flatMap((names, i) => names.split('|').map((name) => [name, i + 1] as const)));

/** Every month name as a regular-expression alternation, longest first ("juni" before "jun"). */
export const MONTHS = [...MONTH_NUMBER.keys()].sort((a, b) => b.length - a.length).join('|');

/** Every weekday name as a regular-expression alternation. */
export const WEEKDAYS =
  'mon|monday|montag|lundi|lunes|segunda-feira|lunedì|maandag|tue|tues|tuesday|dienstag|mardi|martes|terça-feira|martedì|dinsdag|wed|wednesday|mittwoch|mercredi|miércoles|quarta-feira|mercoledì|woensdag|thu|thur|thurs|thursday|donnerstag|jeudi|jueves|quinta-feira|giovedì|donderdag|fri|friday|freitag|vendredi|viernes|sexta-feira|venerdì|vrijdag|sat|saturday|samstag|samedi|sábado|sabato|zaterdag|sun|sunday|sonntag|dimanche|domingo|domenica|zondag|sexta|segunda|terça|quarta|quinta|feira';

/** Words that stand beside a date in a dateline ("Last updated: Saturday, 10 June 2023 at 9:14 BST", "Stand: 10.06.2023"), as an alternation. */
export const DATELINE_WORDS =
  'updated|update|posted|published|last|modified|created|first|on|at|am|pm|um|uhr|h|le|à|de|do|da|del|du|den|em|às|el|by|von|stand|aktualisiert|zuletzt|veröffentlicht|erstellt|geändert|geschrieben|mis|jour|publié|modifié|actualizado|publicado|atualizado|zaktualizowano|opublikowano|aggiornato|pubblicato|alle|ore|bijgewerkt|gepubliceerd|om|est|edt|cst|cdt|pst|pdt|mst|hst|gmt|utc|cet|cest|bst|ist|et|pt|ct|date|datum|fecha|data|time|zeit';

/** The month (1–12) a name or abbreviation ("Sept.", "März", "juin") stands for. */
export function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  return MONTH_NUMBER.get(key) ?? MONTH_NUMBER.get(key.slice(0, 3));
}
