import type { TurnContext } from 'botbuilder';
import type { Prescription } from '../../services/pharmacy/prescriptionLookup';
import type { DialogKit } from '../common/kit';
import { fold } from '../common/text';
import { prescriptionList } from './describe';

/** "the app says pending", "sigue pendiente": what the member sees elsewhere is pending. */
export const saysPending = (text: string | undefined): boolean => !!text && /\b(pending|pendientes?)\b/.test(fold(text));

/**
 * None of the member's prescriptions is waiting on anything, yet they see one pending: what this
 * chat sees (each prescription's status), that none is waiting, and that the app or the member site
 * can lag, with the pharmacy's line if it still says pending (newcomer run v20: the one line
 * "None of your prescriptions is waiting on anything" showed them nothing). `listed`: the status
 * list was already asked for (only the lag is added to it).
 */
export function nothingWaiting(kit: DialogKit, context: TurnContext, list: readonly Prescription[], listed = false): string[] {
  const { number, hours } = kit.profile.phone('pharmacy', kit.locale(context));
  const lag = kit.text(context, 'refill.live.appLag', { number, hours });
  const shown = [kit.text(context, 'refill.live.listIntro'), prescriptionList(kit, context, list)];
  return listed ? [...shown, lag] : [...shown, kit.text(context, 'refill.live.nothingPending'), lag];
}
