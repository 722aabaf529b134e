/**
 * A day or a time of day in the words ("thursday afternoon", "mornings preferably", "en la mañana de
 * preferencia", "tmrw", "hoy", "3pm"), typos of the parts of the day too, over the folded text. Plain
 * data in, plain data out.
 */
const DAY_OR_TIME =
  /\b(today|tonight|tomorrow|tmrw?|tmrow|tomoz|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thu|thurs?|fri|sat|sun|weekend|next (week|wk)|mornings?|mornin|aft\w*noo?ns?|afternon|evenings?|evenin|hoy|manana|mananas|lunes|martes|miercoles|jueves|viernes|sabado|domingo|semana|tarde|tardes|noche)\b|\b\d{1,2} ?(am|pm)\b/;

export function namesDayOrTime(folded: string): boolean {
  return DAY_OR_TIME.test(folded);
}
