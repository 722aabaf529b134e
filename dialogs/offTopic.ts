import { isTaskIntent as isTask } from '../intents/types';
import { namesDayOrTime } from './common/dayWords';
import { fold } from './common/text';
import type { TurnInfo } from './turn';

/**
 * A request for another assistant right after an answer ("whats the weather in portland" after the
 * video-visit answer, "cuanto esta el dolar hoy" after the clinic's hours, "will it snow on
 * saturday"): the recognizer is all but certain it is none, gives no task even a small chance, and
 * the message points back at nothing (no "it", "that", "one", "eso"). It is answered as out of
 * scope, not as a question about the page just shown (dialogs/topicPrior.ts, dialogs/followUps.ts).
 * A vague follow-up ("why is it still pending", "the 10am one") refers back or leaves a task some
 * chance. `answered`: the topics just answered (dialogs/memory.ts' prior), whose trace of a
 * chance keeps a message a possible follow-up; a trace of another task does not.
 */
const OFF_TOPIC_NONE = 0.985;
const OFF_TOPIC_RUNNER_UP = 0.015;
/**
 * The small chance the recognizer leaves goes to a task other than the ones just answered ("whats
 * my bank balance" after the wellness classes: a trace of billing): it is no follow-up of that
 * answer, nor a request the recognizer believes in, so a little less certainty is enough.
 */
const ELSEWHERE_NONE = 0.95;
const ELSEWHERE_RUNNER_UP = 0.05;
/**
 * A day in the message ("hay mucho trafico hoy?", "hows the traffic today") leaves the appointment
 * task a trace of a chance by itself, the days of its bookings: that trace is no sign of a follow-up
 * of a visit's answer, so the same lesser certainty is enough (newcomer run v19, Z08).
 */
const dayTrace = (folded: string, result: TurnInfo['result']): boolean => result.runnerUp?.intent === 'appointment' && namesDayOrTime(folded);
// "la que está en la avenida", "el de la calle 5": the Spanish "the one" points back too.
const REFERS_BACK = /\b(it|its|that|thats|they|them|those|these|one|ones|same|eso|esto|esa|ese|esos|esas|ahi|alli|mismo|misma|(?:la|el|las|los) (?:que|de))\b/;

/**
 * The "it" of the weather and of the clock ("is it gonna rain", "will it be cold", "what time is
 * it") stands for nothing said before: it points back at no answer.
 */
const IMPERSONAL_IT =
  /\bits?\b(?=(?: (?:is|will|be|gonna|going|to|supposed|was|still|really|getting|get))* (?:rain|raining|rainy|snow|snowing|snowy|sunny|hot|cold|warm|chilly|windy|cloudy|stormy|storm|storming|freezing|humid|foggy|hail|hailing|pouring|nice out)\b)|\b(?:what time|what day|what date) is it\b/g;

/**
 * "por ahi cerca", "around there", "near that one": a place near the one just answered, not the
 * answer itself ("me recomiendas un restaurante por ahi cerca?" after a clinic's hours, v15 YX12).
 */
const NEAR_THERE = /\b(?:por (?:ahi|alli|aqui|aca)(?: cerca)?|(?:cerca|alrededor) de (?:ahi|alli|esa|ese|eso)|(?:around|near|by|close to) (?:there|that|it|that one|the clinic)|over there)\b/g;

/**
 * A bare question of how long or how much ("en cuanto tiempo", "how many days", "cuanto cuesta"):
 * about the answer just given, whatever the recognizer makes of three words with no task in them
 * (the fifteenth session's intent model was surer that "en cuanto tiempo" is none, and the renewal's
 * "how long" got the out-of-scope answer), with a rough lead ("como en cuantos dias?", v19 Z04).
 */
const BARE_ASPECT =
  /^(?:(?:y|and|ok|okay|so|pero|but|entonces|bueno|como|like|roughly|about|around|approximately|aproximadamente|mas o menos|more or less) )*(?:en cuanto tiempo|cuanto tiempo|cuanto tarda|cuanto tardan|cuanto demora|(?:en )?cuantos dias|how long|how soon|how many days|by when|how much|cuanto cuesta|cuanto cobran|cuanto vale)(?: (?:more|mas|about|aprox|approximately|usually|normalmente|take|takes|tarda|tardan|seria|would it|does it|will it))*$/;

/** A day said alone after an answer ("and on saturday?", "y el domingo?"): the answer's day (its hours). */
const BARE_DAY =
  /^(?:(?:and|y|what about|how about|que tal|ok|pero|but) )*(?:on |el |los |the |this |next |este |el proximo )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekends?|holidays?|lunes|martes|miercoles|jueves|viernes|sabados?|domingos?|fin de semana|fines de semana|dias festivos|feriados)s?$/;

/**
 * An app to install or download ("will i have to install an app?", "necesito descargar alguna
 * aplicacion?"): the plan has one, so right after an answer it is about that answer (what a video
 * visit needs), however sure the recognizer is of none.
 */
const APP_WORDS = /\b(?:install|download|app|apps|application|aplicacion|aplicaciones|descargar|instalar|bajar)\b/;

export function offTopic(text: string, result: TurnInfo['result'], answered: readonly string[] = []): boolean {
  const folded = fold(text);
  if (BARE_ASPECT.test(folded) || BARE_DAY.test(folded) || APP_WORDS.test(folded)) return false;
  if (result.intent !== 'none') return false;
  const runnerUp = result.runnerUp?.score ?? 0;
  const certain = result.score >= OFF_TOPIC_NONE && runnerUp < OFF_TOPIC_RUNNER_UP;
  const elsewhere =
    !!result.runnerUp &&
    ((answered.length > 0 && isTask(result.runnerUp.intent) && !answered.includes(result.runnerUp.intent)) || dayTrace(folded, result)) &&
    result.score >= ELSEWHERE_NONE &&
    runnerUp < ELSEWHERE_RUNNER_UP;
  if (!certain && !elsewhere) return false;
  return folded.split(' ').length >= 3 && !REFERS_BACK.test(folded.replace(IMPERSONAL_IT, ' ').replace(NEAR_THERE, ' '));
}
