import { isTaskIntent as isTask, type TaskIntentId } from '../intents/types';
import type { OptionMatcher } from './common/options';
import { fold } from './common/text';
import type { RoutingPolicy } from './common/kit';
import type { TopicPriorState } from './memory';
import type { PhraseBook } from './phrases';
import type { QuestionKey } from './questions';
import type { TurnInfo } from './turn';
import { offTopic } from './offTopic';
import type { TopicNames } from './topicNames';
import { switchedAction } from './appointment/switchedAction';

/** The question that names each task's sub-topic (what a follow-up may ask about within it). */
const SUB_TOPIC: Record<TaskIntentId, QuestionKey> = {
  appointment: 'appointment.action',
  refill: 'refill.need',
  password_reset: 'password_reset.problem',
  billing: 'billing.topic',
  records: 'records.topic',
  telehealth: 'telehealth.topic',
  contact: 'contact.topic',
};

/**
 * Small talk the recognizer leans to is answered as such ("ok thanks"); a help or cancel it hears
 * alone is not (the phrases that ask for those interrupt before the prior is read).
 */
const SMALL_TALK = new Set(['greeting', 'thanks', 'goodbye', 'agent']);

/**
 * A follow-up that turns to something else ("and check a claim status?", "also can I pay it online",
 * "what about seeing my test results", "y ver mis resultados?"): a lead that adds a request, then a
 * question or a verb of its own. Not when what follows refers to the answer or adds a detail to it: a pronoun, whom it is
 * for, a day or time ("and for my son?", "what about next week?", "y el de mi hija?").
 */
const SHIFT = /^(?:ok |okay |oh |um |so |bueno |ok y )*(?:and also|and what about|and how about|what about|how about|and|also|plus|can i also|could i also|y que tal|y que hay de|que hay de|que tal|y tambien|y sobre|tambien|ademas|y) (.+)$/;
const SHIFT_NOT =
  /^(?:for|on|in|at|by|it|its|that|this|those|them|the same|same|one|mine|again|then|para|por|en|eso|esto|lo|el de|la de|los de|las de|el mio|la mia|otra vez)\b|\b(?:wife|husband|son|daughter|kid|kids|child|children|baby|mom|mother|dad|father|partner|spouse|hijo|hija|hijos|hijas|esposa|esposo|mama|papa|nino|nina|bebe|pareja|today|tomorrow|tonight|morning|afternoon|evening|week|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|am|pm|hoy|manana|tarde|noche|semana|lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b/;

/**
 * What follows the lead asks something of its own (a question word or a verb: "check a claim
 * status", "ver como va mi reclamo"); a thing named alone ("what about my blood pressure pill?")
 * may be a detail of the answer just given.
 */
const SHIFT_ASKS =
  /^(?:(?:can|could|do|should|would|will) (?:i|we|you) (?:also )?)?(?:how|where|when|what|who|which|check|checking|see|seeing|view|look|looking|find|get|getting|pay|paying|change|update|cancel|book|make|ask|know|order|download|print|request|track|open|set|ver|revisar|consultar|pagar|cambiar|actualizar|pedir|saber|descargar|imprimir|hacer|buscar|como|donde|cuando|que|quien|cual|puedo|podria|se puede)\b/;

/** Whether the message starts like another request ("and ...", "ok y ...", "what about ..."; see SHIFT). */
export function leadsElsewhere(text: string): boolean {
  return SHIFT.test(fold(text));
}

/** Whether the message turns from the answer just given to something else (see SHIFT). */
export function turnsElsewhere(text: string): boolean {
  const rest = SHIFT.exec(fold(text))?.[1];
  return !!rest && rest.split(' ').length >= 2 && SHIFT_ASKS.test(rest) && !SHIFT_NOT.test(rest);
}


/** How a follow-up is read: the task to go on with, and the answers it already has (option ids). */
export interface PriorReading {
  intent: TaskIntentId;
  answers?: Record<string, string>;
}

/**
 * The conversation-topic prior: a short message right after a topic's answer ("why is it still
 * pending?", "y la farmacia?", "que significan?") is read in the light of that topic. It goes on
 * within the topic when it names one of the topic's sub-topics, or when the recognizer is unsure
 * (nothing understood, or no intent it is confident of) — then the topic's answer is the prior, and
 * what was answered is kept when the message names nothing new. A message the recognizer is sure
 * is another task, or a phrase that interrupts ("never mind", "a person"), is left to the router.
 */
export class TopicPrior {
  constructor(
    private readonly options: OptionMatcher,
    private readonly phrases: PhraseBook,
    private readonly policy: RoutingPolicy,
    private readonly topicNames?: TopicNames,
  ) {}

  /**
   * `lean`: only when the recognizer leans to one of the topics (a reply to "is this about A?"
   * that is no pick: "no" is not a yes to A).
   */
  read(turn: TurnInfo, prior: TopicPriorState | undefined, lean = false): PriorReading | null {
    if (!prior?.topics.length || this.phrases.interruption(turn.text)) return null;
    const { intent, score, runnerUp } = turn.result;
    const sure = intent !== 'none' && score >= this.policy.routeAt;
    // A sub-topic of the topic just answered ("por que sigue pendiente"), unless another task is
    // named clearly; another task the recognizer is sure of, without one, is a new request.
    const within = prior.topics.find((topic) => this.options.prefill(turn.text, SUB_TOPIC[topic]));
    // A follow-up that starts like another request and names another topic by its words, none of
    // those just answered ("ok y como arreglo lo del password?" after a refill answer, "and the bill
    // thing?"): that topic, even when the recognizer is unsure of it.
    const named = !within && leadsElsewhere(turn.text) ? this.topicNames?.named(turn.text) : undefined;
    if (named?.length === 1 && !prior.topics.includes(named[0]!)) return { intent: named[0]! };
    const otherTask = isTask(intent) && !prior.topics.includes(intent);
    if (otherTask && score >= (within ? this.policy.switchAt : this.policy.routeAt)) return null;
    // "y mejor como la cambio para otro dia" right after the cancel answer (or "actually just cancel
    // it" after the move's): the visit's task goes on as the other action, with what was answered.
    const switched = prior.topics[0] === 'appointment' ? switchedAction(prior.answers?.action, turn.text) : null;
    if (switched) return { intent: 'appointment', answers: { ...prior.answers, action: switched } };
    if (within) return { intent: within };
    if (sure && isTask(intent)) return { intent, ...this.kept(prior, intent, true, turn.text) };
    if (SMALL_TALK.has(intent) && score >= this.policy.routeAt / 2) return null;
    if (offTopic(turn.text, turn.result, prior.topics)) return null;
    // Unsure: the topic the recognizer leans to among those just answered, else the last one.
    const leaning = [intent, runnerUp?.intent].find((i) => isTask(i) && prior.topics.includes(i));
    if (!isTask(leaning) && lean) return null;
    const topic = isTask(leaning) ? leaning : prior.topics[0]!;
    return { intent: topic, ...this.kept(prior, topic, false, turn.text) };
  }

  /**
   * What was answered, kept for a follow-up that names nothing new: all of it when the message is
   * unsure ("the 10am one" after a cancel goes on with the cancel), only the sub-topic answered
   * when the member clearly asks about the topic again ("a que hora abren?" after the phone line);
   * and what the answer offered (a new visit, after the nurse line).
   */
  private kept(prior: TopicPriorState, topic: TaskIntentId, sure: boolean, text: string): { answers?: Record<string, string> } {
    if (topic !== prior.topics[0]) return {};
    // A message that turns to something else ("and check a claim status?" after the ID card) keeps
    // no sub-topic: what it names is asked, never the answer just given.
    const answered = { ...prior.answers };
    // The sub-topic's own step: `topic` for the topics from data, `need` for refills, `problem` for
    // sign-in ("its lisinopril" right after the renewal answer stays on the renewal). Not the
    // appointment's `action`: what follows a visit's answer ("the same time works", "and book a
    // lab too") is read by the appointment dialog itself against the visit just answered.
    const step = SUB_TOPIC[topic].split('.')[1]!;
    if (turnsElsewhere(text)) delete answered[step];
    const keep = topic === 'appointment' ? 'topic' : step;
    const answers = { ...prior.offered, ...(sure ? (answered[keep] ? { [keep]: answered[keep] } : {}) : answered) };
    return Object.keys(answers).length ? { answers } : {};
  }
}
