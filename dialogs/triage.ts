import type { TurnContext } from 'botbuilder';
import type { Reply } from '../channels/reply';
import type { ReplySender } from '../channels/replySender';
import type { Logger } from '../common/logger';
import type { AssistantMetrics } from '../ops/metrics';
import type { ResponseCatalog } from '../common/responses';
import type { AbuseKind, EmergencyKind, Locale, TriageMatch } from '../intents/types';
import type { PortalProfile } from '../services/portal/profile';
import type { OptionMatcher } from './common/options';
import { familyMention, type FamilyMention } from './familyMention';
import type { CareQuestionWords } from './careQuestion';
import type { LabQuestionWords } from './labQuestion';
import type { LongStandingWords } from './longStanding';
import { crisisAboutOther, youngChild } from './crisisAboutOther';
import { noteOutcome, turnTriage } from './turn';
import { watchedKey } from './watchedPhone';

/** What the responder needs of a triage match (ids only, never member text). */
export type TriageAnswer = Pick<TriageMatch, 'intent' | 'kind' | 'locale' | 'rule'>;

/** What an answer after an urgent one is (pipeline/urgentFollowUp.ts). */
export type FollowUpMode = 'full' | 'reminder' | 'refusal' | 'called' | 'onTheWay' | 'mail' | 'account' | 'privacy' | 'police' | 'goodbye' | 'aside' | 'later' | 'means' | 'safe' | 'ack' | 'still' | 'injury' | 'phone' | 'phoneAgain' | 'handled' | 'danger' | 'worse' | 'alone' | 'toldToGo' | 'asksToGo' | 'calledSelf' | 'calmer' | 'coverage' | 'firstAid';

/**
 * What the assistant says for each safety-triage outcome (DESIGN.md, safety rules 1 and 2). Every
 * number comes from the portal profile (`hotlines`, `phones`); every text from responses/.
 *
 * - emergency (medical 911, crisis 988, poison Poison Control) and abuse (dv, sexual, child,
 *   elder): urgent. Whatever was running ends, the answer goes out at once (never held back by the
 *   turn's state commit), and a person who has the conversation is told (`onUrgent`).
 * - mental_health and symptoms: the way to care (behavioral-health line and a mental-health visit,
 *   with 988; the nurse line, an e-visit or a same-day visit, with "if it becomes severe, 911").
 *   The dialogs decide whether it interrupts a question or is only a line beside its answer.
 * - the safety net (the triage is unsure, or a message carries a signal): one line with 911, 988
 *   and the nurse line, before anything else the assistant says.
 */
export class TriageResponder {
  constructor(
    private readonly deps: {
      sender: ReplySender;
      catalog: ResponseCatalog;
      profile: PortalProfile;
      options: OptionMatcher;
      logger: Logger;
      /** Ends every dialog in progress, so the next message is routed fresh. */
      endDialogs: (context: TurnContext) => Promise<void>;
      metrics?: Pick<AssistantMetrics, 'emergency' | 'triage'>;
      /**
       * Told after an answer is out (the hand-off: an agent who has, or is about to have, the
       * conversation sees the message, an alert for urgent ones, and the answer). A failure here
       * is logged; it never holds back or undoes the answer.
       */
      onAnswered?: (context: TurnContext, match: TriageAnswer, answer: Reply) => Promise<void>;
      /**
       * A question about one's own lab value ("my ldl says 190 is that bad"), which the triage reads
       * as symptoms: answered with the results page, the care team and the nurse line instead.
       */
      labQuestion?: Pick<LabQuestionWords, 'asks'>;
      /** A complaint that has lasted months or years ("my knee has hurt for months"): a regular visit, not a same-day one. */
      longStanding?: Pick<LongStandingWords, 'says'>;
      /** "is this serious? ER or wait?" said at a task's question: a health question, never an answer to it. */
      careQuestion?: Pick<CareQuestionWords, 'asks'>;
    },
  ) {}

  private vars(locale: Locale): Record<string, string> {
    const { profile } = this.deps;
    const nurse = profile.phone('nurseLine', locale);
    return { planName: profile.planName, ...profile.hotlineVars(locale), nurse: nurse.number };
  }

  private text(locale: Locale, key: string, vars: Record<string, string> = {}): string {
    return this.deps.catalog.text(locale, key, { ...this.vars(locale), ...vars });
  }

  /** A text, in its version without the hotline's texting line when the phone is watched (dialogs/watchedPhone.ts). */
  private safeText(locale: Locale, key: string, watched: boolean | undefined, vars: Record<string, string> = {}): string {
    return this.text(locale, watchedKey(this.deps.catalog, key, watched), vars);
  }

  /**
   * The answer for an outcome, channel-neutral (ReplySender renders cards, or plain SMS text). A
   * visit offered for a family member the message names (`who`) is booked on a page that is not
   * set to the member themself, with one line saying to choose that person there.
   */
  reply(match: Pick<TriageMatch, 'intent' | 'kind' | 'locale' | 'alsoKind'> & { watched?: boolean; aboutOther?: boolean; youngChild?: boolean }, who: FamilyMention | null = null, longStanding = false): Reply {
    const { locale } = match;
    const { profile, options } = this.deps;
    const patient = who ? undefined : 'self';
    const forWhom = who ? [this.text(locale, `triageLinks.for.${who}`)] : [];
    switch (match.intent) {
      case 'emergency': {
        const kind = (match.kind ?? 'medical') as EmergencyKind;
        const key = kind === 'crisis' && match.alsoKind === 'poison' ? 'emergency.crisisTaken' : kind === 'crisis' && match.aboutOther ? 'emergency.crisisOther' : kind === 'poison' && match.youngChild ? 'emergency.poisonYoungChild' : `emergency.${kind}`;
        // After 988, the behavioral-health line (a counselor); after 911 or Poison Control, the nurse line.
        const less = kind === 'crisis'
          ? this.text(locale, 'emergency.behavioralHealthLine', profile.phone('behavioralHealth', locale))
          : this.text(locale, 'emergency.nurseLine', profile.phone('nurseLine', locale));
        // A medical emergency read as an exposure, as distress or as abuse too: Poison Control, 988
        // or the hotline after 911.
        const also = kind !== 'medical' || !match.alsoKind ? [] : match.alsoKind === 'poison' || match.alsoKind === 'crisis' ? [this.text(locale, `emergency.also.${match.alsoKind}`)] : [this.safeText(locale, `abuse.also.${match.alsoKind}`, match.watched)];
        return { text: [this.text(locale, key), ...also, less].join('\n\n') };
      }
      case 'abuse': {
        const kind = (match.kind ?? 'dv') as AbuseKind;
        const also = match.alsoKind && match.alsoKind !== 'poison' && match.alsoKind !== kind ? [this.safeText(locale, `abuse.also.${match.alsoKind}`, match.watched)] : [];
        return {
          text: [this.safeText(locale, `abuse.${kind}`, match.watched), ...also, this.text(locale, 'abuse.offerPerson')].join('\n\n'),
          choices: options.choices('topics', locale, ['agent']),
        };
      }
      case 'mental_health': {
        const line = profile.phone('behavioralHealth', locale);
        return {
          title: this.text(locale, 'mentalHealth.title'),
          text: [this.text(locale, 'mentalHealth.answer', line), ...forWhom].join('\n\n'),
          links: [
            {
              title: this.text(locale, 'triageLinks.mentalHealthVisit'),
              url: profile.link('appointments.schedule', { action: 'new', patient, care: 'mentalHealth' }),
            },
          ],
        };
      }
      case 'symptoms': {
        const nurse = profile.phone('nurseLine', locale);
        return {
          title: this.text(locale, 'symptoms.title'),
          text: [this.text(locale, 'symptoms.answer', nurse), ...forWhom].join('\n\n'),
          links: [
            { title: this.text(locale, 'triageLinks.eVisit'), url: profile.link('telehealth.eVisit') },
            longStanding
              ? { title: this.text(locale, 'triageLinks.regularVisit'), url: profile.link('appointments.schedule', { action: 'new', patient, care: 'primary' }) }
              : { title: this.text(locale, 'triageLinks.sameDayVisit'), url: profile.link('appointments.schedule', { action: 'new', patient, care: 'urgent', when: 'asap' }) },
          ],
        };
      }
    }
  }

  /**
   * A lab value or result asked about, with no sign of illness: where to read it with its range,
   * the care team who reviews it (a secure message), the nurse line for questions now. No
   * judgement on the value, no same-day visit and no "if it becomes severe, call 911".
   */
  private labValue(locale: Locale): Reply {
    const { profile } = this.deps;
    return {
      title: this.text(locale, 'labValue.title'),
      text: this.text(locale, 'labValue.answer', profile.phone('nurseLine', locale)),
      links: [
        { title: this.text(locale, 'triageLinks.testResults'), url: profile.link('records.testResults') },
        { title: this.text(locale, 'triageLinks.messageCareTeam'), url: profile.link('messaging.messageCareTeam') },
      ],
    };
  }

  /** The mental-health answer once more, in short: acknowledged, the visit to book, the line and 988. */
  private mentalHealthAgain(locale: Locale): Reply {
    const { profile } = this.deps;
    return {
      text: this.text(locale, 'mentalHealth.again', profile.phone('behavioralHealth', locale)),
      links: [{ title: this.text(locale, 'triageLinks.mentalHealthVisit'), url: profile.link('appointments.schedule', { action: 'new', patient: 'self', care: 'mentalHealth' }) }],
    };
  }

  /** The one line for mental_health / symptoms beside an answer to a dialog's question. */
  noteText(match: Pick<TriageMatch, 'intent' | 'locale'>): string {
    const { locale } = match;
    if (match.intent === 'mental_health') return this.text(locale, 'mentalHealth.note', { number: this.deps.profile.phone('behavioralHealth', locale).number });
    if (match.intent === 'symptoms') return this.text(locale, 'symptoms.note', { number: this.deps.profile.phone('nurseLine', locale).number });
    return this.safetyLine(locale);
  }

  /** "If this is an emergency, call 911; in crisis, 988; a health worry, the nurse line." */
  safetyLine(locale: Locale): string {
    return this.text(locale, 'safety.line');
  }

  /** Emergency and abuse: ends the dialogs and answers at once. The turn ends there. */
  async respondUrgent(context: TurnContext, match: TriageAnswer & { watched?: boolean }): Promise<void> {
    await this.deps.endDialogs(context);
    const reply = this.reply({ ...match, aboutOther: crisisAboutOther(context.activity.text), youngChild: youngChild(context.activity.text) });
    // Urgent: never held back by (or lost to) the turn's state commit.
    await this.deps.sender.send(context, reply, match.locale, { urgent: true });
    this.counted(context, match, 'answered');
    await this.tell(context, match, reply);
  }

  /**
   * After an urgent answer, the member's next message (pipeline/urgentFollowUp.ts): `full` answers
   * it (the number again, for what people write next: 911 comes to you, Poison Control even when
   * all seems well, a text when one cannot speak), with the offer of a person after a crisis or an
   * abuse disclosure; `refusal` answers a reason not to go or call (what the call does, the nurse
   * line when it is not an emergency; the full answer where there is no such text); `called`
   * acknowledges a call made (follow their advice, call again if worse) instead of "call now";
   * `onTheWay` acknowledges a member already on the way to the ER (an ambulance if it gets worse);
   * `privacy` answers "don't tell anyone" after a disclosure (what stays private, 911, the hotline);
   * `police` answers "I don't want the police" after a disclosure (the hotline is not the police,
   * confidential, the text option); `goodbye` is a warm goodbye with the line after a crisis or a
   * disclosure, and after 911 or Poison Control a short thanks with the number in one line;
   * `aside` / `later`, for a message on something else right after the full follow-up: one line
   * for it (outside what the chat does / help with it after), then the number in one short line;
   * `reminder` is one line before a portal task goes on;
   * `means` answers the means at hand named after a crisis (distance from them now, 988 now, 911 if taken);
   * `safe` acknowledges being safe for now after a disclosure (with its hotline and a person);
   * `ack` answers a bare "ok" or "idk": one short caring line with the number, and a person;
   * `still` is that answer again, in other words (never the same reply twice in a row);
   * `injury` answers a hurt body after a disclosure (an eye gone blurry, a blow to the head, pain
   * when breathing): care today (the ER for vision or head, same-day care), the nurse line, 911,
   * getting care without the police, then the hotline, with the same-day visit to book;
   * `phone` answers a phone watched after a disclosure ("he checks my phone, dont text me back"):
   * clearing the conversation (on SMS, no text from us unless they write), calling from a safe
   * phone, the hotline's chat instead of a text, 911; `phoneAgain` is the same in short;
   * `handled` is for help that came and took the person after 911 or Poison Control ("they took
   * her"): a short wish, and the task asked for goes on;
   * `danger` answers fear or danger right after a disclosure ("tengo miedo, el esta aqui"): 911 now
   * if in danger, a safer place, a person, then the hotline of that kind, never the crisis script;
   * `worse` answers the person worse after Poison Control (sleepy, hard to wake, seizing): 911 now
   * first, then Poison Control, never the nurse line; `mail` answers mail or contact details to
   * send elsewhere after a disclosure (the contact details page, confidential communications).
   * `also`: catalog keys of short lines said after it (the coverage of emergency care, when asked).
   */
  async followUp(context: TurnContext, urgent: { intent: 'emergency' | 'abuse'; kind: string; locale: Locale; watched?: boolean }, mode: FollowUpMode, also: readonly string[] = []): Promise<void> {
    const { locale } = urgent;
    const key = this.followUpKey(urgent, mode);
    const answers = mode !== 'reminder';
    const person = answers && mode !== 'goodbye' && (urgent.intent === 'abuse' || urgent.kind === 'crisis');
    const triage = turnTriage(context);
    // An answer is the turn's safety answer; after the reminder line, a mental-health or symptoms
    // answer may still follow, but not the generic safety line (the number was just given).
    if (answers) triage.answered = true;
    else triage.reminded = true;
    // After a disclosure, who will know, the police and a goodbye end with its hotline again.
    // A phone watched, after a disclosure that is not domestic violence: its own line after the text.
    const ownLine = mode === 'phone' && key === 'urgentFollowUp.phone.abuse' ? [this.safeText(locale, `abuse.also.${urgent.kind}`, urgent.watched)] : [];
    const again = (mode === 'account' || mode === 'privacy' || mode === 'police' || mode === 'goodbye' || mode === 'safe' || mode === 'ack' || mode === 'injury' || mode === 'danger') && urgent.intent === 'abuse' && key !== `urgentFollowUp.${urgent.kind}`;
    const hotline = [...ownLine, ...(again ? [this.safeText(locale, `abuse.also.${urgent.kind}`, urgent.watched)] : []), ...also.map((key) => this.text(locale, key))];
    // A message on something else, right after the paragraph: one line for it, one for the number.
    const aside = mode === 'aside' || mode === 'later' ? [this.text(locale, `urgentFollowUp.${mode}.intro`)] : [];
    // A hurt body: the same-day visit to book (the text names the ER and the nurse line). Mail: the contact details page.
    const link = key === `urgentFollowUp.${urgent.kind}` ? undefined : this.followUpLink(mode, locale);
    const links = link ? { links: [link] } : {};
    const reply: Reply = { text: [...aside, this.safeText(locale, key, urgent.watched, mode === 'injury' || mode === 'mail' ? this.deps.profile.phone(mode === 'mail' ? 'memberServices' : 'nurseLine', locale) : mode === 'phone' || mode === 'phoneAgain' ? { clear: this.text(locale, `urgentFollowUp.phone.clear.${context.activity.channelId === 'sms' ? 'sms' : 'chat'}`) } : {}), ...hotline].join(aside.length ? ' ' : '\n\n'), choices: person ? this.deps.options.choices('topics', locale, ['agent']) : undefined, ...links };
    await this.deps.sender.send(context, reply, locale, { urgent: answers });
    // Care for a hurt body after a disclosure is the symptoms answer (the nurse line, same-day care).
    noteOutcome(context, { triage: mode === 'injury' ? 'symptoms' : 'safety_net' });
    // A person who has the conversation sees the message and this answer, as for the first one.
    if (answers) await this.tell(context, { intent: urgent.intent, kind: urgent.kind as TriageAnswer['kind'], locale, rule: `followUp:${mode}` }, reply);
    this.deps.logger.info({ outcome: 'urgent_follow_up', intent: urgent.intent, kind: urgent.kind, mode, channelId: context.activity.channelId, locale }, 'urgent follow-up given');
  }

  /** A hurt body: the same-day visit to book; mail sent elsewhere: the contact details page. */
  private followUpLink(mode: FollowUpMode, locale: Locale): NonNullable<Reply['links']>[number] | undefined {
    if (mode === 'mail') return { title: this.text(locale, 'links.account.contactInfo'), url: this.deps.profile.link('account.contactInfo') };
    return mode === 'injury' ? { title: this.text(locale, 'triageLinks.sameDayVisit'), url: this.deps.profile.link('appointments.schedule', { action: 'new', patient: 'self', care: 'urgent', when: 'asap' }) } : undefined;
  }

  /** One line with the urgent answer's number (before the other ways to reach a person). */
  urgentLine(urgent: { intent: 'emergency' | 'abuse'; kind: string; watched?: boolean }, locale: Locale): string {
    const key = this.deps.catalog.has(`escalation.urgentFirst.${urgent.kind}`) ? `escalation.urgentFirst.${urgent.kind}` : `urgentFollowUp.reminder.${urgent.kind}`;
    return this.safeText(locale, key, urgent.watched);
  }

  /** One closing line that the number is there any time: `crisis` (988), `dv` (the hotline) or `abuse`. */
  closingLine(kind: 'crisis' | 'dv' | 'sexual' | 'child' | 'elder' | 'abuse', locale: Locale, watched?: boolean): string {
    return this.safeText(locale, `urgentFollowUp.closingLine.${kind}`, watched);
  }

  private followUpKey(urgent: { intent: 'emergency' | 'abuse'; kind: string; locale: Locale }, mode: FollowUpMode): string {
    const { catalog } = this.deps;
    if (mode === 'reminder') return `urgentFollowUp.reminder.${urgent.kind}`;
    if (mode === 'phone') return urgent.kind === 'dv' ? 'urgentFollowUp.phone.dv' : 'urgentFollowUp.phone.abuse';
    if (mode === 'phoneAgain') return 'urgentFollowUp.phone.again';
    if (mode === 'aside' || mode === 'later' || mode === 'still') return catalog.has(`urgentFollowUp.aside.line.${urgent.kind}`) ? `urgentFollowUp.aside.line.${urgent.kind}` : `urgentFollowUp.reminder.${urgent.kind}`;
    const byIntent = urgent.intent === 'abuse' ? 'abuse' : urgent.kind;
    const own = mode === 'refusal' || mode === 'police' ? `urgentFollowUp.${mode}.${urgent.kind}` : `urgentFollowUp.${mode}.${byIntent}`;
    return mode !== 'full' && catalog.has(own) ? own : `urgentFollowUp.${urgent.kind}`;
  }

  /**
   * After a mental-health answer, for a member who does not want to phone (pipeline/careFollowUp.ts):
   * text or chat 988, a video visit, a secure message; no phone number to call.
   */
  async withoutPhone(context: TurnContext, locale: Locale): Promise<void> {
    const { profile } = this.deps;
    turnTriage(context).answered = true;
    const reply: Reply = {
      title: this.text(locale, 'mentalHealth.title'),
      text: this.text(locale, 'mentalHealth.noPhone'),
      links: [
        {
          title: this.text(locale, 'triageLinks.mentalHealthVideoVisit'),
          url: profile.link('appointments.schedule', { action: 'new', patient: 'self', care: 'mentalHealth', mode: 'video' }),
        },
        { title: this.text(locale, 'triageLinks.messageCareTeam'), url: profile.link('messaging.messageCareTeam') },
      ],
    };
    await this.deps.sender.send(context, reply, locale);
    noteOutcome(context, { triage: 'mental_health' });
    this.deps.logger.info({ outcome: 'mental_health_follow_up', mode: 'noPhone', channelId: context.activity.channelId, locale }, 'mental-health follow-up given');
  }

  /**
   * After a symptoms answer, a worry about what the ER, urgent care or an ambulance costs
   * (pipeline/careFollowUp.ts): do not let it stop you, emergency care is covered, the nurse line
   * helps decide where to go. Never the billing menu.
   */
  async careCost(context: TurnContext, locale: Locale): Promise<void> {
    turnTriage(context).answered = true;
    await this.deps.sender.send(context, { text: this.text(locale, 'symptoms.cost', this.deps.profile.phone('nurseLine', locale)) }, locale);
    noteOutcome(context, { triage: 'symptoms' });
    this.deps.logger.info({ outcome: 'symptoms_follow_up', mode: 'cost', channelId: context.activity.channelId, locale }, 'symptoms follow-up given');
  }

  /** mental_health / symptoms: the answer (the caller decides about the dialog in progress). */
  async answer(context: TurnContext, match: TriageAnswer): Promise<void> {
    // "need to get my daughter seen": the visit offered is hers, not the member's. The
    // mental-health answer given just before: acknowledged in short, the line and 988 in one line.
    const triage = turnTriage(context);
    // Symptoms after the urgent answer's reminder line ("puedo llevarla mañana o es urgente?" after
    // 911): the nurse line only, never an e-visit or a same-day visit beside "call 911 now".
    // "my ldl says 190 is that bad": a lab value, with no sign of illness, read as symptoms.
    const lab = match.intent === 'symptoms' && !triage.reminded && !!this.deps.labQuestion?.asks(context.activity.text, triage.concepts);
    const reply = match.intent === 'mental_health' && triage.again
      ? this.mentalHealthAgain(match.locale)
      : match.intent === 'symptoms' && triage.reminded
        ? { text: this.text(match.locale, 'symptoms.afterUrgent', this.deps.profile.phone('nurseLine', match.locale)) }
        : lab
          ? this.labValue(match.locale)
          : this.reply(match, familyMention(this.deps.options, context.activity.text), match.intent === 'symptoms' && !!this.deps.longStanding?.says(context.activity.text, triage.concepts));
    await this.deps.sender.send(context, reply, match.locale);
    this.counted(context, match, 'answered');
    if (lab) this.deps.logger.info({ outcome: 'symptoms', reply: 'labValue', channelId: context.activity.channelId, locale: match.locale }, 'lab-value answer given');
    await this.tell(context, match, reply);
  }

  /** "es grave? lo llevo a urgencias o espero?" (v20): true when answered (a nurse now; 911 or the ER if severe or worse). */
  async careQuestion(context: TurnContext, locale: Locale, text: string): Promise<boolean> {
    if (turnTriage(context).answered || !this.deps.careQuestion?.asks(text)) return false;
    await this.deps.sender.send(context, { text: this.text(locale, 'symptoms.careQuestion', this.deps.profile.phone('nurseLine', locale)) }, locale);
    this.counted(context, { intent: 'symptoms', kind: null, locale, rule: 'words:careQuestion' }, 'answered');
    return true;
  }

  /** mental_health / symptoms beside an answer to a question: only the line, once per turn. */
  async note(context: TurnContext, match: TriageAnswer): Promise<void> {
    const triage = turnTriage(context);
    if (triage.answered) return;
    await this.deps.sender.send(context, { text: this.noteText(match) }, match.locale);
    this.counted(context, match, 'noted');
  }

  /**
   * The safety net: the line (and, when the triage is unsure, "what do you need help with?").
   * Once per turn: a reply that follows (a menu, "did you mean…?") comes after it.
   */
  async safetyNet(context: TurnContext, locale: Locale, options: { ask: boolean; rule?: string; abuseKind?: AbuseKind; poisonDoubt?: boolean }): Promise<void> {
    const triage = turnTriage(context);
    // After the urgent follow-up's reminder line, the generic line would only repeat it.
    if (triage.answered || (triage.reminded && !options.ask)) return;
    triage.answered = true;
    // A doubt the model shares with a disclosure: that kind's hotline after the line.
    // A doubt the model shares with a poisoning: Poison Control after the line.
    const also = [...(options.poisonDoubt ? [this.text(locale, 'emergency.also.poison')] : []), ...(options.abuseKind ? [this.text(locale, `abuse.also.${options.abuseKind}`)] : [])];
    const line = [this.safetyLine(locale), ...also].join('\n\n');
    const text = options.ask ? `${line}\n\n${this.text(locale, 'safety.ask')}` : line;
    await this.deps.sender.send(context, { text }, locale);
    noteOutcome(context, { triage: 'safety_net' });
    this.deps.metrics?.triage('safety_net', null, context.activity.channelId, options.ask ? 'answered' : 'noted');
    this.deps.logger.info({ outcome: 'safety_net', rule: options.rule, ask: options.ask, channelId: context.activity.channelId, locale }, 'safety line given');
  }

  private counted(context: TurnContext, match: TriageAnswer, how: 'answered' | 'noted'): void {
    turnTriage(context).answered = true;
    const channelId = context.activity.channelId;
    if (match.intent === 'emergency') {
      noteOutcome(context, { emergency: (match.kind ?? 'medical') as EmergencyKind });
      this.deps.metrics?.emergency((match.kind ?? 'medical') as EmergencyKind, channelId);
    } else if (match.intent === 'abuse') {
      noteOutcome(context, { abuse: (match.kind ?? 'dv') as AbuseKind });
    } else {
      noteOutcome(context, { triage: match.intent, ...(how === 'noted' ? { noted: true as const } : {}) });
    }
    this.deps.metrics?.triage(match.intent, match.kind, channelId, how);
    const fields = { outcome: match.intent, kind: match.kind, rule: match.rule, how, channelId, locale: match.locale };
    if (match.intent === 'emergency') this.deps.logger.warn(fields, 'emergency answered');
    else if (match.intent === 'abuse') this.deps.logger.warn(fields, 'abuse disclosure answered');
    else this.deps.logger.info(fields, 'triage answered');
  }

  private async tell(context: TurnContext, match: TriageAnswer, reply: Reply): Promise<void> {
    try {
      await this.deps.onAnswered?.(context, match, reply);
    } catch (err) {
      this.deps.logger.error({ outcome: match.intent, err: { name: (err as Error)?.name } }, 'triage observer failed (the member got the answer)');
    }
  }
}
