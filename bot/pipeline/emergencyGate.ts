import type { TurnContext } from 'botbuilder';
import type { EmergencyResponder } from '../../dialogs/emergency';
import { noteOutcome, type TurnInfo } from '../../dialogs/turn';
import type { EmergencyCheck, EmergencyKind } from '../../intents/types';

/**
 * Step 1 of every message: the emergency check on the member's raw text, before anything else can
 * swallow the message (input normalization, SMS keywords, the welcome, any dialog). On a match the
 * responder ends the dialogs and says what to do now, and the turn ends there.
 */
export class EmergencyGate {
  constructor(
    private readonly check: EmergencyCheck,
    private readonly responder: EmergencyResponder,
  ) {}

  /** True when the message was an emergency and has been answered. */
  async handle(context: TurnContext): Promise<boolean> {
    const text = context.activity.text ?? '';
    if (!text.trim()) return false;
    const match = this.check.detect(text);
    if (!match) return false;
    noteOutcome(context, { emergency: match.kind });
    await this.responder.respond(context, match);
    return true;
  }

  /**
   * Belt and braces: the recognizer may also call a message an emergency (its own detector, or a
   * model). Then it is one: when unsure, treat it as an emergency.
   */
  async handleUnderstood(context: TurnContext, turn: TurnInfo): Promise<boolean> {
    if (turn.result.intent !== 'emergency') return false;
    const kind = (turn.result.kind as EmergencyKind | null) ?? 'medical';
    noteOutcome(context, { emergency: kind });
    await this.responder.respond(context, { kind, locale: turn.result.locale, rule: `recognizer:${turn.result.source}` });
    return true;
  }
}
