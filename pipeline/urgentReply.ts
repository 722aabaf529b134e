import type { TurnContext } from 'botbuilder';
import type { FollowUpMode, TriageResponder } from '../dialogs/triage';
import type { EmergencyKind, Locale } from '../intents/types';
import { calledEmergencyServices } from './followUpReading';
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
    await this.window.save(context, kept);
    // A call to 911 after a Poison Control answer ("ya llamé al 911, vienen en camino"): thanked as
    // the call it was (stay with the person, call again if worse), not as a call to Poison Control.
    const kind = as ?? (mode === 'called' && kept.intent === 'emergency' && kept.kind === 'poison' && calledEmergencyServices(context.activity.text ?? '') ? 'medical' : kept.kind);
    await this.responder.followUp(context, { ...kept, kind, locale }, mode);
  }
}
