import type { TurnContext } from 'botbuilder';
import type { PiiCategory } from '../common/redaction';
import type { TurnInfo } from '../dialogs/turn';
import type { Locale, TriageCheck, TriageResult } from '../intents/types';
import { copyOf } from '../intents/triage/memo';

const TURN_FACTS = Symbol('pipeline.turnFacts');

/**
 * What the turn knows about the member's message, in one object per turn, each fact computed once
 * and read by every step that needs it:
 *
 * - the channel and the raw text, as the member wrote it;
 * - the safety triage of that text (and of any later form of it: the masked or normalized text
 *   the recognizer reads), memoized by text. The per-conversation rate limit, the freshness
 *   notice, the triage gate (step 1) and the recognizer all read it here, so the triage runs once
 *   per text per turn, and all of them agree on what is urgent;
 * - what the steps found in this run of the turn: the text was cut, secrets were masked, what the
 *   message means and the language to answer in (`understood`).
 *
 * The triage memo lives as long as the turn, a re-run after a state conflict included (the text is
 * restored, the answer is the same); `beginRun` clears what the steps found, which depends on the
 * conversation's state.
 */
export class TurnFacts implements TriageCheck {
  readonly channelId: string;
  /** The message as the member wrote it, before truncation, masking and normalization. */
  readonly rawText: string;
  /** The message was cut to MAX_MESSAGE_CHARS (the member is told once the language is known). */
  truncated = false;
  /** What secret masking replaced in the text (the member is warned). */
  masked: readonly PiiCategory[] = [];
  /** What the message means and the language to answer in (after the understanding step). */
  understood: TurnInfo | undefined;
  private readonly triaged = new Map<string, TriageResult>();

  constructor(
    private readonly check: TriageCheck,
    activity: { channelId?: string; text?: string },
  ) {
    this.channelId = activity.channelId ?? '';
    this.rawText = typeof activity.text === 'string' ? activity.text : '';
  }

  /** The language of this turn's answers, once the message is understood. */
  get locale(): Locale | undefined {
    return this.understood?.locale;
  }

  /**
   * The safety triage of `text` (by default the raw text), run once per text in this turn. Each
   * caller gets its own copy (steps add to what they read). A triage that throws remembers nothing.
   */
  triage(text: string = this.rawText): TriageResult {
    let result = this.triaged.get(text);
    if (!result) {
      result = this.check.triage(text);
      this.triaged.set(text, result);
    }
    return copyOf(result);
  }

  /** A new run of the turn's steps (the first, or a re-run on fresh state): nothing found yet. */
  beginRun(): void {
    this.truncated = false;
    this.masked = [];
    this.understood = undefined;
  }
}

/** Gives each turn its one facts object (made on first use, kept in the turn state). */
export class TurnFactsSource {
  constructor(private readonly check: TriageCheck) {}

  of(context: TurnContext): TurnFacts {
    let facts = context.turnState.get(TURN_FACTS) as TurnFacts | undefined;
    if (!facts) {
      facts = new TurnFacts(this.check, context.activity);
      context.turnState.set(TURN_FACTS, facts);
    }
    return facts;
  }
}
