import { resumeThisTurn, startThisTurn } from '../../dialogs/common/runningTask';
import { TASK_INTENTS } from '../../intents/types';
import { asksBack } from '../followUpReading';
import { withTask, type UrgentCase } from './urgentCase';

/** The recognizer's own reading is a task other than the one the urgent answer ended. */
function otherTaskNamed(intent: string, ended: string): boolean {
  return (TASK_INTENTS as readonly string[]).includes(intent) && intent !== ended;
}

/**
 * A task asked for, or mental health or symptoms found by the triage itself ("I am depressed"
 * after a disclosure): the line, then the turn goes on as usual. A message that only leans there
 * ("she seems ok") is answered by the cases after this one.
 */
export const goesOn: UrgentCase = {
  name: 'goesOn',
  async answer(now, { window, reply, visit }) {
    const { context, kept, locale, text, own, asked } = now;
    const task = withTask(now);
    const health = own.match?.intent === 'mental_health' || own.match?.intent === 'symptoms';
    if (!health && !task) return undefined;
    await reply.give(context, kept, locale, 'reminder');
    // The task the crisis answer ended, asked for again ("I just want the appt"): it goes on, with
    // what was asked then and what these words add. Once.
    // A visit asked for after a crisis answer, with no booking it ended ("can i still make an
    // appointment tho, video"): a mental-health visit for the member, in the mode named, said so.
    const visitAsked = kept.kind === 'crisis' && !kept.task && visit ? visit.read(text, asked) : null;
    if (visitAsked) {
      await visit!.announce(context, visitAsked);
      startThisTurn(context, { intent: 'appointment', text, answers: visitAsked });
    } else if (task && kept.task && (kept.task.intent === asked || (asksBack(text) && !otherTaskNamed(now.turn.result.intent, kept.task.intent)))) {
      // Or gone back to in words ("ok gracias. y lo de la cita de mi mama?", whose runner-up reads
      // another task: newcomer run v15, YZ12), unless the recognizer's own reading is another task.
      resumeThisTurn(context, { ...kept.task, text: [kept.task.text, text].filter(Boolean).join(' '), added: text });
      delete kept.task;
      await window.save(context, kept);
    } else if (asked && asked !== now.turn.result.intent) {
      // A task only the runner-up names: started from these words (the routing would read none);
      // a new task, not one gone back to (no "back to …" line: nothing of it was asked, YZ12).
      startThisTurn(context, { intent: asked, text, answers: {} });
    }
    // After a crisis answer or a disclosure, a task the member goes on with is theirs: its answers
    // ("Myself", "1 in person. tmrw") are not met with the crisis script or the disclosure's
    // follow-up again (the window ends; a new sign is still the triage's; v17 X11).
    if (task && (kept.kind === 'crisis' || kept.intent === 'abuse')) {
      delete kept.task;
      await window.answered(context, kept, 0);
    }
    return false;
  },
};
