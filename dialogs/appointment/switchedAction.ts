import { cancelsVisit } from './changeOfMind';
import { movesInstead } from './moveInsteadWords';

/**
 * Right after the answer about cancelling or moving a visit, the member turns to the other one
 * ("y mejor como la cambio para otro dia", "no quiero cancelarla, quiero cambiarla de dia",
 * "actually can i just move it instead" after a cancel; "actually just cancel it", "mejor
 * cancélala" after a move): the action it becomes, or null when the words do not switch it.
 */
export function switchedAction(action: string | undefined, text: string): 'reschedule' | 'cancel' | null {
  if (action === 'cancel' && movesInstead(text)) return 'reschedule';
  if (action === 'reschedule' && cancelsVisit(text)) return 'cancel';
  return null;
}
