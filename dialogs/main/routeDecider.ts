import type { IntentId, TaskIntentId } from '../../intents/types';
import { IN_PERSON_ONLY, type CareKind } from '../../services/appointments/appointmentLookup';
import type { RoutingPolicy } from '../common/kit';
import type { MedicineNames } from '../common/medicineNames';
import type { OptionMatcher } from '../common/options';
import type { BookingRequest } from '../appointment/bookingRequest';
import { careCorrected } from '../appointment/careCorrected';
import { modeAtPage } from '../appointment/modeAtPage';
import { PORTAL_WHEN } from '../appointment/openTimesAsked';
import { namesDayOrTime } from '../common/dayWords';
import type { BookingWords } from '../bookingWords';
import type { LabPrepWords } from '../labPrep';
import type { NurseInChatWords } from '../nurseInChat';
import type { PersonWords } from '../personWords';
import type { PhoneLine } from '../../services/portal/profile';
import type { FollowUp, FollowUpReader } from '../followUps';
import type { FollowUpOverGuess } from './followUpOverGuess';
import type { TopicPriorState } from '../memory';
import type { MentalHealthVisit } from '../mentalHealthVisit';
import { phoneFor } from '../../handoff/core/contact';
import { fold } from '../common/text';
import { namesClaimCode } from '../claimCode';
import { CLAIM_CODE } from '../followUpOffers';
import { offTopic } from '../offTopic';
import type { PhraseBook } from '../phrases';
import { QUESTIONS } from '../questions';
import { LAST_RX_STEP } from '../refill/renewalFor';
import type { PrescriptionAsk } from '../refill/prescriptionAsk';
import type { RescueNeed, RescueWords } from '../refill/rescueWords';
import type { TopicPrior } from '../topicPrior';
import type { VagueRequest } from '../vagueRequest';
import type { RoutedIntent, TurnInfo, TurnTriage } from '../turn';
import { isTask } from './flow';
import { visitForComplaint } from './visitForComplaint';
import type { PlainAfterTask } from './plainAfterTask';
import type { VisitModeNotPerson } from './visitModeNotPerson';

/**
 * What a rescue answer right after a refill answer takes from it: the prescription it was about
 * (its danger sign when the message names no medicine: "what if i get an attack" after the
 * albuterol's renewal), and whether it was a renewal's (what happens with the renewal comes next).
 */
function rescueContext(prior: TopicPriorState): Pick<RescueNeed, 'lastRx' | 'renewal'> {
  const answers = prior.answers ?? {};
  const lastRx = answers[LAST_RX_STEP];
  const renewal = answers.need === 'renewal' || answers.topic === 'renewal' || !!answers.followUp?.startsWith('followUp.about.renewal');
  return { ...(lastRx ? { lastRx } : {}), ...(renewal ? { renewal } : {}) };
}

/** The topic just answered without one the member said it is not about (its answers go with it when it was the last). */
function withoutTopic(prior: TopicPriorState | undefined, denied: TaskIntentId): TopicPriorState | undefined {
  if (!prior?.topics.includes(denied)) return prior;
  const topics = prior.topics.filter((topic) => topic !== denied);
  if (!topics.length) return undefined;
  return prior.topics[0] === denied ? { topics } : { ...prior, topics };
}

/** What the main dialog does with a new request. */
export type Decision =
  | { kind: 'task'; intent: TaskIntentId; safetyFirst?: boolean; answers?: Record<string, string>; intro?: 'followUp.mentalHealthVisit' }
  /** `visit`: a visit plainly asked for about the complaint, booked after the nurse line (the answers to start with). */
  | { kind: 'triage'; visit?: Record<string, string> }
  | { kind: 'safetyNet' }
  | { kind: 'say'; key: string; menu: boolean; intent: RoutedIntent }
  /** `callBack`: the member asked to be called back ("can someone just call me back"). */
  | { kind: 'agent'; topic?: TaskIntentId; callBack?: true }
  | { kind: 'followUp'; followUp: FollowUp; topic: TaskIntentId }
  | { kind: 'rescue'; need: RescueNeed; safetyFirst: boolean }
  | { kind: 'nurseInChat'; safetyFirst: boolean }
  /** A short answer with a phone line: the chat team's hours, or the number for a member who will call. */
  | { kind: 'line'; key: 'main.chatHours' | 'main.willCall' | 'main.phoneWait' | 'main.lineNumber'; line: PhoneLine; intent: RoutedIntent }
  | { kind: 'unclear' };

/**
 * A task the recognizer hears beside a request for a person at least this clearly (its runner-up
 * score) is what the member wants the person for ("talk to a person about my refill").
 */
const TOPIC_BESIDE_PERSON = 0.35;
/** A correction of the booking just answered is this short at most ("no!! in person, NOT video"). */
const CORRECTION_WORDS = 8;

/** The conversational intents with a short answer of their own: its text, and whether the topics menu follows. */
const SHORT_ANSWERS: Partial<Record<IntentId | 'startOver', { key: string; menu: boolean }>> = {
  help: { key: 'main.help', menu: true },
  cancel: { key: 'main.nothingToCancel', menu: true },
  startOver: { key: 'main.startOver', menu: true },
  greeting: { key: 'main.greeting', menu: true },
  thanks: { key: 'main.thanks', menu: false },
  goodbye: { key: 'main.goodbye', menu: false },
};

/** What the decider reads besides the message: its parts, built by the composition root. */
export interface RouteDeciderParts {
  options: OptionMatcher;
  phrases: PhraseBook;
  policy: RoutingPolicy;
  medicines: MedicineNames;
  followUps: FollowUpReader;
  topicPrior: TopicPrior;
  mentalHealthVisit: MentalHealthVisit;
  /** A rescue medicine running out or needed before its refill (dialogs/refill/rescueWords.ts). */
  rescue: Pick<RescueWords, 'read'>;
  /** A follow-up about the answer that only the triage's model reads as a health matter (dialogs/main/followUpOverGuess.ts). */
  overGuess?: Pick<FollowUpOverGuess, 'read' | 'guessOnly' | 'namesWhich'>;
  /** "en persona" read as a person: the visit task (dialogs/main/visitModeNotPerson.ts). */
  visitMode?: Pick<VisitModeNotPerson, 'read'>;
  /** Getting ready for a lab test ("do i need to fast for the lab"): records' labPrep answer (dialogs/labPrep.ts). */
  labPrep?: Pick<LabPrepWords, 'asks'>;
  /** The member's prescriptions asked to be shown, or why one still says pending (dialogs/refill/prescriptionAsk.ts). */
  prescriptionAsk?: (text: string) => PrescriptionAsk | null;
  /** A nurse in this chat, or "I can't call", right after the nurse line (dialogs/nurseInChat.ts). */
  nurseInChat?: Pick<NurseInChatWords, 'asks'>;
  /** "same thing for my son" right after a booking (dialogs/bookingWords.ts). */
  booking?: Pick<BookingWords, 'sameVisit' | 'asksToBeSeen'>;
  /** "did you book it?", "¿ya quedó la cita?" (dialogs/appointment/bookingStatus.ts). */
  bookedQuestion?: (text: string | undefined) => boolean;
  /** A visit asked for with its details ("si la quiero pero por video, atencion primaria"; dialogs/appointment/bookingRequest.ts). */
  bookingRequest?: Pick<BookingRequest, 'read' | 'wantedModes'>;
  /** A request that names nothing ("question about my thing", "una pregunta"; dialogs/vagueRequest.ts). */
  vague?: Pick<VagueRequest, 'is'>;
  /** "when is someone on the chat?", "ok ill just call" (dialogs/personWords.ts). */
  person?: Pick<PersonWords, 'asksChatHours' | 'willCall' | 'asksWait' | 'asksCallBack' | 'asksNumber'>;
  /** A person or the task plainly asked for right after a task's answer, read as distress only through other words (dialogs/main/plainAfterTask.ts). */
  plainAfterTask?: Pick<PlainAfterTask, 'read'>;
}

/**
 * Decides what a new request is: a topic picked from a menu or recognized with confidence, the
 * safety triage's outcome (always first), a follow-up about the answer just given, a request for a
 * person, small talk, or unclear. Plain reading of the turn (its text, the recognizer's result and
 * the triage), no dialog: MainDialog acts on the decision.
 */
export class RouteDecider {
  constructor(private readonly parts: RouteDeciderParts) {}

  /**
   * `prior`: the topic just answered (or the topics just offered); `lean`: the message answers
   * "is this about A?" without a pick. A symptom the triage heard that only describes a medicine
   * right after a refill answer is cleared from `triage` (the turn's).
   */
  decide(turn: TurnInfo, triage: TurnTriage, { prior: before, lean, handOff }: { prior?: TopicPriorState; lean: boolean; handOff?: PhoneLine }): Decision {
    const { options, phrases, policy, followUps, mentalHealthVisit } = this.parts;
    // "its not a password thing": that topic is dropped, the rest of the message is read without it;
    // a denial alone asks what it is about (v19 X09). A safety outcome still comes first.
    const prior = turn.denied ? withoutTopic(before, turn.denied) : before;
    if (turn.denied && !turn.text.trim() && !triage.match) return { kind: 'say', key: 'main.notThat', menu: true, intent: 'none' };
    const picked = options.match(turn.text, 'topics', 'exact');
    if (isTask(picked)) return { kind: 'task', intent: picked };
    if (picked === 'agent') return { kind: 'agent' };
    if (picked === 'somethingElse') return { kind: 'say', key: 'main.askAgain', menu: false, intent: picked };

    // Right after a task's answer, "so is it down or not? can i just talk to someone", "wtf im not
    // depressed, the WEBSITE is down. i want a real person", "this is useless. i want a real
    // person": the triage's mental-health reading or safety signal came only from a site "down", a
    // denial or frustration with the bot (nothing else in the message is a safety concept; never an
    // emergency, abuse or a doubt of one): the person or the task, with no new safety line (v16 X09, Z07).
    if (this.parts.plainAfterTask?.read(turn, triage, prior, phrases.interruption(turn.text) === 'agent')) {
      triage.match = null;
      triage.safety = null;
      triage.plain = true;
    }
    // The safety triage's outcomes come before any other routing (DESIGN.md, safety rule 1).
    // Right after a refill answer, "and my blood pressure pill?" describes one of the member's
    // medicines by what it is for: no symptom (a complaint is more than that description).
    if (triage.match?.intent === 'symptoms' && prior?.topics.includes('refill') && this.parts.medicines.purposes.describes(turn.text)) triage.match = null;
    // "es la metformina" inside a refill: which prescription, when the model alone leaned to a symptom (v17 W03).
    if (this.parts.overGuess?.namesWhich(turn, triage, prior, this.parts.medicines.nameIn(turn.text))) triage.match = null;
    // Right after the mental-health answer, "I just want to talk to someone" is about that answer (a
    // person to talk to now), not the same answer again.
    if (triage.match?.intent === 'mental_health' && !triage.answered && prior?.safety === 'mentalHealth') {
      // "I just want an appointment" (to talk to someone): a mental-health visit booked, not the same answer again.
      const visit = mentalHealthVisit.read(turn, prior);
      if (visit) return { kind: 'task', intent: 'appointment', answers: visit, intro: 'followUp.mentalHealthVisit' };
      const about = followUps.read(turn.text, prior);
      if (about) return { kind: 'followUp', followUp: about, topic: prior.topics[0]! };
    }
    // "what does that mean", "y eso que significa" right after a task's answer, that the triage's
    // model alone reads as a symptom (no health, distress or safety concept in its words): the
    // follow-up about that answer, not the nurse line.
    const overGuess = this.parts.overGuess?.read(turn, triage, prior, lean, followUps);
    if (overGuess) {
      triage.match = null;
      return { kind: 'followUp', followUp: overGuess, topic: prior!.topics[0]! };
    }
    // A rescue medicine needed before its refill comes ("y si lo necesito antes" after the renewal
    // answer) that the triage's model alone reads as mental health or symptoms (no concept but the
    // neutral ones): the rescue answer, a supply today and when to call 911 (full-run failure
    // rescueMedicine XS13 after the thirteenth session's retrain).
    if (prior?.topics.includes('refill') && !prior.safety && this.parts.overGuess?.guessOnly(turn, triage)) {
      const rescue = this.parts.rescue.read(turn.text, true);
      if (rescue) {
        triage.match = null;
        return { kind: 'rescue', need: { ...rescue, ...rescueContext(prior) }, safetyFirst: false };
      }
    }
    if (triage.match && !triage.answered) {
      // "i need to see someone about my knee": the nurse line, then the booking (v16 W01).
      const visit = this.parts.booking ? visitForComplaint(this.parts.booking, options, turn.text, triage) : null;
      return { kind: 'triage', ...(visit ? { visit } : {}) };
    }
    const { intent, score } = turn.result;
    // The turn's safety signal: the triage's, else the recognizer's (dialogs/turn.ts, safetyOf).
    const safety = triage.plain ? null : (triage.safety ?? turn.result.safety ?? null);
    // A rescue medicine running out, or needed before its refill comes ("its my asthma inhaler, what
    // if i need it this weekend"; "what if i need it before then" after a refill answer): a supply
    // today and when to call 911, never the refill's timing or the sign-in again. After the triage's
    // own answers; a doubt of an emergency keeps its safety line first.
    const afterRefill = !!prior?.topics.includes('refill') && !prior.safety;
    const rescue = this.parts.rescue.read(turn.text, afterRefill);
    if (rescue) return { kind: 'rescue', need: { ...rescue, ...(afterRefill ? rescueContext(prior!) : {}) }, safetyFirst: safety?.level === 'unsure' };
    // Right after the nurse line for a symptom, a nurse asked for in this chat or "no tengo minutos":
    // the ways without phone minutes and 911 from any cell phone, then a person (v14, YX14).
    if (prior?.safety === 'symptoms' && this.parts.nurseInChat?.asks(turn.text)) return { kind: 'nurseInChat', safetyFirst: !!safety };
    // "show me my prescriptions", "qué ves de mis medicinas", "why does my refill still say
    // pending": their prescriptions, each with its status, whatever answer came before (never the
    // app answer, never the same line again; v20). After the triage's own answers; a doubt of an
    // emergency the model has from some safety concept keeps its line first.
    const rxAsk = this.parts.phrases.interruption(turn.text) ? null : this.parts.prescriptionAsk?.(turn.text);
    if (rxAsk) return { kind: 'task', intent: 'refill', answers: { need: rxAsk }, ...(safety?.level === 'unsure' && !safety.rule?.endsWith(':no-concept') ? { safetyFirst: true } : {}) };
    // A follow-up about the how-to just answered ("i tried that already" after the sign-in code
    // help) that the model alone doubts, with no health, distress or safety concept in its words
    // and no safety answer before it: the follow-up, not the safety net.
    if (safety?.level === 'unsure' && safety.rule?.endsWith(':no-concept') && prior && !prior.safety && !lean) {
      const about = followUps.read(turn.text, prior, false, offTopic(turn.text, turn.result, prior.topics));
      if (about) return { kind: 'followUp', followUp: about, topic: prior.topics[0]! };
    }
    // Unsure whether it is an emergency: the safety net, unless a task is clearly meant (then the
    // line first, and the task).
    if (safety?.level === 'unsure') {
      // "ya me cansé de esto. quiero hablar con alguien de verdad": a person asked for, that the model
      // alone doubts (no concept of harm: frustration with the bot): the line first, then the person (v20).
      const asksPerson = phrases.interruption(turn.text) === 'agent' || (intent === 'agent' && score >= policy.routeAt);
      if (asksPerson && safety.rule?.endsWith(':no-concept')) return { kind: 'agent', ...this.topicBesidePerson(turn, prior), ...(this.parts.person?.asksCallBack(turn.text) ? { callBack: true as const } : {}) };
      return isTask(intent) && score >= policy.switchAt ? { kind: 'task', intent, safetyFirst: true } : { kind: 'safetyNet' };
    }

    // When the people behind the chat are on ("when is someone on the chat then?"): the chat team's
    // hours from the profile, not the hand-off again; "ok ill just call": the number and a short
    // close, not "not sure I understood" (v16 W10). Never after a safety answer or with its line named.
    const person = this.parts.person;
    if (person && !safety && !prior?.safety && !/\b(911|988)\b/.test(turn.text)) {
      // Right after no one was free, "y a q hora hay gente mañana?" too; never the appointments menu (v20).
      if (person.asksChatHours(turn.text, !!handOff)) return { kind: 'line', key: 'main.chatHours', line: 'memberServices', intent: 'agent' };
      if (person.willCall(turn.text)) return { kind: 'line', key: 'main.willCall', line: prior?.topics.includes('billing') ? 'billing' : 'memberServices', intent: 'agent' };
      // The wait on the phone or for a person ("how long is the wait on the phone", "cuanto tengo que
      // esperar?" right after a hand-off): this chat cannot see it; the hand-off's line and its hours,
      // never the care team's reply times or "out of scope" (v16 Z07).
      if (person.asksWait(turn.text, !!handOff)) return { kind: 'line', key: 'main.phoneWait', line: handOff ?? phoneFor(prior?.topics[0] ?? null), intent: 'agent' };
      // "can someone just call me back": a person, with the call back asked for kept (v19 X09).
      if (person.asksCallBack(turn.text)) return { kind: 'agent', ...this.topicBesidePerson(turn, prior), callBack: true };
      // "ok y a q numero llamo?" right after an answer that named a line: that line's number again, never the contact menu (v20).
      if (handOff && person.asksNumber(turn.text)) return { kind: 'line', key: 'main.lineNumber', line: handOff, intent: 'agent' };
    }
    // A request for a person wins over the task it is about ("talk to a person about my
    // appointment"): the task is the topic the person gets.
    const phrase = phrases.interruption(turn.text);
    // After the mental-health answer, "an appointment to talk to someone" is that visit, not a person now.
    const careVisit = phrase === 'agent' && !triage.match ? mentalHealthVisit.read(turn, prior) : null;
    if (careVisit) return { kind: 'task', intent: 'appointment', answers: careVisit, intro: 'followUp.mentalHealthVisit' };
    if (phrase === 'agent') return { kind: 'agent', ...this.topicBesidePerson(turn, prior) };
    // A request that names nothing ("question about my thing", "una pregunta", "lo mío"): what is
    // it about, with the topics; never a topic guessed from it (v15 YX14). After the triage and a
    // person asked for; before the words of a goodbye or a cancel read in it ("lo mío" is no cancel).
    if (this.parts.vague?.is(turn.text)) return { kind: 'say', key: 'main.whatAbout', menu: true, intent: 'none' };
    // "actually never mind, ill keep the tuesday one" after an answer: said back (after the safety line
    // when the message carries a signal), no task started from its words. Not after a safety answer,
    // but the nurse line's: "umm ok never mind, thanks" closes, never the visit it offered (v19 Z04).
    const mind = phrase || (prior?.safety && prior.safety !== 'symptoms') ? null : phrases.changeOfMind.read(turn.text);
    if (mind?.only) return { kind: 'say', key: 'main.dropped', menu: false, intent: 'cancel' };
    // A short follow-up about the answer itself (its place, how to do it, "no es emergencia"):
    // dialogs/followUps.ts. Before the recognizer's guess of a person ("pero no es nada urgente"
    // scored as one): only words that ask for a person win over it.
    // "por video" right after the mental-health answer: that visit, by video.
    const visit = triage.match || phrase ? null : mentalHealthVisit.read(turn, prior);
    if (visit) return { kind: 'task', intent: 'appointment', answers: visit, intro: 'followUp.mentalHealthVisit' };
    // "did you book it?" after a booking: the appointment task answers it from the back end, whatever
    // the recognizer makes of four words (the fifteenth session's intent model read none, 0.41).
    if (!phrase && !triage.match && this.parts.bookedQuestion?.(turn.text)) return { kind: 'task', intent: 'appointment' };
    // Fasting before a lab test, in a topic or not: its answer, never the contact menu (v14, YZ06).
    if (!phrase && this.parts.labPrep?.asks(turn.text)) return { kind: 'task', intent: 'records', answers: { topic: 'labPrep' } };
    // "same thing for my son", "lo mismo pero por video" right after a booking: a new one with its
    // kind of care and mode (unless named anew), never "that didn't help" (v14 YW01).
    // "wait why does it say urgent, its not urgent just a regular appt" right after the page: that
    // page again with the kind of care said, every other detail kept (v20), never a booking anew.
    const careFix = phrase || triage.match ? null : careCorrected(this.parts.options, turn.text, prior);
    if (careFix) return { kind: 'followUp', followUp: { kind: 'openTimes', ...careFix }, topic: 'appointment' };
    // "actually could it be video instead" right after the page: that page again with the new kind of
    // visit, the day and time of day kept (v21), never the booking begun again without them.
    const modeFix = phrase || triage.match || !this.parts.bookingRequest ? null : modeAtPage(this.parts.bookingRequest, turn.text, prior);
    if (modeFix) return { kind: 'followUp', followUp: { kind: 'openTimes', ...modeFix }, topic: 'appointment' };
    const again = phrase ? null : (this.sameVisit(turn.text, prior) ?? this.modeCorrected(turn.text, prior));
    if (again) return { kind: 'task', intent: 'appointment', answers: again };
    // A code seen on a claim, an EOB or a statement ("the claims page just says code CO-50"): a claim
    // adjustment code, Billing's; never the sign-in code the recognizer hears in "code" (v16 Z07).
    if (!phrase && !triage.match && namesClaimCode(turn.text, !!prior?.topics.includes('billing') && !prior.safety)) {
      return { kind: 'followUp', followUp: { kind: 'about', ...CLAIM_CODE, links: CLAIM_CODE.links ?? [] }, topic: 'billing' };
    }
    const elsewhere = isTask(intent) && score >= policy.switchAt && !prior?.topics.includes(intent);
    const about = lean || phrase ? null : followUps.read(turn.text, prior, elsewhere, offTopic(turn.text, turn.result, prior?.topics));
    if (about) return { kind: 'followUp', followUp: about, topic: prior!.topics[0]! };
    // "mañana, en persona": how to be seen, not a person (the visit task the recognizer has next).
    const visitTask = phrase ? null : this.parts.visitMode?.read(turn);
    if (visitTask) return { kind: 'task', intent: visitTask };
    if (intent === 'agent' && score >= policy.routeAt) return { kind: 'agent', ...this.topicBesidePerson(turn, prior) };
    if (phrase) return this.conversational(phrase);

    // A follow-up to the topic just answered is read in its light (dialogs/topicPrior.ts).
    const followUp = this.parts.topicPrior.read(turn, prior, lean);
    if (followUp) {
      // Never the same answer word for word twice in a row (but "whats the number?" gets the line's number).
      const asksNumber = options.match(turn.text, 'contact.number', 'exact') === 'askNumber';
      const again = asksNumber ? null : followUps.again(prior, followUp.intent, followUp.answers);
      if (again) return { kind: 'followUp', followUp: again, topic: followUp.intent };
      return { kind: 'task', intent: followUp.intent, ...(followUp.answers ? { answers: followUp.answers } : {}) };
    }

    if (score < policy.routeAt) return { kind: 'unclear' };
    // A visit asked for with its kind of care, or with a kind of visit said no to ("no video no. cita
    // en persona"): the booking with those details, not the video-visits menu (v15 YZ12, YZ13).
    const booking = intent === 'telehealth' ? this.parts.bookingRequest?.read(turn.text) : null;
    if (booking) return { kind: 'task', intent: 'appointment', answers: booking };
    if (isTask(intent)) return { kind: 'task', intent };
    return this.conversational(intent);
  }

  /** The booking just handled asked for again: a new one keeping what the words do not change. */
  private sameVisit(text: string, prior: TopicPriorState | undefined): Record<string, string> | null {
    const before = prior?.answers;
    if (prior?.topics[0] !== 'appointment' || prior.safety || before?.action !== 'new' || !this.parts.booking?.sameVisit(text)) return null;
    const { options } = this.parts;
    // "same as before, thurs afternoon" / "la misma fecha, en la tarde" at the page, for the same person:
    // its day said again (the page's answer reads it), not a booking begun anew without it (v21).
    if (before[PORTAL_WHEN] !== undefined && namesDayOrTime(fold(text)) && !options.prefill(text, 'appointment.patient')) return null;
    const answers: Record<string, string> = { action: 'new' };
    if (before.care && !options.prefill(text, 'appointment.care')) answers.care = before.care;
    if (before.mode && !options.mentioned(text, 'appointment.mode').length) answers.mode = before.mode;
    return answers;
  }

  /**
   * Right after the scheduling page, another kind of visit said as a correction of it ("no!! in
   * person, NOT video", "no, presencial, nada de video"): the same booking again with that kind,
   * keeping its care, whom it is for and a time picked from the list; never the video-visits menu
   * (newcomer run v16 Z04). A short message only: a longer one is read as usual.
   */
  private modeCorrected(text: string, prior: TopicPriorState | undefined): Record<string, string> | null {
    const before = prior?.answers;
    if (prior?.topics[0] !== 'appointment' || prior.safety || before?.action !== 'new' || !before.care) return null;
    // A blood draw or a shot is in person whatever is said; a question ("is it by video?") is no correction.
    if (IN_PERSON_ONLY.includes(before.care as CareKind) || /[?¿]/.test(text)) return null;
    if (fold(text).split(' ').filter(Boolean).length > CORRECTION_WORDS) return null;
    const mode = this.parts.bookingRequest?.wantedModes(text).at(-1);
    if (!mode || mode === before.mode) return null;
    const { options } = this.parts;
    const care = options.prefill(text, 'appointment.care') ?? before.care;
    const patient = options.prefill(text, 'appointment.patient') ?? before.patient;
    const when = before.when && (QUESTIONS['appointment.when'] as readonly string[]).includes(before.when) ? before.when : undefined;
    return { action: 'new', care, mode, ...(patient ? { patient } : {}), ...(when ? { when } : {}) };
  }

  /** The message names this task (and asks for nothing else: no interruption phrase). */
  namesTask(turn: TurnInfo, intent: TaskIntentId): boolean {
    if (this.parts.phrases.interruption(turn.text)) return false;
    const { result } = turn;
    return result.intent === intent && result.score >= this.parts.policy.routeAt;
  }

  /** The task a request for a person is about: the recognizer's intent, or a clear runner-up. */
  private topicBesidePerson(turn: TurnInfo, prior: TopicPriorState | undefined): { topic?: TaskIntentId } {
    const { intent, runnerUp } = turn.result;
    if (isTask(intent)) return { topic: intent };
    // "I want to talk to someone" just after an answer: the person gets that answer's topic (after
    // sign-in help, no portal secure message the member cannot reach), before a runner-up guess.
    // The portal down or erroring (contact's portalError) is handed off like sign-in help (no portal
    // page to send the member to), unless the member said it is not a sign-in matter.
    const portalDown = prior?.topics[0] === 'contact' && prior.answers?.topic === 'portalError' && turn.denied !== 'password_reset';
    const last = portalDown ? 'password_reset' : prior?.topics[0];
    if (last && isTask(last)) return { topic: last };
    // Contact ("reach us") is always near a request for a person: as a runner-up it is no topic.
    if (runnerUp && isTask(runnerUp.intent) && runnerUp.intent !== 'contact' && runnerUp.score >= TOPIC_BESIDE_PERSON) return { topic: runnerUp.intent };
    return {};
  }

  /** A conversational intent: a person, its short answer, or unclear (no answer of its own). */
  private conversational(intent: IntentId | 'startOver'): Decision {
    if (intent === 'agent') return { kind: 'agent' };
    const answer = SHORT_ANSWERS[intent];
    return answer ? { kind: 'say', ...answer, intent } : { kind: 'unclear' };
  }
}
