import type { TurnContext } from 'botbuilder';
import { MASK } from '../../common/redaction';
import type { ResponseCatalog } from '../../common/responses';
import type { ConversationMemory } from '../../dialogs/memory';
import type { Locale } from '../../intents/types';
import { checkCode, looksLikeCode } from '../core/codes';
import type { ReplySender } from '../../channels/replySender';
import type { IdentityCommands } from './commands';
import { commandLocale } from './commandLocale';
import type { Forgetter } from './forget';
import { channelUser, type IdentitySessions } from './sessions';
import { setCodeVerdict } from './verification';

const FORGET_CONFIRM_MS = 5 * 60_000;

export interface IdentityGateDeps {
  sessions: IdentitySessions;
  commands: IdentityCommands;
  forgetter: Forgetter;
  memory: ConversationMemory;
  sender: ReplySender;
  catalog: ResponseCatalog;
  endDialogs: (context: TurnContext) => Promise<void>;
  clock: () => number;
  /**
   * The turn's mental-health or symptom answer (pipeline/triageGate.ts answerAside): a sign-out
   * that closes a longer message ("i've been so down lately. thanks, log me out") gets it first.
   */
  answerAside?: (context: TurnContext) => Promise<void>;
}

/**
 * A step of every member message, after the emergency check, masking and the SMS keywords and
 * before the recognizer (bot/assistantBot.ts), on every channel:
 * - "sign out", also at the end of a longer message ("forget it. sign out"): any dialog in progress
 *   ends, the verified identity is forgotten, a safety answer the message needs comes first;
 * - "forget me", then a yes within five minutes: deletes what is kept about the member (Forgetter);
 * - while a one-time code is awaited, a message that is a code is checked here and replaced by
 *   `********`, so the code never reaches the recognizer, the dialog state or a transcript; the
 *   verdict waits in the turn for the dialog that asked.
 * True when the message was a command and has been answered.
 */
export class IdentityGate {
  constructor(private readonly deps: IdentityGateDeps) {}

  async handle(context: TurnContext): Promise<boolean> {
    const text = context.activity.text ?? '';
    const { commands, sessions, clock } = this.deps;
    const state = await sessions.state(context);

    if (state.forgetUntil) {
      await sessions.update(context, (s) => delete s.forgetUntil);
      const yes = commands.match(text, 'confirmForget');
      if (state.forgetUntil > clock() && yes) {
        // A yes is a short answer: it keeps the language the question was asked in (read before it is forgotten).
        const locale = (await this.deps.memory.locale(context)) ?? yes;
        await this.deps.endDialogs(context);
        await this.deps.forgetter.forget(context);
        await this.say(context, 'identity.forget.done', locale);
        return true;
      }
      if (!commands.match(text, 'forget') && !commands.match(text, 'signOut')) {
        await this.say(context, 'identity.forget.kept', await this.locale(context));
        if (/^\s*(no|nope|no thanks|no gracias|cancel|cancelar)\s*[.!]?\s*$/i.test(text)) return true;
      }
    }

    const signOut = commands.match(text, 'signOut');
    if (signOut) {
      const member = await sessions.end(context, 'signOut');
      await this.deps.endDialogs(context);
      await this.deps.answerAside?.(context);
      await this.say(context, member ? 'identity.signOut.done' : 'identity.signOut.notSignedIn', await this.replyLocale(context, text, signOut));
      return true;
    }
    const forget = commands.match(text, 'forget');
    if (forget) {
      await this.deps.endDialogs(context);
      await sessions.update(context, (s) => (s.forgetUntil = clock() + FORGET_CONFIRM_MS));
      await this.say(context, 'identity.forget.confirm', await this.replyLocale(context, text, forget));
      return true;
    }

    const challenge = state.challenge;
    if (challenge && challenge.user === channelUser(context) && looksLikeCode(text)) {
      context.activity.text = MASK;
      const { verdict, challenge: next } = await checkCode(challenge, text, clock());
      setCodeVerdict(context, verdict);
      if (verdict === 'verified') await sessions.establish(context, challenge.memberId, 'smsCode');
      else if (verdict === 'wrong') await sessions.update(context, (s) => (s.challenge = { ...next, user: challenge.user }));
      else await sessions.update(context, (s) => delete s.challenge);
    }
    return false;
  }

  /** The conversation's language, unless the command is clearly in the other one (then the conversation follows). */
  private async replyLocale(context: TurnContext, text: string, command: Locale): Promise<Locale> {
    const known = await this.deps.memory.locale(context);
    const locale = commandLocale(text, command, known, (l) => this.deps.commands.switchesTo(l));
    if (locale !== known) await this.deps.memory.setLocale(context, locale);
    return locale;
  }

  private async locale(context: TurnContext): Promise<Locale> {
    return (await this.deps.memory.locale(context)) ?? 'en';
  }

  private async say(context: TurnContext, key: string, locale: Locale): Promise<void> {
    await this.deps.sender.send(context, { text: this.deps.catalog.text(locale, key) }, locale);
  }
}
