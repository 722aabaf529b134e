import type { TurnContext } from 'botbuilder';
import { maskSensitive } from '../common/redaction';
import { scrubSecrets } from '../common/redaction/secrets';
import type { ConversationMemory } from '../dialogs/memory';
import type { Locale } from '../intents/types';
import type { ResponseCatalog } from '../common/responses';
import type { ReplySender } from '../channels/replySender';
import type { TurnFacts } from './turnFacts';

/**
 * Step 2: a password, SSN or card number typed into the chat is masked on the activity itself,
 * right after the emergency check, so nothing downstream (recognizer, dialog state, logs,
 * transcripts written after this point) keeps it. The member is told not to share it (after the
 * SMS opt-out gate, so an opted-out number gets no message). Other personal details (an Rx
 * number, a phone number) stay in the turn for the dialogs and are redacted wherever text leaves
 * it (redactText: cloud recognizers, transcripts, escalation summaries).
 *
 * While the assistant is helping with signing in — the sign-in help topic is in progress, its last
 * answer told the member to sign in (ConversationMemory.noteSignInAsked), or a one-time code is
 * awaited — a message that is one lone password-like token ("CorrectHorse9": letters with digits
 * or symbols) is taken for a password too. Ordinary answers (yes, a name, a date, a sentence)
 * never look like one; an Rx number typed while a sign-in is merely pending is not in such a moment.
 */
export class SecretMasking {
  constructor(
    private readonly deps: {
      memory: ConversationMemory;
      sender: ReplySender;
      catalog: ResponseCatalog;
      /** A one-time code sent to the member is awaited. */
      codeAwaited?: (context: TurnContext) => Promise<boolean>;
    },
  ) {}

  /** What was masked is noted in the turn's facts (`masked`). */
  async mask(context: TurnContext, facts: TurnFacts): Promise<boolean> {
    const activity = context.activity;
    if (!activity.text) return false;
    const scan = maskSensitive(activity.text, { signInContext: await this.signingIn(context) });
    if (!scan.secrets.length) return false;
    activity.text = scan.text;
    if (activity.value !== undefined) activity.value = scrubSecrets(activity.value, scan.secrets);
    if (activity.channelData !== undefined) activity.channelData = scrubSecrets(activity.channelData, scan.secrets);
    facts.masked = scan.categories;
    return true;
  }

  private async signingIn(context: TurnContext): Promise<boolean> {
    // Read (and cleared) on every message: it concerns the one message after the sign-in answer.
    const asked = await this.deps.memory.takeSignInAsked(context);
    if (asked || (await this.deps.memory.topic(context))?.intent === 'password_reset') return true;
    return (await this.deps.codeAwaited?.(context)) ?? false;
  }

  async warnIfMasked(context: TurnContext, facts: TurnFacts, locale: Locale): Promise<void> {
    const categories = facts.masked;
    if (!categories.length) return;
    const keys = [
      ...(categories.includes('password') ? ['common.secretWarning'] : []),
      ...(categories.some((c) => c !== 'password') ? ['common.sensitiveWarning'] : []),
    ];
    await this.deps.sender.send(context, { text: keys.map((key) => this.deps.catalog.text(locale, key)).join(' ') }, locale);
  }
}
