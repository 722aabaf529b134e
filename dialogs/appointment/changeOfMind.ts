import { fold } from '../common/text';

/**
 * A change of mind about a visit, said while moving or cancelling it (or right after the answer
 * about it): plain reading of the member's words, in English and Spanish, folded (no accents).
 *
 * - keep: the visit stays as it is ("actually no keep it", "no, mejor déjala", "never mind I'll keep
 *   my appointment", "don't cancel it").
 * - cancel: while moving a visit, cancel that visit ("actually just cancel it", "mejor cancélala",
 *   "cancel"), not the move ("cancel the reschedule" and "stop" / "never mind" stop the task).
 */
const KEEP = [
  /\bkeep(?:ing)? (?:it|that|this|them|the (?:appointment|appt|visit|one)|my (?:appointment|appt|visit))\b(?!\s+(?:at|on|with|for|same|but))/,
  /\bleave (?:it|the (?:appointment|appt|visit)|my (?:appointment|appt|visit))\b/,
  /\b(?:dont|do not|don t|not) (?:cancel|move|change|reschedule)\b/,
  /\b(?:dejala|dejela|dejarla|dejemosla|la dejo|la dejamos|mantenla|mantengala|mantenerla|la mantengo|la conservo|conservarla|me quedo con (?:ella|la cita|esa))\b/,
  /\bno (?:la )?(?:cancele|canceles|cancelen|cancelar|cambie|cambies|muevas|mueva)\b/,
  /\bmejor (?:asi|como esta|no)\b/,
];
const CANCEL = /\b(?:cancel|cancell?ed|cancell?ing|cancela|cancelala|cancelarla|cancelela|cancelar|canceles|cancele|anula|anulala|anular|anularla)\b/;
/** "cancel the reschedule", "cancela el cambio": the move itself is what is dropped. */
const THE_MOVE = /\b(?:move|moving|reschedul\w*|the change|change it|cambio|cambiar|cambiarla|mover|moverla|reprogramar)\b/;

export function keepsVisit(text: string): boolean {
  const folded = fold(text);
  return KEEP.some((words) => words.test(folded));
}

export function cancelsVisit(text: string): boolean {
  const folded = fold(text);
  return CANCEL.test(folded) && !THE_MOVE.test(folded) && !keepsVisit(text);
}
