import fs from 'node:fs';
import path from 'node:path';
import { defaultLocaleDetector } from '../locale/detect-locale';
import { loadRealWords } from '../emergency/lexicon';
import { normalizeChars } from '../text/normalize';
import { ShorthandExpander, loadShorthand } from '../text/shorthand';
import type { EmergencyCheck, EmergencyKind, EmergencyMatch, IntentKind, SafetySignal, TriageCheck, TriageIntentId, TriageMatch, TriageResult } from '../types';
import { loadConcepts, type ConceptMatcher } from './concepts';
import { ALSO_ABUSE_IN_VIOLENCE_SHARE, ALSO_EMERGENCY_SHARE, ALSO_KIND_SHARE, BODILY, CHILD_HARM_SEEN, CRISIS_OVER_POISON, CRISIS_OVER_POISON_MIN, DONE_TO_ONESELF, NAMED_KIND_SHARE, OVERDOSE_RULE, PARTNER, POISON_DOUBT, SCHEDULING, SERVICE_IN_TASK_OTHER, SERVICE_RULE, TAKEN_SHARE, TORN_SHARE, VIOLENCE_RULE, WHOLE_NOT_EMERGENCY, WHOLE_OTHER_OUTCOME, ABUSE_CONCEPTS, fold } from './decisionShares';
import { argmax, emergencyKind, I, sum } from './probabilities';
import { loadClosings, type ClosingReader } from './closing';
import { loadDenials, type DenialReader } from './denial';
import { loadHarmless, type HarmlessReader } from './harmless';
import { loadTriageCorpus } from './corpus';
import { TriageFeatures, type SentenceView } from './features';
import { ABUSE_LABELS, EMERGENCY_LABELS } from './labels';
import { crisisRead, errandNamed, plainReadings, withoutReadings } from './plainReadings';
import { framedRule } from './framedRule';
import { pastRecord } from './pastRecord';
import { reassured } from './reassurance';
import { disclosedInWords, partnerFirst } from './disclosureWords';
import { DEFAULT_TRIAGE_MODEL_FILE, loadTriageConfig, trainTriageModel, triageDataHash, TriageModel, type TriageConfig } from './model';

/** Above this many sentences a long post is judged whole only (each sentence costs a prediction). */
const MAX_SENTENCES_ALONE = 40;

export interface TriageParts {
  model: TriageModel;
  concepts: ConceptMatcher;
  config: TriageConfig;
  /** The hand-written emergency lexicons: a strong rule is an emergency whatever the model says. */
  detector: EmergencyCheck;
  /** Denials of suicidal thoughts ("I'm not thinking of hurting myself"): never the crisis script. */
  denials: DenialReader;
  /** A chat-ending "done" ("I'm all done here, goodbye"): not hopelessness. */
  closings: ClosingReader;
  /** A message that only says someone feels better, "ill" for "I'll": never a sign. */
  harmless: HarmlessReader;
}

/**
 * The safety triage (issue 19): on every member message, before anything else, emergency (911 /
 * 988 / Poison Control), abuse disclosure, mental health, symptoms, or none of them.
 *
 * Three parts, each a safety net for the others:
 * 1. the emergency lexicons' strong rules (first-person, present signs: "I can't breathe") —
 *    always an emergency;
 * 2. the triage model (intents/triage/model.ts): logistic regression over words, stems and the
 *    concepts of intents/data/triage/concepts.json, trained on thousands of lines per outcome and
 *    on many more that are not (tasks, other assistants' requests, NIH health questions). The
 *    whole message is judged, and each sentence of a longer one alone for emergencies, so one
 *    line of a long post is enough;
 * 3. the safety signal: when the model gives an emergency some probability but not enough, or a
 *    contextual lexicon rule fires, the answer is `unsure` (the reply says what to do if it is an
 *    emergency, then asks); a health or distress concept alone is a `signal`.
 *
 * Explainable: `rule` names the lexicon rule or the model's strongest concept feature, never words.
 */
export class SafetyTriage implements TriageCheck {
  constructor(private readonly parts: TriageParts) {}

  triage(text: string): TriageResult {
    const seen: { sentences: SentenceView[] } = { sentences: [] };
    const result = this.decide(text, seen);
    // Whether the member wrote a portal-task word ("bill", "refill", "cita", "contraseña"): only
    // then may a portal task win over mental health or symptoms (intents/understanding.ts).
    const concepts = [...new Set(seen.sentences.flatMap((s) => s.concepts))];
    return { ...result, ...(concepts.includes('task') ? { taskWord: true } : {}), ...(concepts.length > 0 ? { concepts } : {}) };
  }

  private decide(text: string, seen: { sentences: SentenceView[] }): TriageResult {
    if (typeof text !== 'string' || text.trim().length === 0) return { match: null, safety: null };
    const { model, config, detector, concepts } = this.parts;
    const d = config.decision;
    const features = model.features;
    // The language detector's word lists decide, except in a short message whose concept words
    // are all of one language: "me violaron" is Spanish ("me" is an English word too).
    let locale = features.locale(text);
    const raw = normalizeChars(text).split(' ');
    if (raw.length <= 6) {
      const votes = concepts.languageVotes(raw);
      if (votes.es > 0 && votes.en === 0) locale = 'es';
      else if (votes.en > 0 && votes.es === 0) locale = 'en';
    }
    const { sentences, closing } = this.parts.closings.withoutClosing(features.sentences(text, locale));
    seen.sentences = sentences;
    // Readings the model gives words that are plain here (a caregiver's errand, an account that
    // "won't let me back in", pills that ran out): their probability goes to "no outcome".
    const voided = plainReadings(text, sentences);
    const predict = (ss: SentenceView[]): Float64Array => withoutReadings(model.predict(ss, locale), voided);
    const p = predict(sentences);
    // "ill" in "ok ill call" is "I'll": its concept is no signal (the model reads the words as they are).
    const signalConcepts = (s: SentenceView): string[] => {
      const masked = this.parts.harmless.withoutLookalikes(s.tokens, s.concepts.includes('task'));
      return (masked ? concepts.find(masked) : s.concepts).filter((c) => concepts.signal.has(c));
    };
    const hasSignal = (s: SentenceView): boolean => signalConcepts(s).length > 0;
    const signalled = sentences.some(hasSignal);
    // A whole message that only says someone feels better ("ya se siente bien", "ya me siento
    // mejor": "siento" is a mood word) or asks why the assistant cannot do it ("why cant you just
    // do it"): nothing, unless a strong rule fires. Every word is the pattern's, so no other sign.
    if (this.parts.harmless.message(sentences)) {
      const lexiconOnly = safeDetect(detector, text);
      if (!lexiconOnly?.strong) return { match: null, safety: null };
    }
    let ep = p;
    // Without any health, distress or safety concept, only a very confident model calls an
    // emergency ("Help! I lost my card!" is a bank's errand, whatever its exclamation marks).
    // A word or two with no concept ("myself", "my son" answering "who is it for?") is an answer
    // to a question, never an outcome of the model's.
    const words = sentences.reduce((n, s) => n + s.tokens.length, 0);
    if (!signalled && words < 3) {
      const lexiconOnly = safeDetect(detector, text);
      return lexiconOnly?.strong ? this.emergency(lexiconOnly.kind, lexiconOnly, locale, 1, undefined, 0, p) : lexiconOnly ? { match: null, safety: { level: 'unsure', rule: lexiconOnly.rule } } : { match: null, safety: null };
    }
    // A day or a clock time with no health, distress or safety concept ("friday would be better",
    // "monday at 3 works") answers a booking question: the model alone never calls it an emergency
    // (its words lean on "would be better off without me"); a strong doubt still gets the safety net.
    const scheduling = !signalled && SCHEDULING.test(fold(text));
    let pe = !scheduling && (signalled || sum(p, EMERGENCY_LABELS) >= d.unconceptual) ? sum(p, EMERGENCY_LABELS) : 0;
    // A whole message that reads as care, a symptom or a disclosure is not raised by one of its sentences.
    const wholeElsewhere = sum(p, EMERGENCY_LABELS) < WHOLE_NOT_EMERGENCY && p[I.mental_health]! + p[I.symptoms]! + sum(p, ABUSE_LABELS) >= WHOLE_OTHER_OUTCOME;
    if (sentences.length > 1 && sentences.length <= MAX_SENTENCES_ALONE && !wholeElsewhere) {
      for (const s of sentences) {
        if (!hasSignal(s)) continue;
        const ps = predict([s]);
        const pes = sum(ps, EMERGENCY_LABELS);
        if (pes >= d.sentenceEmergency && pes > pe) {
          ep = ps;
          pe = pes;
        }
      }
      // The whole message is an emergency already: its kind, read with all its words, stands ("tiene
      // 2 años. ya no quiere tomar agua y esta muy dormida" is a drowsy toddler, 911; the second
      // sentence alone reads "ya no quiere" as a crisis); a sentence only raises the probability.
      const whole = sum(p, EMERGENCY_LABELS);
      if (ep !== p && whole >= d.emergency && emergencyKind(ep, pe) !== emergencyKind(p, whole)) ep = p.map((v) => (v * pe) / whole);
    }
    const lexicon = safeDetect(detector, text);
    // A record or a bill of an emergency long past: the task, with the safety line.
    if (lexicon?.strong && pastRecord(text, detector)) return { match: null, safety: { level: 'signal', rule: `past:${lexicon.rule}` } };
    // A strong phrase in a bill, a figure of speech or a joke the model is sure of (framedRule.ts): the task, with the safety line.
    if (lexicon?.strong && framedRule(text, p, (s) => features.sentences(s, locale), detector)) return { match: null, safety: { level: 'signal', rule: `framed:${lexicon.rule}` } };
    if (lexicon?.strong) {
      // An ingestion the lexicon reads as poisoning that the model reads as a crisis ("swallowed
      // all my mom's xanax because i'm done", "she's going to take all her pills tonight"): an
      // overdose on purpose is a crisis (988); when something has been swallowed, the answer puts
      // 911 and Poison Control first. A denial ("not on purpose") keeps the lexicon's kind.
      if (lexicon.kind === 'poison' && crisisRead(lexicon.rule, sentences) && p[I.crisis]! >= CRISIS_OVER_POISON_MIN && p[I.crisis]! >= CRISIS_OVER_POISON * sum(p, EMERGENCY_LABELS) && !this.parts.denials.denial(sentences)) {
        const taken = sentences.some((s) => s.concepts.includes('ingest'));
        const result = this.outcome('emergency', 'crisis', lexicon.locale ?? locale, 1, `${lexicon.rule}+model:crisis`);
        if (taken) result.match!.alsoKind = 'poison';
        return result;
      }
      // A crisis rule on a message that says something was swallowed ("me tomé todas las pastillas
      // para ya no despertar"): 911 and Poison Control first, then 988.
      const swallowed = sentences.some((s) => s.concepts.includes('ingest') && s.concepts.includes('substance'));
      return this.emergency(lexicon.kind, lexicon, locale, 1, undefined, swallowed ? 1 : 0, p);
    }
    // A cover story taken back ("no fue la puerta, fue mi esposo") with no crisis word: the partner's violence, before the model's crisis.
    if (!lexicon && partnerFirst(text, sentences)) return this.outcome('abuse', 'dv', locale, Math.max(sum(p, ABUSE_LABELS), d.abuse), 'rule:dv.disclosure');
    // A portal task ("can we kill my 2pm", "estas facturas me van a matar") asks more of the model before it calls an emergency; below that, the safety net.
    const framedAsTask = sentences.some((s) => s.concepts.includes('task') || s.concepts.includes('figurative') || s.concepts.includes('info_question'));
    const needed = framedAsTask ? d.emergencyWithTask : d.emergency;
    const denied = emergencyKind(ep, pe) === 'crisis' ? this.parts.denials.denial(sentences) : null;
    if (pe >= needed || (lexicon && pe >= Math.max(d.unsure, framedAsTask ? d.emergency : 0))) {
      if (denied) return this.denied(denied, sentences, p, locale);
      // A medical emergency only the model sees, in a message that reassures about the body
      // ("respira bien por la boca y está tranquilo"): the nurse line, which still says 911 if worse.
      if (emergencyKind(ep, pe) === 'medical' && reassured(text, pe, sentences)) return this.outcome('symptoms', null, locale, Math.max(p[I.symptoms]!, d.symptoms), `reassured:model:medical`);
      return this.emergency(emergencyKind(ep, pe), null, locale, pe, model.strongestFeature(sentences, locale, emergencyKind(ep, pe)), ep[I.poison]! / pe, p);
    }
    const pa = sum(p, ABUSE_LABELS);
    // Someone else's child seen or found hurt, which the model reads as small talk or distress: a
    // child-abuse disclosure (Childhelp), told by a witness or a teacher.
    // Whatever kind the model leans to, a child seen hurt is the child's (Childhelp).
    const readings = [fold(text), sentences.map((s) => s.tokens.join(' ')).join(' ')];
    if (CHILD_HARM_SEEN.some((re) => readings.some((r) => re.test(r)))) return this.outcome('abuse', 'child', locale, Math.max(pa, d.abuse), 'rule:child.harm.seen');
    // Sexual violence said as done to the writer, a cover story taken back (disclosureWords.ts): the hotline, whatever care is named beside it.
    const inWords = disclosedInWords(text, p);
    if (inWords) return this.outcome('abuse', inWords, locale, Math.max(pa, d.abuse), `rule:${inWords}.disclosure`);
    // A portal task for a parent or a partner ("my grandpa needs his warfarin", "helping my mother
    // sign in") is not a disclosure: inside a task, abuse needs more of the model (below it, the
    // safety net when the model still gives it a fair chance).
    // A message with no concept at all ("y la del centro?", asking which clinic): the model's abuse
    // alone is a doubt (the safety net), never a disclosure answered as one (no development line is
    // both; newcomer run v12 fixer, hours12).
    const conceptless = sentences.every((s) => s.concepts.length === 0);
    if (pa >= (framedAsTask ? d.abuseWithTask : d.abuse) && !conceptless) {
      // A partner's violence that names no child or older adult ("my husband hits me") is the
      // adult's own disclosure, even when the model leans to the child or elder label.
      const best = argmax(p, ABUSE_LABELS);
      // Only when the model itself is torn: a child or an older adult it is sure of ("my mom's
      // boyfriend comes into my room at night", "the staff leave my wife in her wheelchair all
      // night") is theirs, whoever the partner named is.
      const torn = p[I.dv]! + p[I.sexual]! >= TORN_SHARE * pa;
      const unnamed = (best === 'child' || best === 'elder') && torn && !sentences.some((s) => s.concepts.includes(best)) && PARTNER.test(fold(text));
      const kind = unnamed ? argmax(p, ['dv', 'sexual'] as const) : best;
      const result = this.outcome('abuse', kind, locale, pa, `model:${kind}:${model.strongestFeature(sentences, locale, kind)}`);
      const second = argmax(p, ABUSE_LABELS.filter((k) => k !== kind));
      // A child's or an older adult's line only for a message that names one: an adult's own
      // disclosure ("my boyfriend hits me") often gives the child label a share too.
      const names = (k: string): boolean => (k !== 'child' && k !== 'elder') || sentences.some((s) => s.concepts.includes(k));
      if (p[I[second]]! >= ALSO_KIND_SHARE * pa && names(second)) result.match!.alsoKind = second;
      // A partner's violence or an assault that names a child or an older adult ("mi esposo le
      // pega a los niños"): the answer names that person's line too, when the model gives it a
      // small part of the abuse probability.
      else if (kind === 'dv' || kind === 'sexual') {
        const named = (['child', 'elder'] as const).find((k) => sentences.some((s) => s.concepts.includes(k)) && p[I[k]]! >= NAMED_KIND_SHARE * pa);
        if (named) result.match!.alsoKind = named;
      }
      return result;
    }
    // A denial of crisis words that names the body ("im not suicidal, my eye is blurry") is read as
    // a denial before the model's mental health or symptoms: a health worry, the nurse line (the
    // model alone leaned to mental health after the thirteenth session's retrain; full-run failure
    // triage v11 XP14).
    if (denied && sentences.some((s) => s.concepts.some((c) => BODILY.has(c)))) return this.denied(denied, sentences, p, locale);
    const mh = p[I.mental_health]!;
    const sy = p[I.symptoms]!;
    if (mh >= d.mental_health && mh >= sy) return this.outcome('mental_health', null, locale, mh, `model:mental_health:${model.strongestFeature(sentences, locale, 'mental_health')}`);
    if (sy >= d.symptoms) return this.outcome('symptoms', null, locale, sy, `model:symptoms:${model.strongestFeature(sentences, locale, 'symptoms')}`);
    // Neither alone, but together clearly a health matter ("been isolating, not sleeping, my
    // stomach is a mess"): the likelier of the two, when a health or distress concept is there.
    if (signalled && mh + sy >= d.health) {
      const label = mh >= sy ? 'mental_health' : 'symptoms';
      return this.outcome(label, null, locale, mh + sy, `model:${label}:${model.strongestFeature(sentences, locale, label)}`);
    }
    // A doubt the model shares with a disclosure of abuse: the safety net names that hotline too,
    // unless the message has no concept at all ("y la cetirizina tambien", a follow-up in a refill:
    // nothing in its words points at abuse; newcomer run v13, YW11).
    // Nor when the message names nobody who may harm and no harm, and a crisis is likelier ("idk. i
    // havent told anyone" after a crisis answer got Childhelp; newcomer run v22, Z07).
    const abuseRead = sentences.some((s) => s.concepts.some((c) => ABUSE_CONCEPTS.has(c))) || pa >= p[I.crisis]!;
    const abuseKind = pa >= d.unsure && !conceptless && abuseRead ? { abuseKind: argmax(p, ABUSE_LABELS) } : {};
    // A weak lexicon rule (an emergency service named: "la visita de urgencias de mi mamá") inside a
    // portal task the model is sure of, with no sign left once the service words are set aside:
    // the bill or the record of a past visit, no safety net (newcomer run v12, YU06).
    // Only a rule that names a service: any other weak rule ("mi abuelo no me contesta", a relative
    // who does not answer) keeps the safety net whatever task word is near.
    const serviceInTask = framedAsTask && !signalled && p[I.other]! >= SERVICE_IN_TASK_OTHER && SERVICE_RULE.test(lexicon?.rule ?? '');
    if (lexicon && !serviceInTask) return { match: null, safety: { level: 'unsure', rule: lexicon.rule, ...abuseKind, ...(lexicon.kind === 'poison' ? POISON_DOUBT : {}) } };
    // The model's doubts count only where a health, distress or safety concept is present.
    if (!signalled) {
      // No concept the triage knows, yet the model gives a crisis, an emergency or abuse a fair
      // chance ("no veo ningún futuro para mí", "este es mi adiós, gracias por todo"): not enough
      // to call it, too much to say nothing — the safety net (911, 988, the nurse line), then ask.
      const raw = sum(p, EMERGENCY_LABELS) + pa;
      // A chat-ending "done" with nothing else ("I'm all done here, goodbye"): the goodbye it is.
      // Inside a portal task ("¿cuánto dinero tengo en mi cuenta de ahorros del banco?"), the doubt
      // must be as large as for a medicine word in a task.
      if (raw < (framedAsTask ? Math.max(d.unconceptualUnsure, d.unsureWithTask) : d.unconceptualUnsure) || closing) return { match: null, safety: null };
      // Unless it is a denial in words the concepts do not know ("no me voy a hacer daño, era pura
      // curiosidad"): the mental-health answer, with 988.
      if (denied) return this.denied(denied, sentences, p, locale);
      const doubt = emergencyKind(p, sum(p, EMERGENCY_LABELS));
      return { match: null, safety: { level: 'unsure', rule: `model:unsure:${doubt}:no-concept`, ...abuseKind, ...(doubt === 'poison' ? POISON_DOUBT : {}) } };
    }
    if (denied) return this.denied(denied, sentences, p, locale);
    // A portal task whose only sign is a medicine's name ("necesito resurtir mis medicinas y una
    // cita"): the model's doubt must be larger (refills are full of medicine words; a crisis hidden
    // in a refill, "give me enough to never wake up", gives the model far more than this).
    const onlyMedicine = framedAsTask && sentences.flatMap(signalConcepts).every((c) => c === 'substance');
    const unsure = onlyMedicine ? d.unsureWithTask : d.unsure;
    if (pe >= unsure || p[I.crisis]! + pa >= unsure) {
      const doubt = emergencyKind(ep, pe);
      // Poison Control only for a doubt about an emergency, not one about abuse alone ("appt for
      // my son hes 7 ear hurting" named Poison Control beside Childhelp: newcomer run v12, YT01).
      return { match: null, safety: { level: 'unsure', rule: `model:unsure:${doubt}`, ...abuseKind, ...(doubt === 'poison' && pe >= unsure ? POISON_DOUBT : {}) } };
    }
    const signalConcept = sentences.flatMap(signalConcepts)[0]!;
    const safety: SafetySignal = { level: 'signal', rule: `concept:${signalConcept}${1 - p[I.other]! >= d.signal ? ':model' : ''}` };
    // Short of both thresholds, but a health or distress concept is there and the model leans to
    // one of them: the pipeline answers it unless a portal task is clearly asked for.
    if (Math.max(mh, sy) >= d.leaning) safety.leaning = mh >= sy ? { intent: 'mental_health', score: mh } : { intent: 'symptoms', score: sy };
    return { match: null, safety };
  }

  /**
   * "No, I'm not thinking of hurting myself" (often the answer to "are you safe?"): a crisis only
   * to the words. Mental health, whose answer still carries 988; a task asked for in the same
   * message ("I'm not suicidal, I just need my refill") goes on (a signal leaning to mental health).
   */
  private denied(rule: string, sentences: readonly SentenceView[], p: Float64Array, locale: 'en' | 'es'): TriageResult {
    const d = this.parts.config.decision;
    // A denial that names the body ("im not suicidal. can i book something today for my eye", "no
    // me quiero matar, me duele el pecho"): a health worry, so the nurse line and same-day care.
    const concepts = sentences.flatMap((s) => s.concepts);
    const bodily = concepts.some((c) => BODILY.has(c)) && (!concepts.some((c) => DONE_TO_ONESELF.has(c)) || p[I.symptoms]! + p[I.medical]! > p[I.mental_health]! + p[I.crisis]!);
    const intent = bodily ? 'symptoms' : 'mental_health';
    if (sentences.some((s) => s.concepts.includes('task')) || errandNamed(sentences.map((s) => s.tokens.join(' ')).join(' '))) {
      return { match: null, safety: { level: 'signal', rule: `denial:${rule}`, leaning: { intent, score: Math.max(p[I[intent]]!, d.leaning) } } };
    }
    return this.outcome(intent, null, locale, Math.max(p[I[intent]]!, d[intent]), `denial:${rule}`);
  }

  private emergency(kind: EmergencyKind, lexicon: EmergencyMatch | null, locale: 'en' | 'es', score: number, feature?: string, poisonShare = 0, p?: Float64Array): TriageResult {
    const rule = lexicon ? lexicon.rule : `model:${kind}:${feature ?? 'words'}`;
    const result = this.outcome('emergency', kind, lexicon?.locale ?? locale, score, rule);
    // A crisis in which something has already been taken ("took way too many of my sleeping pills
    // on purpose"): the answer puts 911 and Poison Control first, then 988.
    if (kind === 'crisis' && (OVERDOSE_RULE.test(rule) || poisonShare >= TAKEN_SHARE)) result.match!.alsoKind = 'poison';
    // A medical emergency the model also reads as an exposure or as distress (a strong lexicon rule
    // for "I can't breathe" fires on a panic attack too): 911 first, then Poison Control or 988, so
    // a wrong kind never leaves the member without the line they need.
    // Violence now that is also a disclosure ("he said he'd kill me if I leave"): 911, then the hotline.
    else if (kind === 'medical' && p) {
      const abuse = argmax(p, ABUSE_LABELS);
      // Someone else's violence against the writer (a threat or an attack now) is never the
      // writer's own crisis, whatever share "kill me" gives the crisis label.
      const othersViolence = !!lexicon && VIOLENCE_RULE.test(lexicon.rule);
      const readings: Array<[NonNullable<TriageMatch['alsoKind']>, number]> = [
        ['poison', p[I.poison]!],
        ['crisis', othersViolence ? 0 : p[I.crisis]! + p[I.mental_health]!],
        [abuse, sum(p, ABUSE_LABELS)],
      ];
      const [also, share] = readings.reduce((a, b) => (b[1] > a[1] ? b : a));
      // Violence by someone else that the model gives a part of a disclosure: the hotline too (a
      // threat "when he gets home" is likely a partner's), with less of the model's probability.
      const needed = othersViolence && also === abuse ? ALSO_ABUSE_IN_VIOLENCE_SHARE : ALSO_EMERGENCY_SHARE;
      if (share >= needed) result.match!.alsoKind = also;
    }
    return result;
  }

  private outcome(intent: TriageIntentId, kind: IntentKind | null, locale: 'en' | 'es', score: number, rule: string): TriageResult {
    return { match: { intent, kind, locale, score: Math.min(1, Math.max(0, score)), rule }, safety: null };
  }
}


function safeDetect(detector: EmergencyCheck, text: string): EmergencyMatch | null {
  try {
    return detector.detect(text);
  } catch {
    return null;
  }
}

/** How the triage reads text: concepts, shorthand, the language detector and the real-word list. */
export function triageFeatureFactory(concepts: ConceptMatcher): (vocabulary: string[]) => TriageFeatures {
  const shorthand = new ShorthandExpander(loadShorthand());
  const known = loadRealWords();
  return (vocabulary) => new TriageFeatures(concepts, shorthand, defaultLocaleDetector(), vocabulary, known);
}

export interface TriageBuild {
  triage: SafetyTriage;
  /** Where the model came from: the built file, or trained now (with the reason). */
  origin: 'file' | 'trained:missing' | 'trained:stale' | 'trained:invalid';
  model: TriageModel;
}

/**
 * Builds the triage from the model file that `npm run build` writes (when its data hash is
 * current), else trains it now from intents/data (a few seconds) and says why.
 */
export function buildSafetyTriage(detector: EmergencyCheck, modelFile = DEFAULT_TRIAGE_MODEL_FILE): TriageBuild {
  const concepts = loadConcepts();
  const config = loadTriageConfig();
  const denials = loadDenials();
  const closings = loadClosings();
  const harmless = loadHarmless();
  const makeFeatures = triageFeatureFactory(concepts);
  const hash = triageDataHash();
  let origin: TriageBuild['origin'] = 'trained:missing';
  if (fs.existsSync(modelFile)) {
    try {
      const file = TriageModel.parse(JSON.parse(fs.readFileSync(modelFile, 'utf8')), modelFile);
      if (file.dataHash === hash) {
        const model = new TriageModel(file, makeFeatures(file.vocabulary));
        return { triage: new SafetyTriage({ model, concepts, config, detector, denials, closings, harmless }), origin: 'file', model };
      }
      origin = 'trained:stale';
    } catch {
      origin = 'trained:invalid';
    }
  }
  const model = trainTriageModel(loadTriageCorpus(concepts), makeFeatures, config, hash);
  return { triage: new SafetyTriage({ model, concepts, config, detector, denials, closings, harmless }), origin, model };
}

/** Trains the triage model and writes it (npm run build). */
export function writeTriageModel(modelFile = DEFAULT_TRIAGE_MODEL_FILE): { written: boolean; examples: number } {
  const hash = triageDataHash();
  if (fs.existsSync(modelFile)) {
    try {
      if (JSON.parse(fs.readFileSync(modelFile, 'utf8')).dataHash === hash) return { written: false, examples: 0 };
    } catch {
      /* rebuilt below */
    }
  }
  const concepts = loadConcepts();
  const model = trainTriageModel(loadTriageCorpus(concepts), triageFeatureFactory(concepts), loadTriageConfig(), hash);
  fs.mkdirSync(path.dirname(modelFile), { recursive: true });
  const tmp = `${modelFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(model.file));
  fs.renameSync(tmp, modelFile);
  return { written: true, examples: model.trainedExamples };
}
