import type { TaskIntentId } from '../intents/types';
import type { LinkKey, PhoneLine } from '../services/portal/profile';
import type { MedicineNames } from './common/medicineNames';
export type { RenewFor } from './followUpOffers';
import { fold } from './common/text';
import { codeWay, codeWayCorrected, forgotPassword } from './topics/codeNotArriving';
import { aspectOf, saysAspect, type Aspect } from './followUpAspects';
import { FollowUpNews, LAB_HOURS } from './followUpNews';
import { type About, ABOUT, APP, CODE_TRIED, DEVICE, CODE_TRIED_EITHER, REMINDER_STOP, REMINDER_TIMING, CODE_TRIED_TEXT, E_VISIT_HOW, NURSE_NOW, PLACE_HOURS, PLACE_PHONE, RENEW_ANSWERS, RENEW_DO_IT, RENEW_WHEN, TALK_NOW, TOPIC_LINE, VIDEO_NEEDS, VISIT_FIRST } from './followUpOffers';
import { LineNames } from './lineNames';
import { answerLine, numberAsked } from './followUpNumber';
import { TopicNames } from './topicNames';
import type { TopicPriorState } from './memory';
import { SUB_TOPIC_TABLES } from './topics/tables';
import { LAST_RX_STEP } from './refill/renewalFor';
import { openTimesAsked, type OpenTimesAsked } from './appointment/openTimesAsked';
import { ALREADY_DONE, HOW_TO, NOT_URGENT, PICK_UP, POINTS_BACK, QUALIFIER, REMIND, REMIND_WHEN, SEND_IT, SHOULD_COME_IN, STOP_HERE, TELL_AGAIN } from './followUpWords';
import { ADDRESS, AREA_ALONE, DAY, NAMED_ONE, ONE_PHARMACY, ONE_PLACE, OPEN_HOURS, OTHER_PLACE, PHARMACY, PLACE_TOPICS, WHERE } from './followUpPlaceWords';
import { clinicFollowUp } from './followUpClinic';
import { MAX_RENEW_WORDS, NEEDS_RENEWING, RENEW_FOR_ME, WHEN_WORDS, WHICH_ONES } from './followUpRenewalWords';
import { asksHowLongAtLength, timingAgain, timingOf } from './followUpTiming';

/**
 * How a short follow-up to the answer just given is read, when it neither names a new topic nor
 * a sub-topic: in that answer's light, by what it says about it (English or Spanish, any wording).
 * - `placeDay`: a day said after a place's hours or phone line ("and on sunday?", "y el domingo?");
 * - `place`: another place, or one location by its street or name, or its address, after a
 *   place's answer ("and the lab?", "the one on main st", "address?"): the contact sub-topic;
 * - `howTo`: how to do what was just answered, or a request to send it ("how do i do that",
 *   "como hago eso", "can you text it to me"): the steps, what the assistant cannot do, the
 *   answer's pages again, and a person, never the same answer word for word; `answered`: the
 *   answer just given (`topic.sub`), whose own steps (`followUp.steps.<topic>.<sub>`) come
 *   instead of the general ones where it has them (a sign-in page's steps say no "sign in");
 * - `again`: a follow-up that would get the same sub-topic's answer again ("i lost it" after
 *   the ID card page): what to do on its page, and a person, instead of the same words;
 * - `qualify`: a short reply that narrows the answer ("only mornings", "just on weekdays"): the
 *   answer's page is where that is set;
 * - `notUrgent`: after the nurse line, a reply that it is no emergency ("no es emergencia") or
 *   that they will not go to the ER ("i dont want to go to the ER"): the nurse line, an e-visit
 *   or a same-day visit, not a menu;
 * - `about`: a question about one aspect of the answer (dialogs/followUpAspects.ts: its line's
 *   number or hours, when or how long, what it means, a code that does not come, a person to talk
 *   to, "do it for me"), answered by what that answer offers on it (`ABOUT`): `text` is a
 *   response key, `line` the phone line it names, `person` a hand-off after it.
 * - `comeIn`: after the nurse line, whether to be seen ("should i come in?", "debo ir?"): how to
 *   decide (the nurse line, 911 if it gets severe), a same-day visit or an e-visit, and the offer
 *   to book; not a booking begun for them.
 * - news about the answer (dialogs/followUpNews.ts: "i already asked my doctor last week", "its on
 *   my iphone", "and for my mom?"): `about` with its next step, never the same answer again;
 * - `reminders`: a request to be reminded ("can you remind me the day before", "me avisa antes?")
 *   after any answer but the reminders' own: the assistant sends none itself, the reminders
 *   answer says where they are set (Contact's reminders).
 * - `openTimes`: right after the scheduling page, the open times asked for or the day given said
 *   again ("what times do u have?", "didnt i already say wed morning?"): this chat does not see
 *   them; the page set to that day and the phone line (dialogs/appointment/openTimesAsked.ts).
 * Texts are folded (lower case, no accents or apostrophes).
 */
export type FollowUp =
  | { kind: 'placeDay'; line: PhoneLine }
  | { kind: 'place'; topic: 'hours' | 'location' | 'pharmacyHours' | 'pharmacyLocation' | 'clinicPhone' }
  | { kind: 'howTo'; links: readonly LinkKey[]; answered?: string }
  | { kind: 'again'; links: readonly LinkKey[]; answered?: string }
  | { kind: 'qualify'; links: readonly LinkKey[] }
  | { kind: 'notUrgent' }
  | ({ kind: 'about'; links: readonly LinkKey[] } & Omit<About, 'links'>)
  | { kind: 'comeIn' }
  | { kind: 'reminders' }
  | ({ kind: 'openTimes' } & OpenTimesAsked);

/** An app, a download or a browser named ("do i need to download an app", "necesito bajar la app"). */
const APP_WORDS = /\b(app|apps|application|aplicacion|download|downloads|descarg\w*|bajar|bajo|bajarla|bajarlo|instal\w*|browser|navegador|play store|app store|google play)\b/;

/** A follow-up is short: a longer message is a request of its own. */
const MAX_WORDS = 8;
/** "could you send me a reminder the night before?" is still one short wish. */
const MAX_REMIND_WORDS = 12;

const LINE_TEXT = 'followUp.about.line';
const LINE_HOURS = 'followUp.about.lineHours';
const PHONE_WORDS = /\b(phone|number|call|ring|telefono|numero|llamar|llamo|marcar)\b/;

const TABLE_LINKS: Partial<Record<TaskIntentId, readonly LinkKey[]>> = {
  appointment: ['appointments.upcoming'],
  refill: ['pharmacy.prescriptions'],
};

/**
 * The follow-up answer just given (`followUp` in the topic's answers, a marker) is not given again
 * right after: "how?" then "but how do I do that?" gets the other wording of the page and a person.
 */
function notTwice(followUp: FollowUp & { links: readonly LinkKey[] }, prior: TopicPriorState): FollowUp {
  if (prior.answers?.followUp !== followUp.kind) return followUp;
  return { kind: followUp.kind === 'howTo' ? 'again' : 'howTo', links: followUp.links, ...('answered' in followUp && followUp.answered ? { answered: followUp.answered } : {}) };
}

/** How to do what was just answered: that answer named (`topic.sub`), for its own steps. */
function howTo(links: readonly LinkKey[], topic: TaskIntentId, sub: string | undefined): FollowUp & { links: readonly LinkKey[] } {
  return { kind: 'howTo', links, ...(sub ? { answered: `${topic}.${sub}` } : {}) };
}

function about(entry: About, links: readonly LinkKey[]): FollowUp {
  return { kind: 'about', ...entry, links: entry.links ?? links };
}

/** A follow-up that adds information is longer than a question about the answer ("i already asked my doctor last week and nothing happened"). */
const MAX_NEWS_WORDS = 20;

export class FollowUpReader {
  /**
   * `news`: what a follow-up adds to the answer (dialogs/followUpNews.ts), for its next step;
   * `lines`: a phone line named in the member's words (dialogs/lineNames.ts); `topics`: a task
   * topic named by its own words (dialogs/topicNames.ts); `medicines`: a medicine named in them
   * (dialogs/common/medicineNames.ts). */
  constructor(
    private readonly news: FollowUpNews = FollowUpNews.load(),
    private readonly lines: LineNames = LineNames.load(),
    private readonly topics: TopicNames = TopicNames.load(),
    private readonly medicines?: Pick<MedicineNames, 'namedIn'>,
  ) {}

  /**
   * `elsewhere`: the recognizer is sure the message asks for another task than the one just
   * answered ("le puedo mandar un mensaje a mi doctor" after the records answer): its words of
   * sending or how-to are that task's, never a request about the page just shown.
   *
   * `outside`: the message asks for something no topic covers (dialogs/offTopic.ts: "cuanto esta
   * el dolar hoy" after the clinic's hours): a day or a verb in it is not about the answer. */
  read(text: string, prior: TopicPriorState | undefined, elsewhere = false, outside = false): FollowUp | null {
    const own = this.readIn(text, prior, elsewhere, outside);
    // Two requests answered in one turn: what the last answer offers nothing on is read in the light
    // of the one before ("and how long does that take?" is the refill's timing; v17 Z01).
    const earlier = prior?.earlier;
    if (own || !earlier || prior.safety) return own;
    return this.readIn(text, { topics: [earlier.topic, ...prior.topics.filter((t) => t !== earlier.topic)], answers: earlier.answers }, elsewhere, outside);
  }

  private readIn(text: string, prior: TopicPriorState | undefined, elsewhere: boolean, outside: boolean): FollowUp | null {
    const topic = prior?.topics[0];
    if (!prior || !topic) return null;
    const folded = fold(text);
    // A question on one aspect of the answer that points back at it ("tengo q bajar alguna app o algo asi para eso"
    // after the video-visits answer): about that answer, whatever other task the recognizer guesses.
    if (elsewhere && POINTS_BACK.test(folded) && aspectOf(folded) !== null) elsewhere = false;
    // After the mental-health answer, a person to talk to is asked for in a sentence too.
    if (prior.safety === 'mentalHealth' && aspectOf(folded) === 'person') return about(TALK_NOW, []);
    // After the nurse line, someone to talk to now is the nurse line (24/7).
    if (prior.safety === 'symptoms' && aspectOf(folded) === 'person') return about(NURSE_NOW, []);
    if (!folded) return null;
    const words = folded.split(' ').length;
    // The open times asked for right after the scheduling page, or the day given said again: never
    // "When would you prefer?" or the same page word for word (whatever task the recognizer guesses).
    const times = words <= MAX_NEWS_WORDS ? openTimesAsked(folded, prior, outside) : null;
    if (times) return { kind: 'openTimes', ...times };
    const answered = prior.answers?.topic ?? prior.answers?.need;
    // How to get the access just offered ("como hago para q me den ese acceso?"): never the video visits a "pantalla" suggests (v21).
    const access = !prior.safety && words <= MAX_NEWS_WORDS ? this.news.accessAsked(folded, prior.answers) : null;
    if (access) return about(access, []);
    // After the reminders answer, whether STOP to this chat stops them, or when they come ("only
    // want it the day before not a week before"): answered on that, never the same page again, an
    // appointment's menu for the "day" in it or the safety net's task after it (newcomer run v16, X07).
    const afterReminders = topic === 'contact' && answered === 'reminders' && !prior.safety && words <= MAX_NEWS_WORDS;
    if (afterReminders && STOP_HERE.test(folded)) return this.aboutOnce(REMINDER_STOP, prior, topic, answered, folded);
    if (afterReminders && REMIND_WHEN.test(folded)) return this.aboutOnce(REMINDER_TIMING, prior, topic, answered, folded);
    // Where a refill is picked up, right after the refill answer ("ok where do i pick it up", "y
    // donde la recojo"): where the pharmacies are, never the contact menu (newcomer run v16, X03).
    if (topic === 'refill' && !prior.safety && !outside && words <= MAX_WORDS && WHERE.test(folded) && PICK_UP.test(folded)) return { kind: 'place', topic: 'pharmacyLocation' };
    // A reminder asked for after any answer (the appointments, a refill): the reminders answer.
    if (words <= MAX_REMIND_WORDS && REMIND.test(folded) && !TELL_AGAIN.test(folded) && !(topic === 'contact' && answered === 'reminders')) return { kind: 'reminders' };
    // After sign-in help, how the code comes corrected ("es por texto no por correo"): that way's checks, and a
    // forgotten password said beside it its reset right after; never a contact menu or the mail-order pharmacy (v16 X04).
    const corrected = topic === 'password_reset' && !prior.safety && words <= MAX_NEWS_WORDS ? codeWayCorrected(folded) : null;
    if (corrected) {
      const checks = corrected === 'text' ? CODE_TRIED_TEXT : CODE_TRIED;
      return about({ ...checks, ...(forgotPassword(folded) ? { thenSignIn: 'forgotPassword' } : {}) }, []);
    }
    // A clear request for another task, named by its own words ("when is my next appt" after a
    // refill answer, "cuando es mi cita" after the bill): that task, never an aspect of the answer
    // just given (its "when", its line, its steps).
    if (elsewhere && this.namesOther(text, prior.topics)) return null;
    // Whether or when a medicine needs renewing, after a refill answer: for the medicine named (or
    // the one just answered), from the member's own list: still refills left, or renewed by the care team and how.
    // Whether a named medicine's renewal or refill went through ("is the metformin renewal already sent
    // to my doctor?", "¿ya aprobaron la metformina?"): that medicine's status on the member's list (the
    // refill task), not the steps for chasing a renewal.
    if (topic === 'refill' && !prior.safety && this.medicines?.namedIn(folded) && ALREADY_DONE.test(folded)) return null;
    const sendRenewal = this.asksRenewalSent(folded);
    // A medicine named in a longer question ("y la de lisinopril? creo q ya no me quedan refills, el dr
    // la tiene q renovar?") is checked on the member's list too, never taken as news of running out.
    const renewWords = words <= MAX_RENEW_WORDS || (words <= MAX_NEWS_WORDS && !!this.medicines?.namedIn(folded));
    if (topic === 'refill' && !prior.safety && renewWords && !WHICH_ONES.test(folded) && !sendRenewal && NEEDS_RENEWING.some((re) => re.test(folded))) {
      const lastRx = prior.answers?.[LAST_RX_STEP];
      return { kind: 'about', ...RENEW_WHEN, links: [], renewFor: { again: prior.answers?.followUp === RENEW_WHEN.text, ...(lastRx ? { lastRx } : {}) } };
    }
    // Asked in a longer message that names a medicine ("weird the lisinopril bottle says 0 refills. can u
    // send it to my doctor anyway"): that medicine on the member's list, never the no-portal phone way.
    if (topic === 'refill' && !prior.safety && renewWords && !WHEN_WORDS.test(folded) && sendRenewal) {
      // Asked again right after that answer: a person, not the same paragraph (unless another
      // medicine is named: followUpAnswers.ts settles which, it reads the member's prescriptions).
      const lastRx = prior.answers?.[LAST_RX_STEP];
      return { kind: 'about', ...RENEW_DO_IT, links: [], renewFor: { again: RENEW_ANSWERS.has(prior.answers?.followUp ?? ''), afterDoIt: prior.answers?.followUp === RENEW_DO_IT.text, ...(lastRx ? { lastRx } : {}) } };
    }
    // After a refill answer, whether the doctor must see them before a renewal ("do I have to see
    // my doctor before they renew it?" is longer than a follow-up, and names no new task).
    if (topic === 'refill' && !prior.safety && words <= MAX_RENEW_WORDS && !outside && aspectOf(folded) === 'visitFirst') return about(VISIT_FIRST, []);
    // News about the answer (a renewal asked for and no reply, the camera still not working, a
    // family member): its next step, never the same answer again.
    if (!prior.safety && !outside && words <= MAX_NEWS_WORDS) {
      const sub = prior.answers?.topic ?? prior.answers?.need;
      const next = this.news.read(folded, { topic, sub, last: prior.answers?.followUp, aspect: aspectOf(folded), elsewhere });
      if (next) return about(next, this.links(topic, sub));
    }
    // Whether the task just answered can be done from a phone, the app or a computer ("y se puede desde el
    // cel? o tengo que usar compu para la foto" after the insurance answer): yes, and how; never a number (v17 X06). News first ("its on my iphone").
    if (!prior.safety && !outside && words <= MAX_NEWS_WORDS && aspectOf(folded) === 'device') return this.aboutOnce(this.about(topic, answered, 'device', undefined)!, prior, topic, answered, folded);
    // After sign-in help, a code that does not come and what was already tried, in one longer
    // message ("ya intente el reset y no me llega el email, ya revise spam"): the next step at once
    // (the code by text, the address on file, a call), never a menu or what was tried again.
    if (topic === 'password_reset' && !prior.safety && !outside && words <= MAX_NEWS_WORDS && saysAspect(folded, 'resend') && saysAspect(folded, 'tried')) {
      // A code that should come by text ("never comes to my phone") gets the texted code's checks.
      // A way said now, else the one said before; never said: no e-mail assumed (v16 X04).
      const way = codeWay(folded) ?? prior.answers?.codeWay;
      const tried = way === 'text' ? CODE_TRIED_TEXT : way === 'email' ? CODE_TRIED : CODE_TRIED_EITHER;
      const again = [CODE_TRIED.text, CODE_TRIED_TEXT.text, CODE_TRIED_EITHER.text].includes(prior.answers?.followUp ?? '');
      return about(again ? { text: 'followUp.about.stillStuck', line: 'memberServices' } : tried, []);
    }
    // What was said was already done, what an app or a status means, in a longer message ("i already reset it
    // twice and it still says wrong password", "do i need to download an app or smth"): the answer's next step on it.
    if (!prior.safety && !outside && words <= MAX_NEWS_WORDS) {
      // A phone number asked in a sentence ("idk the number its for my blood pressure med", "whats
      // the number for my clinic"): the clinic's number, the line named, or the answer's own line;
      // never the contact menu or the same answer again (newcomer run v14, YX01, YX10).
      const number = numberAsked(folded, topic, prior.answers?.topic ?? prior.answers?.need, this.lines, MAX_WORDS);
      if (number === 'clinic') return { kind: 'place', topic: 'clinicPhone' };
      if (number) return about({ text: LINE_TEXT, line: number }, []);
    }
    if (!prior.safety && !outside && !elsewhere && words > MAX_WORDS && words <= MAX_NEWS_WORDS) {
      const long = aspectOf(folded);
      const sub = prior.answers?.topic ?? prior.answers?.need;
      // How long, asked at length ("ok and how long does it usually take once i ask for a refill"): its timing (v19 Z01, Z04, Z14).
      const timing = long === 'timing' && asksHowLongAtLength(folded, !!this.medicines?.namedIn(folded));
      const offered = timing || long === 'tried' || long === 'needs' || long === 'howItWorks' || long === 'meaning' || long === 'why' || long === 'unexplained' ? this.offered(topic, sub, long, folded, undefined) : undefined;
      if (offered) return this.aboutOnce(offered, prior, topic, sub, folded);
    }
    if (words > MAX_WORDS || outside) return null;
    if (prior.safety === 'symptoms') {
      if (NOT_URGENT.some((re) => re.test(folded))) return { kind: 'notUrgent' };
      if (SHOULD_COME_IN.some((re) => re.test(folded))) return { kind: 'comeIn' };
      return HOW_TO.some((re) => re.test(folded)) || /^(ok |okay |y |pero )?(how|como)$/.test(folded) ? about(E_VISIT_HOW, []) : null;
    }
    const sub = prior.answers?.topic ?? prior.answers?.need;
    const place = topic === 'contact' && sub ? PLACE_TOPICS[sub] : undefined;
    if (place) {
      // After a clinic's number or where clinics are: one clinic named keeps the number asked, a day is that clinic's hours (v20).
      const clinic = clinicFollowUp(folded, sub!, DAY.test(folded) && !elsewhere);
      if (clinic) return clinic === 'phone' ? about(PLACE_PHONE, []) : { kind: 'place', topic: 'hours' };
      // "and the downtown pharmacy?" after a place's hours: the pharmacies' own hours (the profile has them).
      // One pharmacy by its place ("la farmacia del centro"); "and the pharmacy?" alone is its line.
      if (sub === 'hours' && PHARMACY.test(folded) && ONE_PHARMACY.test(folded) && !PHONE_WORDS.test(folded) && !WHERE.test(folded)) return { kind: 'place', topic: 'pharmacyHours' };
      // "the downtown one" after the hours: that clinic's own hours are on the clinic finder (one line).
      if (place.about === 'hours' && NAMED_ONE.test(folded)) return about(PLACE_HOURS, []);
      // "the one on main st", "downtown", "la del centro" after a clinic's hours, with no address
      // asked: that clinic's hours (the same question, narrowed), not where it is (after the
      // pharmacy's hours, one location by its street is still where it is).
      if (place.about === 'hours' && place.line !== 'pharmacy' && !PHARMACY.test(folded) && (AREA_ALONE.test(folded) || (ONE_PLACE.test(folded) && !ADDRESS.test(folded)))) return about(PLACE_HOURS, []);
      // The address right after the pharmacy's line ("no, la direccion. donde esta"): where the
      // pharmacies are; after a follow-up on another place (the lab's hours), the clinic finder.
      const pharmacyNext = sub === 'pharmacy' && !prior.answers?.followUp;
      if (ONE_PLACE.test(folded)) return { kind: 'place', topic: pharmacyNext ? 'pharmacyLocation' : 'location' };
      // A lab's hours: each lab's own (the clinic page), not the phone line's.
      if (this.news.says('labHours', folded) && !WHERE.test(folded)) return about(LAB_HOURS, []);
      // A day after the pharmacy's line or its hours ("are you open sunday", "y el domingo?"): the
      // pharmacies' own opening hours for that day, in either language.
      // A day in a request for another task the recognizer is sure of ("mejor quiero cancelar mi
      // cita del martes"): that task's day, not the place's.
      const day = DAY.test(folded) && !elsewhere;
      if (day && place.line === 'pharmacy') return { kind: 'place', topic: 'pharmacyHours' };
      if (day) return { kind: 'placeDay', line: place.line };
      // Where another place is ("the closest clinic to 97201"): where, not its hours.
      if (OTHER_PLACE.test(folded) && !/\bpharmac|\bfarmacia/.test(folded)) return { kind: 'place', topic: WHERE.test(folded) ? 'location' : place.about };
      // When it is open, after its phone number ("what are your hours"): the hours, not the number again.
      if (place.line === 'memberServices' && sub !== 'hours' && OPEN_HOURS.test(folded) && !PHONE_WORDS.test(folded)) return { kind: 'place', topic: 'hours' };
    }
    const links = this.links(topic, sub);
    const read = aspectOf(folded);
    // "I tried that" after a safety answer is not about a how-to's steps.
    const aspect = read === 'tried' && prior.safety ? null : read;
    // A number asked for by its line's name ("whats the number for the nurse"): that line, not the answer's.
    const named = aspect === 'line' ? this.lines.named(folded) : null;
    if (named && named !== (place?.line ?? TOPIC_LINE[topic])) return about({ text: 'followUp.about.line', line: named }, []);
    // The pharmacy's hours after a refill or pharmacy answer: the pharmacies' opening hours
    // (the member's own first), never the pharmacy phone line's; its number stays the line.
    if (aspect === 'line' && (place?.line ?? TOPIC_LINE[topic]) === 'pharmacy' && sub !== 'pharmacyHours' && OPEN_HOURS.test(folded) && !PHONE_WORDS.test(folded)) {
      return { kind: 'place', topic: 'pharmacyHours' };
    }
    // A question of when that asks about something else, with nothing pointing back at the answer:
    // another task the recognizer is sure of ("when is my next appt", "when is my bill due" after a
    // refill) or a medicine named ("when will my metformin be ready"): its own answer, never this
    // answer's timing ("A refill you asked for is usually ready in 1 to 2 business days": newcomer
    // run v13, YW03; v12, YU02).
    if (aspect === 'timing' && !POINTS_BACK.test(folded) && (elsewhere || this.medicines?.namedIn(folded))) return null;
    const offered = aspect ? this.offered(topic, sub, aspect, folded, place?.line) : undefined;
    if (offered) return this.aboutOnce(offered, prior, topic, sub, folded);
    if (!links.length) return null;
    if (aspect === 'doIt') return notTwice({ kind: 'howTo', links }, prior);
    // What the answer means, where it has no explanation of its own ("what does that mean" after
    // the sign-in help or how to pay a bill): its steps in plain words, never the same answer again.
    // Only what points back at it: "y que significa copago?" asks about a term (its own sub-topic).
    if (aspect === 'meaning' && !prior.safety && POINTS_BACK.test(folded)) return notTwice(howTo(links, topic, sub), prior);
    if (HOW_TO.some((re) => re.test(folded))) return notTwice(howTo(links, topic, sub), prior);
    // A verb of sending is about the answer just given, unless the recognizer is sure of another
    // task and nothing points back ("le puedo mandar un mensaje a mi doctor" is a message to the
    // care team; "could you email it to me?", "me la pueden mandar?" are about the page).
    if (SEND_IT.test(folded) && (!elsewhere || POINTS_BACK.test(folded))) return notTwice({ kind: 'howTo', links }, prior);
    if (sub && QUALIFIER.test(folded)) return notTwice({ kind: 'qualify', links }, prior);
    return null;
  }

  /**
   * The chat asked to get the renewal sent ("could you get my doctor to renew it", "mandasela a mi
   * doctor porfa", "no la puedes mandar tu?"): a request this chat cannot send. Said with no
   * portal at hand ("no se usar el portal"), it is the news of dialogs/followUpNews.ts (the phone way).
   */
  private asksRenewalSent(folded: string): boolean {
    if (RENEW_FOR_ME.some((re) => re.test(folded))) return true;
    return this.news.says('sendForMe', folded) && !this.news.says('noPortal', folded);
  }

  /** The message names a task topic by its own words, none of those just answered. */
  private namesOther(text: string, answered: readonly TaskIntentId[]): boolean {
    const named = this.topics.named(text);
    return named.length > 0 && !named.some((topic) => answered.includes(topic));
  }

  /**
   * The follow-up was read as the same topic with the same sub-topic as the answer just given
   * (dialogs/topicPrior.ts kept it): that answer again word for word is no help.
   */
  again(prior: TopicPriorState | undefined, intent: TaskIntentId, answers: Record<string, string> | undefined): FollowUp | null {
    const sub = prior?.answers?.topic;
    if (!sub || prior.topics[0] !== intent || answers?.topic !== sub) return null;
    const links = this.links(intent, sub);
    return links.length ? notTwice({ kind: 'again', links, answered: `${intent}.${sub}` }, prior) : null;
  }

  /**
   * What the answer offers on `aspect` (`about`), with what the message adds: the medicine the
   * refill answer was about, an app asked about where the answer has nothing on it.
   */
  private offered(topic: TaskIntentId, sub: string | undefined, aspect: Aspect, folded: string, placeLine: PhoneLine | undefined): About | undefined {
    const entry = (aspect === 'timing' ? timingOf(topic, folded) : undefined) ?? this.about(topic, sub, aspect, placeLine);
    if (!entry && aspect === 'needs' && APP_WORDS.test(folded)) return APP;
    return entry;
  }

  /** The same aspect asked again right after its answer ("still nothing" after "resend"): a person. */
  private aboutOnce(offered: About, prior: TopicPriorState, topic: TaskIntentId, sub: string | undefined, folded = ''): FollowUp {
    const links = this.links(topic, sub);
    // What a video visit takes was just said, and more is asked: whether to download something is
    // the app's answer; how it works again, how the visit goes (a set time, joined from the page).
    if (prior.answers?.followUp === offered.text && offered.text === VIDEO_NEEDS) {
      if (APP_WORDS.test(folded)) return about(APP, []);
      const howItGoes = ABOUT.telehealth?.timing;
      if (howItGoes) return about(howItGoes, links);
    }
    // The line's hours or number asked after its number ("ok gracias, a que hora cierran"): a
    // question, never a report that the answer failed; the hours when only they are asked.
    if (offered.text === LINE_TEXT || offered.text === LINE_HOURS) {
      const hours = OPEN_HOURS.test(folded) && !PHONE_WORDS.test(folded);
      return about({ ...offered, text: hours ? LINE_HOURS : LINE_TEXT }, links);
    }
    const timingAsked = timingAgain(offered, prior.answers?.followUp, topic);
    if (timingAsked) return about(timingAsked, links);
    if (prior.answers?.followUp === offered.text) return about({ text: 'followUp.about.stillStuck', line: offered.line ?? TOPIC_LINE[topic] ?? 'memberServices' }, links);
    const lastRx = prior.answers?.[LAST_RX_STEP];
    return about(offered.explainRx ? { ...offered, explainRx: lastRx ? { lastRx } : {} } : offered, links);
  }

  /** What the answer just given offers on `aspect`: its table entry, or its line's number and hours. */
  private about(topic: TaskIntentId, sub: string | undefined, aspect: Aspect, placeLine: PhoneLine | undefined): About | undefined {
    const entry = (sub ? ABOUT[`${topic}:${sub}`]?.[aspect] : undefined) ?? ABOUT[topic]?.[aspect];
    if (entry) return entry;
    const line = placeLine ?? answerLine(topic, sub);
    if (aspect === 'line' && line) return { text: 'followUp.about.line', line };
    if (aspect === 'device') return DEVICE;
    // The answer's steps were tried and did not help: a person, with the topic's line.
    if (aspect === 'tried') return { text: 'followUp.about.stillStuck', line: line ?? 'memberServices' };
    // The answer did not explain what was asked ("that doesnt explain why its 340"): the topic's
    // line and a person, never the page again as if it did (newcomer run v20).
    if (aspect === 'unexplained') return { text: 'followUp.about.notExplained', line: line ?? 'memberServices' };
    return undefined;
  }

  /** The pages of the answer just given (its sub-topic's, or the task's own page). */
  private links(topic: TaskIntentId, sub: string | undefined): readonly LinkKey[] {
    const answer = sub ? SUB_TOPIC_TABLES.find((t) => t.intent === topic && sub in t.answers) : undefined;
    const links = answer ? (answer.answers as Record<string, { links: readonly LinkKey[] }>)[sub!]!.links : [];
    return links.length ? links : (TABLE_LINKS[topic] ?? []);
  }
}
