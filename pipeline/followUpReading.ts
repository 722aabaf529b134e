import { z } from 'zod';
import { readDataFile } from '../common/dataFile';
import { StartupError } from '../common/errors';
import { fromRoot } from '../common/paths';
import { fold } from '../dialogs/common/text';

/**
 * What a member's message after an emergency answer says about the call itself (pipeline/
 * urgentFollowUp.ts), in English or Spanish, whatever the exact wording:
 * - `called`: they have called, or are on the line, or help is on its way ("I already called
 *   them", "ya llamé", "the ambulance is coming", "estoy hablando con ellos");
 * - `onTheWay`: already on the way to the ER or a hospital, or there ("my wife is driving me to
 *   the er now", "on our way to the hospital", "me lleva mi esposo a urgencias"), not a question
 *   whether to go nor a refusal ("should i go to the er", "no voy a ir al hospital");
 * - `refusal`: a reason not to go or not to call, or a visit asked for instead ("I don't want to
 *   go to the ER", "no quiero ir a emergencias", "can I just get an appt", "mejor una cita").
 * - `privacy`: a worry about who will know ("don't tell anyone", "will he find out", "is this
 *   private?", "no le digas a nadie", "¿se va a enterar?"), after an abuse disclosure above all;
 * - `police`: not wanting the police, or a fear they will come ("i dont want the cops involved",
 *   "will they call the police on him", "no quiero que llamen a la policia"): the hotline is not the police;
 * - `goodbye`: only thanks and leave-taking ("ok thanks bye", "gracias, adiós"), nothing else;
 * - `means`: the means at hand named ("i have my pills saved up", "tengo una pistola en la casa"), after a crisis answer;
 * - `safe`: safe for now ("i'm at my sister's", "he's gone", "no estoy herida"), after an abuse disclosure;
 * - `mail`: a practical request about mail, an address or contact details ("can u mail the card to my
 *   sisters place", "how do i change my mailing address so he doesnt see my mail", "cambiar mi
 *   direccion"), after an abuse disclosure above all; a phone watched said with it is `watched`;
 * - `ack`: a bare acknowledgement, the whole message ("ok", "idk", "sure", "vale", "ajá").
 * - `watched`: the phone watched by someone ("he checks my phone", "pls dont text me back about
 *   this", "he goes thru my phone", "i cant have these texts on here", "el revisa mi celular",
 *   "no puedo tener estos textos aqui", "borra esto"), after an abuse disclosure above all;
 * - `handled`: the person is in the care of help that came ("they took her", "the ambulance came",
 *   "she's at the hospital", "ya se la llevaron"), after 911 or Poison Control.
 * Apart from the readings, `asksBack` is a task interrupted by a safety answer asked for again
 * ("y la cita?", "what about my appointment", "ok back to the booking").
 * A message that says both (a refusal that names a call not made: "I didn't call, I don't want an
 * ambulance") is a refusal: "called" needs a call that was made. A worry about who will know comes
 * first ("will he find out I called you").
 *
 * Texts are folded (lower case, no accents or apostrophes: "didn't" is "didnt"). The words are
 * data (`pipeline/data/follow-up-reading.json`: regular expressions per reading, with macros);
 * the order in which the readings are tried is this module's.
 */
export type FollowUpReading = 'called' | 'onTheWay' | 'refusal' | 'reassured' | 'mail' | 'account' | 'privacy' | 'police' | 'goodbye' | 'means' | 'safe' | 'ack' | 'watched' | 'handled';

export class FollowUpReadingError extends StartupError {}

const PATTERN_LISTS = [
  'means', 'taken', 'safe', 'ack', 'called', 'notCalled', 'onTheWay', 'notOnTheWay', 'refusal', 'mail', 'account', 'accountSeen', 'privacy', 'police', 'policeWorry', 'thanksOrBye', 'reassured', 'emergencyServices', 'watched', 'portalNamed', 'handled', 'back',
  'alone', 'asksToGo', 'toldToGo', 'coverage', 'otherCare', 'calmer', 'notCalmer', 'taskAsked', 'selfPatient', 'otherPatient',
] as const;
type PatternList = (typeof PATTERN_LISTS)[number];

const fileSchema = z.strictObject({
  $comment: z.string().optional(),
  macros: z.record(z.string().regex(/^[A-Z_]+$/, { error: 'expected a macro name in capitals' }), z.string().min(1)),
  patterns: z.strictObject(Object.fromEntries(PATTERN_LISTS.map((k) => [k, z.array(z.string().min(1)).min(1)])) as Record<PatternList, z.ZodArray<z.ZodString>>),
  /** Words that only thank or take leave: a message made of them alone (with a thanks or a bye) is a goodbye. */
  leaveTaking: z.array(z.string().min(1)).min(1),
});

/** The compiled reading words: one list of expressions per reading. */
export class FollowUpReader {
  private constructor(
    private readonly patterns: Record<PatternList, readonly RegExp[]>,
    private readonly leaveTaking: ReadonlySet<string>,
  ) {}

  static load(file: string = fromRoot('pipeline', 'data', 'follow-up-reading.json')): FollowUpReader {
    const { macros, patterns, leaveTaking } = readDataFile(file, fileSchema, 'Follow-up reading', (message) => new FollowUpReadingError(message));
    const compile = (list: PatternList, source: string, i: number): RegExp => {
      const expanded = source.replace(/\{([A-Z_]+)\}/g, (_, name: string) => {
        const macro = macros[name];
        if (macro === undefined) throw new FollowUpReadingError(`Follow-up reading file ${file}: patterns.${list}.${i} uses an unknown macro {${name}}.`);
        return macro;
      });
      try {
        return new RegExp(expanded);
      } catch (err) {
        throw new FollowUpReadingError(`Follow-up reading file ${file}: patterns.${list}.${i} is not a valid expression: ${(err as Error).message}`);
      }
    };
    const compiled = Object.fromEntries(PATTERN_LISTS.map((list) => [list, patterns[list].map((source, i) => compile(list, source, i))])) as Record<PatternList, RegExp[]>;
    return new FollowUpReader(compiled, new Set(leaveTaking));
  }

  private any(list: PatternList, folded: string): boolean {
    return this.patterns[list].some((re) => re.test(folded));
  }

  private onlyThanksOrBye(folded: string): boolean {
    const words = folded.split(/[^a-z0-9-]+/).filter(Boolean);
    return words.length > 0 && words.length <= 10 && words.every((w) => this.leaveTaking.has(w)) && this.any('thanksOrBye', folded);
  }

  /**
   * A call made that names emergency services: after a Poison Control answer, "ya llamé al 911,
   * vienen en camino" is thanked as a call to 911, not to Poison Control.
   */
  calledEmergencyServices(text: string): boolean {
    return this.read(text) === 'called' && this.any('emergencyServices', fold(text));
  }

  /** A task interrupted by a safety answer asked for again ("y la cita?", "what about my appointment"). */
  asksBack(text: string): boolean {
    return this.any('back', fold(text));
  }

  /**
   * No car, no ride, alone ("no tengo carro y estoy sola", "nobody can drive me, im home alone"):
   * after a 911 answer, a reason the member thinks they cannot get there, not a mood.
   */
  alone(text: string): boolean {
    return this.any('alone', fold(text));
  }

  /**
   * A call made in which they were told to go to the ER ("ya llamé, me dicen que lo lleve a
   * urgencias", "poison control said to take him to the er"): the advice is backed (go now).
   */
  /** Asks whether the ER or a hospital is needed ("do i need to bring her to the er after"), not told to go. */
  asksToGo(text: string): boolean {
    return this.any('asksToGo', fold(text).replace(/[?¿]/g, ' ').trim());
  }

  toldToGo(text: string): boolean {
    const folded = fold(text);
    return this.any('toldToGo', folded) && !this.any('notOnTheWay', folded.replace(/\b(tengo|tenemos|hay) que\b/g, ''));
  }

  /** What the care will cost, or whether the plan covers it ("mi seguro lo cubre?", "is the ambulance covered"). */
  asksCoverage(text: string): boolean {
    const folded = fold(text);
    // "what's my copay for a specialist?" asks about other care: a question of its own, not this emergency's cost.
    return this.any('coverage', folded) && !this.any('otherCare', folded);
  }

  /**
   * After a crisis answer, a calmer word that takes it back ("im not gonna do anything, just tired
   * of all of it", "no voy a hacer nada, solo estoy cansada de todo"), with no sign said again
   * ("I want to die", something taken).
   */
  calmer(text: string): boolean {
    const folded = fold(text);
    // "im not gonna do anything. just tired. can we finish moving the appt": the task goes on (YW06).
    return this.any('calmer', folded) && !this.any('notCalmer', folded) && !this.any('means', folded) && !this.any('taskAsked', folded);
  }

  /**
   * Who the emergency is about, from the member's words: someone else named ("my dad", "mi hijo",
   * "she", "alone with him"), or the member ("me duele el pecho", "i have chest pain"); undefined
   * when the words do not say.
   */
  patient(text: string): 'self' | 'other' | undefined {
    const folded = fold(text);
    if (this.any('otherPatient', folded)) return 'other';
    return this.any('selfPatient', folded) ? 'self' : undefined;
  }

  read(text: string): FollowUpReading | null {
    const folded = fold(text);
    if (!folded) return null;
    // Help came and took the person ("they took her", "ya se la llevaron"): before a call made,
    // whose words ("the ambulance is here") it shares.
    // "mi esposo se llevó el carro" (newcomer run v23, X10): the car taken, not the child (no ride: `alone`, later).
    if (this.any('handled', folded) && !this.any('alone', folded) && !CAR_TAKEN.test(folded)) return 'handled';
    const called = this.any('called', folded) && !this.any('notCalled', folded);
    // "I don't want the police": the hotline is not the police (before who will know: "don't tell
    // the police" is that worry too); "I called the police" is a call made.
    if (!called && this.any('police', folded) && this.any('policeWorry', folded)) return 'police';
    // "will he find out I texted you" is a worry about who will know, before a call made.
    // The phone watched ("he checks my phone, dont text me back", "el lee mis mensajes"): after
    // keeping them out of the account, before what the plan holds and who will know. "she looks at
    // my messages at night" names the phone as much as the portal: the phone watched, unless the
    // account is named ("he has my login, how do i stop him reading my messages") (v19 X12).
    const watched = !called && this.any('watched', folded);
    // Mail or contact details sent elsewhere ("change the mailing address so he doesnt see my
    // mail"): the practical request, before the worry it comes with (v20).
    if (!called && !watched && this.any('mail', folded)) return 'mail';
    if (!called && this.any('account', folded) && !(watched && !this.any('portalNamed', folded))) return 'account';
    if (watched) return 'watched';
    // The abuser and what the plan holds; a reason not to go or call said with it ("i dont want to
    // go to the ER, he'll see the bill") stays a refusal.
    if (!called && this.any('accountSeen', folded) && !this.any('refusal', folded)) return 'account';
    if (this.any('privacy', folded)) return 'privacy';
    if (called) return 'called';
    if (this.any('onTheWay', folded) && !this.any('notOnTheWay', folded)) return 'onTheWay';
    if (this.onlyThanksOrBye(folded)) return 'goodbye';
    if (this.any('refusal', folded)) return 'refusal';
    // The means at hand, never something already taken (that is the triage's).
    if (this.any('means', folded) && !this.any('taken', folded)) return 'means';
    if (this.any('reassured', folded)) return 'reassured';
    if (this.any('safe', folded)) return 'safe';
    if (this.any('ack', folded)) return 'ack';
    return null;
  }
}

let shared: FollowUpReader | undefined;
/** The reader over the shipped data file (loaded and validated on first use). */
function reader(): FollowUpReader {
  shared ??= FollowUpReader.load();
  return shared;
}

export function calledEmergencyServices(text: string): boolean {
  return reader().calledEmergencyServices(text);
}

export function readFollowUp(text: string): FollowUpReading | null {
  return reader().read(text);
}

export function asksBack(text: string): boolean {
  return reader().asksBack(text);
}

export function aloneWithoutRide(text: string): boolean {
  return reader().alone(text);
}

/** A car, a truck or a ride taken by someone (folded text): "se lo llevó" is the car, not the patient. */
const CAR_TAKEN = /\b(?:carro|coche|auto|camioneta|troca|car|truck|van)\b/;

export function asksToGo(text: string): boolean {
  return reader().asksToGo(text);
}

export function toldToGo(text: string): boolean {
  return reader().toldToGo(text);
}

export function asksCoverage(text: string): boolean {
  return reader().asksCoverage(text);
}

export function calmerAfterCrisis(text: string): boolean {
  return reader().calmer(text);
}

export function patientIn(text: string): 'self' | 'other' | undefined {
  return reader().patient(text);
}
