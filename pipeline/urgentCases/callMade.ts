import { startThisTurn } from '../../dialogs/common/runningTask';
import { fold } from '../../dialogs/common/text';
import { asksCoverage, asksToGo } from '../followUpReading';
import { taskAsked } from '../taskAfterSafety';
import { onTheWayAfter } from '../urgentWindow';
import type { UrgentCase } from './urgentCase';

/**
 * "they took her. can u cancel the appt": help came after 911 or Poison Control; a short wish,
 * then the task asked for goes on (never "call 911 now" before it). After 988 or a hotline,
 * help that came is a call made.
 */
export const helpCame: UrgentCase = {
  name: 'helpCame',
  async answer({ context, kept, turn, locale, reading, own, clause }, { window, reply, tasks }) {
    if (reading !== 'handled' || !onTheWayAfter(kept)) return undefined;
    await window.answered(context, kept, 0);
    await reply.give(context, kept, locale, 'handled');
    return !tasks.goOn(context, kept, turn, own.taskWord === true, clause);
  },
};

/**
 * "I already called them", "ok ya llamé. lo de la cita de mi mamá porfa": the call acknowledged
 * (no "call now" again), the window ends, then the task asked for.
 */
export const called: UrgentCase = {
  name: 'called',
  async answer({ context, kept, turn, locale, reading, own, text, clause }, { window, reply, tasks }) {
    if (reading !== 'called' && reading !== 'handled') return undefined;
    // While the call is still going on ("calling them now", "on hold"), the next message is read
    // in the emergency's light ("shes starting to throw up now": worse after a poisoning, newcomer
    // run v23, W09); a call made ("ya llamé, dicen que está bien") or help that came leaves nothing.
    await window.answered(context, kept, reading === 'called' && onTheWayAfter(kept) && CALLING_NOW.test(fold(text)) ? 1 : 0);
    await reply.give(context, kept, locale, 'called');
    // "ya llamé, me dicen que lo lleve a urgencias. mi seguro lo cubre?": the coverage was answered
    // with it (pipeline/urgentReply.ts), never the billing menu after.
    if (onTheWayAfter(kept) && asksCoverage(text)) return true;
    // "calling them now. do i need to bring her to the er after": the question was the answer's; "er" names no task (v23 W09).
    if (asksToGo(text) && own.taskWord !== true && !clause) return true;
    // "ok called them, they said just watch her. can i get her in w her dr tmrw": the visit one clause asks for goes on after (v16 X13).
    return !tasks.goOn(context, kept, turn, own.taskWord === true, clause);
  },
};

/**
 * "my wife is driving me to the er now", "me lleva mi esposo a urgencias": already on the way
 * after 911 or Poison Control: acknowledged (an ambulance if it gets worse on the way), never
 * "call 911 now" again nor the generic safety line; a task named with it goes on after.
 */
export const onTheWay: UrgentCase = {
  name: 'onTheWay',
  async answer(now, { window, reply }) {
    const { context, kept, turn, locale, reading, own, clause } = now;
    // "lo llevo al hospital o espero?" asks; it is not on the way (newcomer run v23, X10: "vaya ahora").
    if (reading !== 'onTheWay' || !onTheWayAfter(kept) || asksToGo(now.text)) return undefined;
    await window.answered(context, kept, 0);
    await reply.give(context, kept, locale, 'onTheWay');
    if (asksCoverage(now.text)) return true;
    // A visit only one clause asks for ("on our way to the er. can we book a follow up with her doctor"): started from that clause.
    if (clause) {
      startThisTurn(context, { intent: clause.intent, text: clause.text, answers: {} });
      return false;
    }
    return taskAsked(turn, own.taskWord === true, kept.task?.intent) === null;
  },
};

/** A call still going on, not one made (folded text). */
const CALLING_NOW = /\b(?:calling (?:them|it|poison control|911|now)|on (?:the phone|the line|hold) with|on hold|still waiting for them|llamando|estoy hablando con|me tienen en espera|en espera)\b/;
