import type { TurnContext } from 'botbuilder';
import type { TaskIntentId } from '../../intents/types';
import { safetyOf, turnTriage } from '../turn';
import type { DialogKit } from './kit';

/**
 * The notes a task dialog gives before its first question when the message that started it also
 * carried a health or distress signal the triage yielded to the task: the behavioral-health line
 * with 988 for mental-health words, the nurse line with 911 for symptoms. Each at most once a turn
 * (dialogs/triage.ts note).
 */
export async function taskNotes(kit: DialogKit, context: TurnContext, intent: TaskIntentId, text: string | undefined): Promise<void> {
  await mentalHealthNote(kit, context, intent, text);
  await symptomsNote(kit, context);
}

/** A safety signal from mental-health words or a mental-health leaning of the triage. */
const MENTAL_HEALTH_SIGNAL = /mental_health|concept:(?:mh_care|mood)\b/;
/** The triage's symptoms outcome, yielded to a task the recognizer was surer of (intents/understanding.ts). */
const SYMPTOMS_SIGNAL = /^model:symptoms:/;

/** A signal from a mood word alone ("stress", "estrés"), not from the model's leaning nor care words. */
const MOOD_ONLY = /^concept:mood(?::model)?$/;

/**
 * The only triage concepts such a message may have: the mood, the task word, the question's
 * framing and a third person (Spanish "el" of "para el estrés" reads as "él"). The member about
 * themself (`first_person`), severity, a time of onset or any other signal keeps the note.
 */
const MOOD_AS_SUBJECT_CONCEPTS: ReadonlySet<string> = new Set(['mood', 'task', 'info_question', 'other_person']);

/** A message whose only triage concepts are a mood and how it is asked about ("classes for stress"). */
export function moodOnlyNames(concepts: readonly string[] | undefined): boolean {
  return !!concepts && concepts.includes('mood') && concepts.every((c) => MOOD_AS_SUBJECT_CONCEPTS.has(c));
}

/**
 * Sub-topics that name a mood as what they are about ("classes for stress", "clases para el
 * estrés"): without the member speaking of themself, the mood word is the class's subject.
 */
const MOOD_SUBJECT: ReadonlyArray<{ intent: string; question: 'contact.topic'; id: string }> = [{ intent: 'contact', question: 'contact.topic', id: 'wellness' }];

/**
 * A task asked for in words about mental-health care ("book me with a therapist", "how do I get
 * into rehab with my insurance"): the task goes on, with the behavioral-health line and 988 beside
 * it, once (issue 19: mental health always comes with the 988 line).
 */
async function mentalHealthNote(kit: DialogKit, context: TurnContext, intent: TaskIntentId, text: string | undefined): Promise<void> {
  const safety = safetyOf(context);
  if (!safety || !MENTAL_HEALTH_SIGNAL.test(safety.rule)) return;
  if (moodIsTheSubject(kit, context, intent, safety.rule, text)) return;
  await kit.triage.note(context, { intent: 'mental_health', kind: null, locale: kit.locale(context), rule: safety.rule });
}

/**
 * A task asked for with symptoms ("my head still hurts and i can barely see, can i get an appt
 * tomorrow"): the task goes on, with the nurse line and 911 beside it, once.
 */
async function symptomsNote(kit: DialogKit, context: TurnContext): Promise<void> {
  const safety = safetyOf(context);
  if (!safety || !signalsSymptoms(context)) return;
  await kit.triage.note(context, { intent: 'symptoms', kind: null, locale: kit.locale(context), rule: safety.rule });
}

/** The turn's safety signal is a symptom (the model's, or its leaning): the request speaks of an illness now. */
export function signalsSymptoms(context: TurnContext): boolean {
  const safety = safetyOf(context);
  return !!safety && (SYMPTOMS_SIGNAL.test(safety.rule) || safety.leaning?.intent === 'symptoms');
}

/**
 * "are there classes for stress?": the mood word only names what a class is about. Only when the
 * signal is the mood concept alone (no care or other distress concept) and nothing in the message
 * is about the member ("I'm so stressed I can't cope, where are the classes" keeps the note). A
 * leaning of the model (below its own threshold) does not keep the note: the retrained model of
 * the thirteenth session leans 27% to mental health on "are there classes for stress?", and the
 * concepts, not the model's guess, say whom the mood is about.
 */
function moodIsTheSubject(kit: DialogKit, context: TurnContext, intent: TaskIntentId, rule: string, text: string | undefined): boolean {
  if (!text || !MOOD_ONLY.test(rule)) return false;
  const concepts = turnTriage(context).concepts;
  if (!concepts || !concepts.every((c) => MOOD_AS_SUBJECT_CONCEPTS.has(c))) return false;
  return MOOD_SUBJECT.some((s) => s.intent === intent && kit.options.prefill(text, s.question) === s.id);
}
