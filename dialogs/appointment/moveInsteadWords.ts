import { fold } from '../common/text';

/**
 * Words that ask to move a visit, said while it is being cancelled ("move it to friday instead",
 * "mejor cámbiala para otro día", "can we do another day"): plain reading, in English and Spanish,
 * folded (no accents). The verb or "another day/time" is enough, since the visit is already in hand.
 */
const MOVE = [
  /\b(?:move|moving|reschedul\w*|rebook\w*|postpone|push (?:it|that)|bump (?:it|that)|shift (?:it|that))\b/,
  /\b(?:change|switch) (?:it|that|the (?:day|time|date))\b/,
  /\b(?:another|a different|other|a later|an earlier|some other) (?:day|time|date|week)\b/,
  /\b(?:cambiala|cambiela|cambiarla|cambialo|cambiarlo|muevela|muevala|moverla|mueve|muevan|reprogram\w*|reagend\w*|pasala|pasela|pasarla|posponla|pospongala|posponerla|aplazala|aplazarla)\b/,
  /\b(?:la|lo|me la|se la) (?:cambio|cambiamos|cambian|muevo|movemos|paso|pasamos|reprogramo|reagendo|recorro|recorremos)\b/,
  // "¿la puedo pasar a la mañana?", "la podemos cambiar para el viernes" (newcomer run v22, Z08)
  /\b(?:la|lo|me la|se la) (?:puedo|podemos|pueden|puede|podria|podrian|quiero|quisiera) (?:pasar|cambiar|mover|reprogramar|reagendar|recorrer|adelantar|atrasar)\b/,
  /\b(?:recorrerla|recorrela|recorrala|adelantarla|adelantala|atrasarla)\b/,
  /\b(?:otro dia|otra fecha|otra hora|otro horario|otra semana|otro momento)\b/,
];
/** A plain yes with the words ("yes cancel it, I'll reschedule later"): the cancel goes on. */
const YES = /^(?:yes|yeah|yep|si|ok|okay|sure|claro)\b/;

export function movesInstead(text: string): boolean {
  const folded = fold(text).trim();
  return !YES.test(folded) && MOVE.some((words) => words.test(folded));
}

/** A reply that starts with a plain yes ("yes cancel it, ill book in person later"): the cancel goes on. */
export function startsWithYes(text: string): boolean {
  return YES.test(fold(text).trim());
}
