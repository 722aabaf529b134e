import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { ResponseCatalog } from '../common/responses';
import { fold } from '../dialogs/common/text';
import type { ConversationMemory } from '../dialogs/memory';
import type { Locale } from '../intents/types';
import type { PortalProfile } from '../services/portal/profile';
import { profileOf } from '../channels/capabilities';
import { optOutRequest } from './optOutRequest';
import type { ReplySender } from '../channels/replySender';

/**
 * Step 3 on SMS: the keywords US text-messaging programs must honour (CTIA Messaging Principles
 * and Best Practices; FCC TCPA opt-out rules). A keyword is the whole message, any case.
 *
 * - Opt-out (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT, and Spanish ALTO,
 *   PARAR, PARA, BASTA, CANCELAR, BAJA, or a request in a few words: pipeline/optOutRequest.ts):
 *   one confirmation, then nothing more until the member opts back in.
 *   A bare "CANCEL" on SMS is an opt-out, not "cancel this topic": carriers and Twilio treat it
 *   so and block later messages anyway; on SMS the assistant says "never mind" to stop a topic.
 * - Opt-in (START, UNSTOP, and YES / COMENZAR while opted out): confirmation, messages resume.
 * - HELP, INFO, AYUDA: who we are, how to get help, how to stop.
 *
 * The opt-out lives in user state (per phone number). The emergency check runs before this gate,
 * so a member who opted out and then writes about an emergency still gets the emergency answer:
 * a member-initiated safety message, which the opt-out does not cover.
 */

export type SmsKeyword = 'stop' | 'start' | 'help';

const KEYWORDS: Record<string, { kind: SmsKeyword; locale?: Locale; onlyWhenOptedOut?: boolean }> = {
  stop: { kind: 'stop' },
  stopall: { kind: 'stop' },
  unsubscribe: { kind: 'stop' },
  cancel: { kind: 'stop' },
  end: { kind: 'stop' },
  quit: { kind: 'stop' },
  revoke: { kind: 'stop' },
  optout: { kind: 'stop' },
  'opt out': { kind: 'stop' },
  alto: { kind: 'stop', locale: 'es' },
  parar: { kind: 'stop', locale: 'es' },
  cancelar: { kind: 'stop', locale: 'es' },
  baja: { kind: 'stop', locale: 'es' },
  // "PARA" and "BASTA" alone are how Spanish speakers say STOP (the newcomer run, SB11).
  para: { kind: 'stop', locale: 'es' },
  basta: { kind: 'stop', locale: 'es' },
  start: { kind: 'start' },
  unstop: { kind: 'start' },
  yes: { kind: 'start', onlyWhenOptedOut: true },
  comenzar: { kind: 'start', locale: 'es' },
  help: { kind: 'help' },
  info: { kind: 'help' },
  ayuda: { kind: 'help', locale: 'es' },
};

/** The opt-out keywords and their language, for requests in a few words (pipeline/optOutRequest.ts). */
const OPT_OUT_KEYWORDS: ReadonlyMap<string, Locale | undefined> = new Map(
  Object.entries(KEYWORDS)
    .filter(([word, entry]) => entry.kind === 'stop' && !word.includes(' '))
    .map(([word, entry]) => [word, entry.locale]),
);

export function smsKeyword(text: string, optedOut: boolean): { kind: SmsKeyword; locale?: Locale } | null {
  const folded = fold(text);
  const request = KEYWORDS[folded] ? null : optOutRequest(folded, OPT_OUT_KEYWORDS, optedOut);
  const entry = KEYWORDS[folded] ?? (request ? { kind: 'stop' as const, ...request } : null);
  if (!entry || (entry.onlyWhenOptedOut && !optedOut)) return null;
  return entry;
}

export class SmsKeywordGate {
  constructor(
    private readonly deps: {
      sender: ReplySender;
      catalog: ResponseCatalog;
      profile: PortalProfile;
      memory: ConversationMemory;
      optedOut: StatePropertyAccessor<boolean>;
      endDialogs: (context: TurnContext) => Promise<void>;
    },
  ) {}

  /**
   * The member has opted out and this message only says so again ("i said stop", "STOP!!",
   * "dejen de escribirme"): the safety triage leaves it to this gate, which stays silent.
   */
  async repeatsOptOut(context: TurnContext): Promise<boolean> {
    if (!profileOf(context.activity.channelId).carrierKeywords) return false;
    if (!(await this.deps.optedOut.get(context, false))) return false;
    return smsKeyword(context.activity.text ?? '', true)?.kind === 'stop';
  }

  /** True when the message was an SMS keyword, or the member has opted out: the turn ends here. */
  async handle(context: TurnContext): Promise<boolean> {
    if (!profileOf(context.activity.channelId).carrierKeywords) return false;
    const optedOut = await this.deps.optedOut.get(context, false);
    const keyword = smsKeyword(context.activity.text ?? '', optedOut);
    const locale = keyword?.locale ?? (await this.deps.memory.locale(context)) ?? 'en';
    switch (keyword?.kind) {
      case 'stop':
        if (optedOut) return true; // one confirmation only
        await this.deps.optedOut.set(context, true);
        await this.deps.endDialogs(context);
        await this.reply(context, 'sms.stop', locale);
        return true;
      case 'start':
        await this.deps.optedOut.set(context, false);
        await this.reply(context, 'sms.start', locale);
        return true;
      case 'help':
        // HELP is answered after an opt-out too (CTIA): it sends nothing else and opts nobody back in.
        await this.reply(context, 'sms.help', locale, true);
        return true;
      default:
        return optedOut;
    }
  }

  private async reply(context: TurnContext, key: string, locale: Locale, aside = false): Promise<void> {
    const { catalog, profile, sender } = this.deps;
    const text = catalog.text(locale, key, { planName: profile.planName, number: profile.phones.memberServices.number });
    await sender.send(context, { text }, locale, { keepOfferedChoices: aside });
  }
}
