import type { TurnContext } from 'botbuilder';
import type { IntentResult, Locale } from '../intents/types';
import type { ReplySender } from '../channels/replySender';
import type { DialogRunner } from './dialogRunner';
import type { IdentityGate } from '../identity/bot/gate';
import type { SecretMasking } from './secretMasking';
import type { SmsKeywordGate } from './smsKeywords';
import type { TextLimit } from './textLimit';
import type { TriageGate } from './triageGate';
import type { TurnFacts } from './turnFacts';
import type { TurnUnderstanding } from './understandTurn';
import type { UrgentFollowUp } from './urgentFollowUp';
import type { CareFollowUp } from './careFollowUp';

/** One step of a member message's pipeline. */
export interface TurnStep {
  /** What the step is, for readers and tests (the safety triage is pinned first). */
  readonly name: string;
  /** True when the turn ends here: the message was answered, or belongs to someone else. */
  run(context: TurnContext, facts: TurnFacts): Promise<boolean | void>;
}

export interface MemberMessageStepDeps {
  triage: TriageGate;
  textLimit?: TextLimit;
  secrets: SecretMasking;
  /** The hand-off's relay (handoff/bot/relay.ts): a member with a person gets the message there; the locale when taken. */
  handoff?: { handle(context: TurnContext): Promise<Locale | null> };
  sender: ReplySender;
  smsKeywords: SmsKeywordGate;
  identityGate?: IdentityGate;
  understanding: TurnUnderstanding;
  /**
   * Welcomes once per conversation (SMS sends no conversationUpdate); true when sent now. `quiet`:
   * the first message carries a safety outcome, so the welcome is left out (never before it).
   */
  welcome: (context: TurnContext, locale: Locale, quiet: boolean) => Promise<boolean>;
  dialogs: DialogRunner;
  /** After an emergency or abuse answer, the next messages in its light. */
  followUp?: UrgentFollowUp;
  /** After a mental-health answer, "I don't want to call anyone" gets the ways without a call. */
  careFollowUp?: CareFollowUp;
}

/**
 * The steps of every member message, in order, over the turn's one facts object. The order is
 * the safety rule: nothing may come before the safety triage that could swallow a message.
 */
export function memberMessageSteps(deps: MemberMessageStepDeps): readonly TurnStep[] {
  const { triage, textLimit, secrets, handoff, sender, smsKeywords, identityGate, understanding, dialogs, followUp, careFollowUp } = deps;
  const understood = (facts: TurnFacts) => {
    if (!facts.understood) throw new Error('the understanding step has not run');
    return facts.understood;
  };
  return [
    // 1. On the raw text (all of it): an emergency or abuse disclosure is answered here.
    { name: 'safetyTriage', run: (context, facts) => triage.handle(context, facts) },
    // Overlong messages are cut (the member is told once the language is known).
    { name: 'textLimit', run: async (context, facts) => textLimit?.truncate(context, facts) },
    // 2. A typed password never goes further.
    { name: 'secretMasking', run: async (context, facts) => void (await secrets.mask(context, facts)) },
    {
      // A person has (or is about to have) the conversation: mental health and symptoms are answered
      // too (the agent sees the answer).
      name: 'handoffRelay',
      run: async (context, facts) => {
        const handedOff = await handoff?.handle(context);
        if (!handedOff) return false;
        await triage.answerAside(context);
        await secrets.warnIfMasked(context, facts, handedOff);
        await textLimit?.noteIfTruncated(context, facts, handedOff);
        return true;
      },
    },
    // 3. "2" → the second choice; card submits → text.
    { name: 'inputNormalization', run: (context) => sender.normalizeInput(context) },
    {
      // 4. STOP / START / HELP, and silence after STOP (but not for a health message).
      name: 'smsKeywords',
      run: async (context) => {
        if (!(await smsKeywords.handle(context))) return false;
        await triage.answerAside(context);
        return true;
      },
    },
    // Sign out, forget me; a typed code is checked and masked.
    { name: 'identityGate', run: async (context) => identityGate?.handle(context) },
    // 5. Intent and language, once per turn (the recognizer reads the turn's triage).
    { name: 'understanding', run: async (context, facts) => void (await understanding.resolve(context, facts)) },
    // The recognizer's own triage outcome, belt and braces.
    { name: 'understoodTriage', run: (context, facts) => triage.handleUnderstood(context, understood(facts)) },
    // After an emergency or abuse answer: "I don't want to go to the ER", "she seems ok" get the number again.
    { name: 'urgentFollowUp', run: async (context, facts) => (followUp ? followUp.handle(context, facts, understood(facts)) : false) },
    // After a mental-health answer: "no quiero hablar con nadie por teléfono" gets text, chat and video.
    { name: 'careFollowUp', run: async (context, facts) => (careFollowUp ? careFollowUp.handle(context, understood(facts)) : false) },
    {
      // 6. Welcome once; then the notes on what was masked or cut.
      name: 'welcome',
      run: async (context, facts) => {
        const turn = understood(facts);
        // A first message with a health or safety outcome: its answer comes first, without the welcome.
        turn.welcomed = await deps.welcome(context, turn.locale, carriesSafety(turn.result));
        await secrets.warnIfMasked(context, facts, turn.locale);
        await textLimit?.noteIfTruncated(context, facts, turn.locale);
      },
    },
    // 7. MainDialog routes, or the dialog in progress continues.
    { name: 'dialogs', run: (context) => dialogs.run(context) },
  ];
}

/** The message's outcome is the triage's (mental health, symptoms) or carries its safety line. */
function carriesSafety(result: IntentResult): boolean {
  return result.intent === 'mental_health' || result.intent === 'symptoms' || !!result.safety;
}

/** Runs the steps in order until one ends the turn. */
export async function runSteps(steps: readonly TurnStep[], context: TurnContext, facts: TurnFacts): Promise<void> {
  facts.beginRun();
  for (const step of steps) if (await step.run(context, facts)) return;
}
