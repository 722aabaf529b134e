import type { ConversationState } from 'botbuilder';
import type { Dialog, DialogState } from 'botbuilder-dialogs';
import type { Logger } from '../../common/logger';
import { BookingRequest } from '../../dialogs/appointment/bookingRequest';
import { BookingWords } from '../../dialogs/bookingWords';
import { CantGetIn } from '../../dialogs/cantGetIn';
import type { DialogKit } from '../../dialogs/common/kit';
import type { Escalation } from '../../dialogs/escalation';
import { RefillDialog } from '../../dialogs/refill/refillDialog';
import { ClinicHoursAnswer } from '../../dialogs/topics/clinicHours';
import { CodeNotArrivingAnswer } from '../../dialogs/topics/codeNotArriving';
import { PharmacyHoursAnswer } from '../../dialogs/topics/pharmacyHours';
import { CONTACT, PASSWORD_RESET, TOPIC_TABLES } from '../../dialogs/topics/tables';
import { TopicDialog } from '../../dialogs/topics/topicDialog';
import { WellnessClassesAnswer } from '../../dialogs/topics/wellnessClasses';
import { DialogRunner } from '../../pipeline/dialogRunner';
import { DIALOG_STATE_PROPERTY } from '../../storage/state/freshness';
import { createAppointmentDialog } from './appointments';
import type { IdentityFeature } from './identity';
import { createMainDialog } from './mainDialog';
import type { ClosingLineOf } from '../../dialogs/main/mainReplies';

interface DialogsDeps {
  kit: DialogKit;
  escalation: Escalation;
  logger: Logger;
  identity: IdentityFeature;
  /** Milliseconds since the epoch ("today" for appointments). */
  clock: () => number;
  conversationState: ConversationState;
  /** A test's routing layer instead of the main dialog and its tasks. */
  mainDialog?: Dialog;
  /** After a crisis, abuse or mental-health answer: the line a closing ends with. */
  closingLine?: ClosingLineOf;
}

interface Dialogs {
  mainDialog: Dialog;
  /** Runs the main dialog each turn, its state in the conversation. */
  dialogs: DialogRunner;
}

/**
 * The main dialog over the task dialogs (appointments, refills, the topic tables with their own
 * answers), and the runner that drives it each turn.
 */
export function createDialogs(deps: DialogsDeps): Dialogs {
  const { kit, escalation, logger, identity, clock, conversationState } = deps;
  const memberAccess = { records: identity.records, verification: identity.verification, oauthConnection: identity.oauthConnection, cantGetIn: CantGetIn.load() };
  // Read by the routing (the same visit asked again; a booking's details) and by the appointment task: loaded once.
  const booking = BookingWords.load();
  const bookingRequest = BookingRequest.load(kit.options);
  const appointments = deps.mainDialog ? null : createAppointmentDialog(kit, { clock: () => new Date(clock()), timeZone: identity.timeZone, ...memberAccess }, booking, bookingRequest);
  const mainDialog =
    deps.mainDialog ??
    createMainDialog(kit, escalation, logger, [
      appointments!,
      new RefillDialog(kit, memberAccess),
      ...TOPIC_TABLES.map(
        (table) =>
          new TopicDialog(
            kit,
            table,
            identity.verification,
            table === CONTACT
              ? {
                  hours: new ClinicHoursAnswer(kit),
                  pharmacyHours: new PharmacyHoursAnswer(kit, identity.records),
                  pharmacyLocation: new PharmacyHoursAnswer(kit, identity.records, 'pharmacyLocation'),
                  wellness: new WellnessClassesAnswer(kit) }
              : table === PASSWORD_RESET
                ? { codeNotArriving: new CodeNotArrivingAnswer(kit) }
                : {},
          ),
      ),
    ], { records: identity.records, booking, bookingRequest, ...(deps.closingLine ? { closingLine: deps.closingLine } : {}), ...(appointments ? { times: appointments.words } : {}) });
  const dialogs = new DialogRunner(conversationState.createProperty<DialogState>(DIALOG_STATE_PROPERTY), mainDialog, (text, question) => kit.options.prefill(text, question));
  return { mainDialog, dialogs };
}
