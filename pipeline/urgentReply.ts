import type { TurnContext } from 'botbuilder';
import type { FollowUpMode, TriageResponder } from '../dialogs/triage';
import type { EmergencyKind, Locale } from '../intents/types';
import { asksCoverage, asksToGo, calledEmergencyServices, toldToGo } from './followUpReading';
import type { UrgentMemory, UrgentWindow } from './urgentWindow';

/**
 * A follow-up after an urgent answer, said (dialogs/triage.ts) and remembered as the window's last
 * one, so that none is said twice in a row.
 */
export class UrgentReply {
  constructor(
    private readonly window: Pick<UrgentWindow, 'save'>,
    private readonly responder: Pick<TriageResponder, 'followUp'>,
  ) {}

  /** A follow-up, remembered as the window's last one. */
  async give(context: TurnContext, kept: UrgentMemory, locale: Locale, mode: FollowUpMode, as?: EmergencyKind): Promise<void> {
    kept.last = mode;
    // Phone safety given: the phone is watched, and what follows never invites texting the hotline.
    if (mode === 'phone' || mode === 'phoneAgain') kept.watched = true;
    // A call to 911 after a Poison Control answer ("ya llamé al 911, vienen en camino"): thanked as
    // the call it was (stay with the person, call again if worse), not as a call to Poison Control,
    // and so is what follows it ("theyre on the way", newcomer run v23, Z07).
    const text = context.activity.text ?? '';
    const to911 = mode === 'called' && kept.intent === 'emergency' && kept.kind === 'poison' && (kept.called911 === true || calledEmergencyServices(text));
    if (to911) kept.called911 = true;
    await this.window.save(context, kept);
    const kind = as ?? (to911 ? 'medical' : kept.kind);
    const emergency = kept.intent === 'emergency' && (kind === 'medical' || kind === 'poison');
    // "ya llamé, me dicen que lo lleve a urgencias": what they were told is backed (go now, 911 if
    // worse on the way), never "watch the person at home". A member who called for themselves is
    // answered as the patient (unlock the door, rest), never "stay with the person".
    // "ok calling them now. do i need to bring her to the er after" (newcomer run v23, W09): a
    // question, answered as one (they will tell you), never "go now, as they told you".
    const said = mode === 'called' && emergency && asksToGo(text) ? 'asksToGo' : mode === 'called' && emergency && toldToGo(text) ? 'toldToGo' : mode === 'called' && kind === 'medical' && kept.patient === 'self' ? 'calledSelf' : mode;
    // "mi seguro lo cubre?" with it: one line (emergency care is covered), never a billing menu.
    const also = emergency && (said === 'toldToGo' || said === 'called' || said === 'calledSelf' || said === 'onTheWay') && asksCoverage(text) ? ['urgentFollowUp.coverage.line'] : [];
    await this.responder.followUp(context, { ...kept, kind, locale }, said, also);
  }
}
