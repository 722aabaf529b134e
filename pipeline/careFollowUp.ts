import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { TriageResponder } from '../dialogs/triage';
import { fold } from '../dialogs/common/text';
import { turnTriage, type TurnInfo } from '../dialogs/turn';
import type { TriageMatch } from '../intents/types';
import type { CareCostWords } from '../dialogs/careCost';

/** What is kept after a mental-health or symptoms answer (ids only, never member text). */
export interface CareMemory {
  intent: 'mental_health' | 'symptoms';
  /** When it was answered (ms). */
  at: number;
  /** Member messages that are still read in its light. */
  left: number;
}

export interface CareFollowUpSettings {
  messages: number;
  withinMs: number;
}

export const DEFAULT_CARE_FOLLOW_UP: CareFollowUpSettings = { messages: 2, withinMs: 30 * 60_000 };

/**
 * Not wanting to, or not being able to, phone or talk to someone ("I don't want to call anyone",
 * "can I just text", "no quiero hablar con nadie por teléfono", "prefiero escribir"). Folded text
 * (lower case, no accents or apostrophes).
 */
const NO_PHONE: readonly RegExp[] = [
  // English: a no right before calling ("I'd rather not phone anybody", "I can't do calls")…
  /\b(dont|do not|didnt|wont|cant|cannot|rather not|never|not|hate to|hate)( really| even| just)?( want to| wanna| like to| feel like| going to| gonna| able to| to| be)?( do| make| take| handle)? (call|calls|calling|phone|phoning|ring|dial)\b/,
  // …or right before talking to someone, or on the phone ("I don't want to talk to anyone")
  /\b(dont|do not|wont|cant|cannot|rather not|never|not|hate to|hate)( really| even| just)?( want to| wanna| like to| feel like| going to| gonna| able to| to)? (talk|talking|speak|speaking)( to| with)? (anyone|anybody|someone|somebody|a person|people|nobody|no one|on the phone|by phone|over the phone)\b/,
  /\b(instead of|without|other than) (calling|a call|a phone|the phone|phoning|talking to)\b/,
  /\b(text|chat|message|write|type)( \w+)? instead\b/,
  /\b(can|could|may) i (just |only )?(text|chat|message|write|type)\b/,
  /\bprefer (to )?(text|chat|message|write|type|texting|chatting|messaging|writing)\b/,
  /\b(phone|calls|calling) (scares|scare|make me|makes me|is hard|are hard|is too hard)\b/,
  // Spanish: a no right before calling, or before talking to nobody or by phone
  /\bno( quiero| puedo| me gusta| me animo a| deseo)? (llamar|llamarle|llamarles|marcar|hacer llamadas)\b/,
  /\bno( quiero| puedo| me gusta| me animo a| deseo)? hablar( \w+){0,3} (con nadie|por telefono|por el telefono|al telefono)\b/,
  /\b(sin|en vez de|en lugar de) (llamar|una llamada|hablar por telefono)\b/,
  /\b(puedo|podria|prefiero|mejor|quisiera)( solo| nada mas| solamente)? (escribir|mandar un mensaje|mandar mensajes|textear|chatear|por mensaje|por texto|por chat|enviar un mensaje)\b/,
  /\b(me da miedo|me cuesta|no me gusta) (llamar|hablar por telefono|el telefono)\b/,
];

export function refusesPhone(text: string): boolean {
  const folded = fold(text);
  return !!folded && NO_PHONE.some((re) => re.test(folded));
}

/**
 * After a symptoms answer (the nurse line, an e-visit, 911 if severe), a worry about what the ER,
 * urgent care or an ambulance costs gets its answer (dialogs/careCost.ts), never the billing menu.
 *
 * After a mental-health answer (the behavioral health line, a visit, 988), the member's next
 * messages are read in its light: a reason not to phone ("I don't want to talk to anyone on the
 * phone") gets the ways that need no call (text or chat 988, a video visit, a secure message),
 * never a hand-off to a person with a phone number. Mental health heard again is answered in short
 * (dialogs/triage.ts). Anything else goes on as usual. A message the triage answered itself (a
 * crisis) is left to it.
 */
export class CareFollowUp {
  constructor(
    private readonly memory: StatePropertyAccessor<CareMemory | undefined>,
    private readonly responder: Pick<TriageResponder, 'withoutPhone' | 'careCost'>,
    private readonly clock: () => number,
    /** "i dont want to go to the ER its so expensive" after a symptoms answer. */
    private readonly costWords: Pick<CareCostWords, 'worries'>,
    private readonly settings: CareFollowUpSettings = DEFAULT_CARE_FOLLOW_UP,
  ) {}

  /** After a triage answer: a mental-health or symptoms answer opens the window. */
  async remember(context: TurnContext, match: Pick<TriageMatch, 'intent'>): Promise<void> {
    if (match.intent !== 'mental_health' && match.intent !== 'symptoms') return;
    await this.memory.set(context, { intent: match.intent, at: this.clock(), left: this.settings.messages });
  }

  /** A member message after a mental-health answer; true when it was answered here (the turn ends). */
  async handle(context: TurnContext, turn: TurnInfo): Promise<boolean> {
    const kept = await this.memory.get(context);
    if (!kept || kept.left <= 0 || this.clock() - kept.at > this.settings.withinMs) return false;
    const text = context.activity.text ?? '';
    if (turnTriage(context).answered || !text.trim()) return false;
    // After a symptoms answer, what the ER or urgent care costs is a reason not to go: answered
    // here (never the billing menu). A new symptom the triage answers itself goes on as usual.
    if (kept.intent === 'symptoms') {
      const match = turnTriage(context).match;
      const worry = (!match || match.intent === 'symptoms') && this.costWords.worries(text);
      kept.left = worry ? 0 : kept.left - 1;
      await this.memory.set(context, kept);
      if (!worry) return false;
      await this.responder.careCost(context, turn.locale);
      return true;
    }
    const phoneless = refusesPhone(text);
    kept.left = phoneless ? 0 : kept.left - 1;
    await this.memory.set(context, kept);
    // "I'm not going to hurt myself, just overwhelmed": the triage hears mental health again; the
    // answer is acknowledged in short, never the paragraph word for word.
    if (turnTriage(context).match?.intent === 'mental_health') turnTriage(context).again = true;
    if (!phoneless) return false;
    await this.responder.withoutPhone(context, turn.locale);
    return true;
  }
}
