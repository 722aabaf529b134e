import { asksCoverage } from '../followUpReading';
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
  async answer({ context, kept, turn, locale, reading, own }, { window, reply, tasks }) {
    if (reading !== 'handled' || !onTheWayAfter(kept)) return undefined;
    await window.answered(context, kept, 0);
    await reply.give(context, kept, locale, 'handled');
    return !tasks.goOn(context, kept, turn, own.taskWord === true);
  },
};

/**
 * "I already called them", "ok ya llamé. lo de la cita de mi mamá porfa": the call acknowledged
 * (no "call now" again), the window ends, then the task asked for.
 */
export const called: UrgentCase = {
  name: 'called',
  async answer({ context, kept, turn, locale, reading, own, text }, { window, reply, tasks }) {
    if (reading !== 'called' && reading !== 'handled') return undefined;
    await window.answered(context, kept, 0);
    await reply.give(context, kept, locale, 'called');
    // "ya llamé, me dicen que lo lleve a urgencias. mi seguro lo cubre?": the coverage was answered
    // with it (pipeline/urgentReply.ts), never the billing menu after.
    if (onTheWayAfter(kept) && asksCoverage(text)) return true;
    return !tasks.goOn(context, kept, turn, own.taskWord === true);
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
    const { context, kept, turn, locale, reading, own } = now;
    if (reading !== 'onTheWay' || !onTheWayAfter(kept)) return undefined;
    await window.answered(context, kept, 0);
    await reply.give(context, kept, locale, 'onTheWay');
    if (asksCoverage(now.text)) return true;
    return taskAsked(turn, own.taskWord === true, kept.task?.intent) === null;
  },
};
