import type { Locale } from '../../intents/types';

/**
 * Members' ways of saying a time that Microsoft's date-time recognizers miss or misread, written
 * out before they read it: text shorthand ("tmrw" is read as today), plurals of a part of the day
 * ("mornings", "afternoons are best", "por las tardes"), "am" / "pm" after a day ("tmrw am"), and
 * short day names ("sat morning"), "after 3" or "a las 4" without am or pm (a clinic's hours: 1 to 7
 * is the afternoon).
 */
type Rewrite = [RegExp, string | ((match: string, ...groups: string[]) => string)];

const FULL_DAY: Record<string, string> = { mon: 'monday', tue: 'tuesday', wed: 'wednesday', thu: 'thursday', fri: 'friday', sat: 'saturday', sun: 'sunday' };

/** Not a count of days, weeks, … ("in like 4 days", "como 2 semanas"). */
const NOT_A_COUNT = String.raw`(?!\s*(?:days?|weeks?|months?|years?|hours?|hrs?|mins?|minutes?|times?|st|nd|rd|th|of)\b)`;
const NO_ES_COUNT = String.raw`(?!\s*(?:d[ií]as?|semanas?|mes|meses|años?|horas?|hrs|minutos?|veces|de\s+la|del|en\s+la|por\s+la)\b)`;

/** A day named, for "early" / "temprano" said with it. */
const EN_DAYS = String.raw`tomorrow|today|(?:mon|tues|wednes|thurs|fri|satur|sun)day`;
const ES_DAYS = String.raw`(?:el\s+)?(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)|mañana|hoy`;

const EN: Rewrite[] = [
  [/\bnxt\b/g, 'next'],
  // Short forms and typos of a week and of the parts of the day ("next wk", "thursday aftrnoon",
  // "tmrw mornin"): the recognizer read none of them, so the day said with them was lost (v16, X01).
  [/\b(?:wk|wks|weeek)\b(?=\s|[.,!?]|$)/g, 'week'],
  [/\b(?:aftrnoon|afternon|afternnon|aftenoon|afternoom|aftnoon|afternooon|arvo)(s?)\b/g, 'afternoon$1'],
  [/\b(?:mornin|mornign|morming|moring|mroning|morninng)(s?)\b/g, 'morning$1'],
  [/\b(?:evenin|evning|evenning|evenig)(s?)\b/g, 'evening$1'],
  // A part of the day said loosely ("thurs afternoonish", "morning-ish"): that part of the day.
  [/\b(morning|afternoon|evening|night)s?\s*-?\s*ish\b/g, '$1'],
  // "the week after" / "the following week" with no day after it is the week after this one (the
  // recognizer reads "the week" as this week: on a Sunday, today); moving a visit reads it against the visit.
  [/\b(?:the\s+)?(?:week\s+after|following\s+week)\b(?!\s*(?:next|the\b|this|that|my|\d))/g, 'next week'],
  [/\b(?:tmrw|tmrow|tmr|tmw|tmro|tomoz|tommorow|tommorrow|tomorow|tomorro|2moro|2morrow|2mrw)\b/g, 'tomorrow'],
  [/\b(morning|afternoon|evening|night)s\b/g, (_m, part) => part!],
  [/\b(mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day)?s\b/g, (m) => m.slice(0, -1)],
  // A day's short name ("sat morning", "thurs", "weds") is the day: the recognizer reads only some.
  [/\b(mon|tues?|weds?|thu|thur|thurs|fri|sat|sun)\b(?!')/g, (_m, day) => FULL_DAY[day.slice(0, 3)]!],
  [/\b(tomorrow|today|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\s+a\.?m\b\.?/g, (_m, day) => `${day} morning`],
  [/\b(tomorrow|today|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\s+p\.?m\b\.?/g, (_m, day) => `${day} afternoon`],
  [/^\s*(?:in the\s+)?a\.?m\.?\s*$/g, 'morning'],
  [/^\s*(?:in the\s+)?p\.?m\.?\s*$/g, 'afternoon'],
  // "friday early", "early tomorrow", "early on tues": early in that day is its morning (the recognizer kept only the day).
  [new RegExp(String.raw`\b(${EN_DAYS})\s+early\b(?!\s+(?:morning|afternoon|evening|in\s+the))`, 'g'), '$1 morning'],
  [new RegExp(String.raw`\bearly\s+(?:on\s+)?(${EN_DAYS})\b(?!\s+(?:morning|afternoon|evening))`, 'g'), '$1 morning'],
  // A clock time said loosely ("like 4", "at about 4", "4ish", "around 4ish") is "around 4".
  [/\b(?:(?:at\s+)?(?:like|about|around|approx\.?|approximately|roughly|maybe|say)\s+)?(\d{1,2})\s*-?\s*ish\b/g, (_m, hour) => `around ${hour}`],
  [new RegExp(`\\b(?:at\\s+)?(?:like|about|approx\\.?|approximately|roughly)\\s+(?=\\d{1,2}(?![\\d:])${NOT_A_COUNT})`, 'g'), 'around '],
  [new RegExp(`\\b(after|before|around|by|at)\\s+(\\d{1,2})(?![\\d:]|\\s*(?:a\\.?m|p\\.?m|o'?clock))${NOT_A_COUNT}`, 'g'), (_m, word, hour) => `${word} ${hour}${(Number(hour) >= 1 && Number(hour) <= 7) || Number(hour) === 12 ? 'pm' : 'am'}`],
];
const ES: Rewrite[] = [
  // "manana" typed without the ñ (and the folded opening message) is not read by the recognizer (YW01).
  [/\bmanana(s?)\b/g, 'mañana$1'],
  [/\b(?:por|en|de|durante)\s+las\s+mañanas\b/g, 'por la mañana'],
  [/\b(?:por|en|de|durante)\s+las\s+tardes\b/g, 'por la tarde'],
  [/\b(?:por|en|de|durante)\s+las\s+noches\b/g, 'por la noche'],
  [/^\s*(?:las\s+)?mañanas\b/g, 'por la mañana'],
  [/^\s*(?:las\s+)?tardes\b/g, 'por la tarde'],
  [/\bcualquier\s+mañana\b/g, 'por la mañana'],
  [/\bcualquier\s+tarde\b/g, 'por la tarde'],
  [/\bmñn\b/g, 'mañana'],
  // "a la mañana", "en la mañana" are the morning, not tomorrow ("¿la puedo pasar a la mañana?",
  // newcomer run v22, Z08, became "jueves por la mañana"); "a la tarde" is the afternoon.
  [/\b(?:a|en)\s+la\s+(mañana|tarde|noche)\b/g, 'por la $1'],
  // "el viernes temprano", "mañana bien temprano", "temprano el lunes": early in that day is its morning
  // (the recognizer kept only the day); "más temprano" is earlier, not this.
  [new RegExp(String.raw`\b(${ES_DAYS})\s+(?:(?:bien|muy)\s+)?tempran(?:o|ito)\b(?!\s*(?:en|por|de)\s+la\s+mañana)`, 'g'), '$1 por la mañana'],
  [new RegExp(String.raw`(?<!\bm[aá]s\s)\b(?:(?:bien|muy)\s+)?tempran(?:o|ito)\s+(?:el\s+|este\s+|para\s+el\s+)?(${ES_DAYS})\b(?!\s*(?:en|por|de)\s+la\s+mañana)`, 'g'), '$1 por la mañana'],
  // A part of the day said fondly ("en la tardecita", "en la mañanita", "la nochecita"): that part of the day.
  [/\btardecitas?\b/g, 'tarde'],
  [/\bmañanitas?\b/g, 'mañana'],
  [/\bnochecitas?\b/g, 'noche'],
  // "pa" is "para" said short ("pa la otra semana"), and a part of the day said in English in a
  // Spanish sentence ("el martes in the morning") is the same part of the day.
  [/\bpa\b/g, 'para'],
  [/\b(?:in\s+the\s+|in\s+)?mornings?\b/g, 'por la mañana'],
  [/\b(?:in\s+the\s+)?afternoons?\b/g, 'por la tarde'],
  [/\b(?:in\s+the\s+)?evenings?\b/g, 'por la noche'],
  // Text shorthand: "la semana q viene", "la prox semana" (the recognizer reads the bare "semana" as this week).
  [/\bq\b/g, 'que'],
  [/\bprox\b\.?/g, 'próxima'],
  // "la semana que viene", "la otra semana", "la siguiente semana" are next week (the recognizer
  // reads the first as the rest of the month).
  [/\b(?:la\s+)?(?:semana\s+que\s+viene|otra\s+semana|siguiente\s+semana|semana\s+siguiente(?!\s+a\s+la))\b/g, 'la próxima semana'],
  // "la próxima semana, like el martes": the day of that week ("el martes de la próxima semana"); a day
  // said after the week with a word or two between was read as the whole week.
  [/\b(?:para\s+)?la\s+próxima\s+semana[\s?,.!]+(?:(?:like|como|tipo|o\s+sea|digamos|pues)[\s,]+)?(el\s+(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo))\b/g, '$1 de la próxima semana'],
  // A clock time said loosely ("a eso de las 4", "por ahí de las 4", "tipo 4", "como las 4ish") is "a las 4".
  [/\b(\d{1,2})\s*-?\s*ish\b/g, (_m, hour) => hour!],
  [new RegExp(`\\b(?:como\\s+)?(?:a\\s+eso\\s+de|por\\s+ah[ií]\\s+de|alrededor\\s+de|tipo|como\\s+a|como)\\s+(?:las?\\s+)?(\\d{1,2})(?![\\d:])${NO_ES_COUNT}`, 'g'), (_m, hour) => `a las ${hour}`],
  // "a las 4" without a part of the day is a clinic's hour: 1 to 7 is the afternoon (it was read as 4 a.m.).
  [/\b(a|para|tipo|como\s+a|despues\s+de|después\s+de|antes\s+de)\s+las?\s+(\d{1,2})(?![\d:]|\s*(?:a\.?\s?m|p\.?\s?m|hrs|horas|de\s+la|del|en\s+la|por\s+la))/g, (_m, word, hour) => `${word} las ${hour}${Number(hour) >= 1 && Number(hour) <= 7 ? ' pm' : ''}`],
];

/**
 * How long something has lasted, in a reason ("hes been crying all night", "since this morning",
 * "tiene fiebre desde anoche", "tosió toda la noche"): never a preferred time, in either language
 * (members mix them), so taken out before any other reading. "All morning" / "toda la tarde" are
 * left: "I'm free all afternoon" is a preferred time.
 */
const DAY_NAMES = String.raw`monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo`;
const PARTS = String.raw`morning|afternoon|evening|night`;
const PARTES = String.raw`ma[nñ]ana|tarde|noche`;
const LASTED: Rewrite[] = [
  [/\b(?:all|the\s+whole|whole|the\s+entire|entire)\s+(?:night|day)(?:\s+long)?\b|\b(?:last|all)\s+night\b|\bovernight\b/g, ' '],
  [new RegExp(String.raw`\bsince\s+(?:(?:this|last|yesterday|early|late)\s+)?(?:${PARTS}|yesterday|today|tonight|${DAY_NAMES})\b`, 'g'), ' '],
  [/\b(?:toda\s+la\s+noche|todo\s+el\s+d[ií]a)\b|\banoche\b/g, ' '],
  [new RegExp(String.raw`\bdesde\s+(?:anoche|ayer|antier|anteayer|hoy|esta\s+(?:${PARTES}))\b(?:\s+(?:en|por)\s+la\s+(?:${PARTES}))?`, 'g'), ' '],
];

export function writeOutTimeWords(text: string, locale: Locale): string {
  let out = text.toLowerCase();
  for (const [pattern, replacement] of LASTED) out = out.replace(pattern, replacement as string);
  for (const [pattern, replacement] of locale === 'es' ? ES : EN) {
    out = typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  }
  return out;
}
