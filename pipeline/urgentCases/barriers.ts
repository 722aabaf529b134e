import { aloneWithoutRide, asksCoverage, calmerAfterCrisis, patientIn } from '../followUpReading';
import { onTheWayAfter } from '../urgentWindow';
import { withTask, type UrgentCase } from './urgentCase';

/**
 * "no tengo carro y estoy sola", "nobody can drive me, im home alone" after a 911 answer: a reason
 * the member thinks they cannot get there, never a mood (newcomer run v16, W12: the triage heard
 * loneliness in it, and a mental-health visit with 988 came after the one-line reminder). 911
 * comes to them, no car needed: call now, unlock the door. Alone, the member is the patient (a
 * later "ya llamé" is answered so), unless someone else was named.
 */
export const alone: UrgentCase = {
  name: 'alone',
  async answer({ context, kept, locale, text }, { window, reply }) {
    if (kept.intent !== 'emergency' || kept.kind !== 'medical' || !aloneWithoutRide(text)) return undefined;
    const who = patientIn(text);
    if (who === 'other') kept.patient = 'other';
    else kept.patient ??= 'self';
    await window.save(context, kept);
    await reply.give(context, kept, locale, kept.last === 'alone' ? 'still' : 'alone');
    return true;
  },
};

/**
 * After a crisis answer, a calmer word that takes it back ("im not gonna do anything, just tired
 * of all of it", "no voy a hacer nada, solo estoy cansada de todo"): heard, in a few words, with
 * 988 kept and a person offered, never the crisis script again word for word (v16, W07).
 */
export const calmer: UrgentCase = {
  name: 'calmer',
  async answer(now, { reply }) {
    const { context, kept, locale, text } = now;
    // A task asked for with it ("im not gonna do anything, i just need my meds. can the pharmacy give
    // me a few to hold me over?"): the task goes on with the line first (goesOn), not 988 alone (v22, W05).
    if (kept.intent !== 'emergency' || kept.kind !== 'crisis' || !calmerAfterCrisis(text) || withTask(now)) return undefined;
    await reply.give(context, kept, locale, kept.last === 'calmer' ? 'ack' : 'calmer');
    return true;
  },
};

/**
 * "will my insurance cover the ambulance?", "cuánto cuesta la sala de emergencias?" after 911 or
 * Poison Control: one line (emergency care is covered in or out of network; the bill can wait),
 * with the call still first, never a billing menu (v16, Z12).
 */
export const coverage: UrgentCase = {
  name: 'coverage',
  async answer({ context, kept, locale, text }, { reply }) {
    if (!onTheWayAfter(kept) || !asksCoverage(text)) return undefined;
    await reply.give(context, kept, locale, kept.last === 'coverage' ? 'still' : 'coverage');
    return true;
  },
};
