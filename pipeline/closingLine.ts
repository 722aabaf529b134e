import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { TriageResponder } from '../dialogs/triage';
import type { Locale } from '../intents/types';
import type { CareMemory } from './careFollowUp';
import type { UrgentMemory } from './urgentWindow';

type ClosingKind = Parameters<TriageResponder['closingLine']>[0];
const ABUSE_LINES: ReadonlySet<string> = new Set(['dv', 'sexual', 'child', 'elder']);

/**
 * A closing ("no, gracias", "forget it ill just call", "bye") in a conversation that had a crisis,
 * an abuse or a mental-health answer ends with one short line that the number is there any time
 * (988, or the hotline given), in the member's language (newcomer run v17, X10 and X11: a plain
 * goodbye left it out). Emergencies and Poison Control have no such line: their call is made.
 */
export class ClosingLine {
  constructor(
    private readonly urgent: { last(context: TurnContext): Promise<Pick<UrgentMemory, 'intent' | 'kind' | 'watched'> | undefined> },
    private readonly care: Pick<StatePropertyAccessor<CareMemory | undefined>, 'get'>,
    private readonly responder: Pick<TriageResponder, 'closingLine'>,
  ) {}

  /** The line for this conversation, if any. */
  async line(context: TurnContext, locale: Locale): Promise<string | undefined> {
    const kept = await this.urgent.last(context);
    // Each disclosure keeps its own line (RAINN, Childhelp, the Eldercare Locator), not 911 alone.
    if (kept?.intent === 'abuse') return this.responder.closingLine(ABUSE_LINES.has(kept.kind) ? (kept.kind as ClosingKind) : 'abuse', locale, kept.watched);
    if (kept?.kind === 'crisis') return this.responder.closingLine('crisis', locale);
    const care = await this.care.get(context);
    return care?.intent === 'mental_health' ? this.responder.closingLine('crisis', locale) : undefined;
  }
}
