/**
 * The words a short follow-up is read by (dialogs/followUps.ts): reminders, asking to be told
 * again, picking up, how-to, sending, pointing back, already done, narrowing, not urgent, whether
 * to come in. Moved out of followUps.ts so that reading and words stay in modules of one idea each.
 */

const LEAD = '^(so |ok |okay |and |but |um |hmm |pero |y |bueno |entonces |ok y )?';

/** A request to be reminded (not "remind me what the number was"). */
export const REMIND =
  /\b(remind (me|us|him|her|them)(?! (what|whats|how|who|where|which|of|again))|send (me |us )?(a |an )?reminder|get (a |an )?reminder|reminder|reminders|(text|call|email|message|ping|alert|notify) me (the day|a day|the night|an hour|a few|before|ahead)|recuerdeme|recuerdame|recordarme|recordarle|me (puede|puedes|podria|podrias|pueden) (recordar|avisar)|recordatorio|recordatorios|avisame antes|aviseme antes|me avisan antes|me avisa antes|me avisas antes)\b/;
/** When a reminder comes ("the day before", "not a week before", "un dia antes", "el dia anterior"). */
export const REMIND_WHEN =
  /\b((the|a|one|1|two|2|a few|an|one or two) (day|days|night|week|weeks|hour|hours) (before|ahead|prior|early|earlier)|(day|night|week) before|the (day|night) of|same day|morning of|(un|una|1|dos|2|unos|unas) (dia|dias|semana|semanas|hora|horas) (antes|previo|previos)|(el )?(dia|noche) (anterior|antes)|el mismo dia|la semana anterior|with (more|less) notice|(earlier|later|sooner) (reminder|reminders|text|texts)|how (early|far ahead|far in advance|long before)|cuanto (tiempo )?antes|con cuanto tiempo)\b/;
/** The opt-out of this chat named ("does stopping here stop…", "if i reply STOP", "si contesto ALTO"). */
export const STOP_HERE = /\b(stop|stopping|stopped|unsubscrib\w*|opt out|opting out|optout|alto|parar|baja|cancelar los mensajes|dejar de recibir|dejo de recibir)\b/;

/** "recuerdeme que…" / "recuerdame cual…" ask to be told again, not reminded. */
export const TELL_AGAIN = /\b(recuerdeme|recuerdame|recordarme) (que|cual|como|donde|quien|el numero|la direccion)\b/;

/** Picking a refill up, or going to get it ("pick it up", "go get it", "la recojo", "paso por ella"). */
export const PICK_UP = /\b(pick (it|them|that|my \w+|the \w+)? ?up|pickup|pick up|go (to )?get (it|them|my \w+)|get (it|them)|collect (it|them)|recoj\w*|recoger\w*|recogerl\w*|paso (por|a recoger)|pasar (por|a recoger)|ir por (ella|el|ellas|ellos)|voy por)\b/;

/** How to do it, said alone (a "how do I pay my bill" names something of its own). */
export const HOW_TO = [
  new RegExp(`${LEAD}how( (do|can|would|should|to))?( i| we| you)?( do| get| make| go about| start| change| fix| use| order| sign up| signup| register| enroll| join| apply| book| schedule)?( that| this| it| them| those| one| so)?( then| now| exactly| there| online)?$`),
  new RegExp(`${LEAD}(what do i do|what should i do|what now|whats next|what are the steps|the steps|steps)( now| next| then| there)?$`),
  new RegExp(`${LEAD}como( lo| la| le| se)? (hago|hacemos|hace|hago eso|hago esto|le hago)( eso| esto| entonces| ahora| ahi)?$`),
  new RegExp(`${LEAD}como (me|nos) (inscribo|inscribimos|registro|registramos|apunto|apuntamos|anoto|anotamos)( entonces| ahora| ahi)?$`),
  new RegExp(`${LEAD}(que (hago|tengo que hacer|debo hacer)|cuales son los pasos|los pasos)( entonces| ahora| ahi)?$`),
];

/** A request to have the answer sent, which this chat cannot do. */
export const SEND_IT =
  /\b(text|send|email|e mail|mail|fax|message)( it| that| this| them| those)?( to)? (me|it|that|this|them|those|my phone|my email)\b|\b(manda|mande|mandar|envia|envie|enviar|mandame|enviame|mandarmelo|enviarmelo|mandarmela|enviarmela)\b|\bme (lo|la|los|las) (manda|mande|envia|envie|puede mandar|puede enviar|puedes mandar|puedes enviar)\b/;

/** Words that point back at the answer just given: it, that, "me la", "eso". */
export const POINTS_BACK = /\b(it|that|this|them|those|me la|me lo|me las|me los|nos la|nos lo|eso|esto|esa|ese)\b|\b\w+(melo|mela|melos|melas|selo|sela)\b/;

/** Asks whether something already happened ("already sent", "ya la aprobaron", "did it go through"). */
export const ALREADY_DONE = /\b(already|yet) (sent|approved|renewed|done|gone through|went through|submitted|received)\b|\b(was|is|has|been|did) (it |the \w+ |my \w+ )?(renewal |refill |request )?(already )?(sent|approved|renewed|submitted|received|go through|gone through)\b|\bya (la |lo |le )?(enviaron|mandaron|aprobaron|renovaron|recibio|llego|esta aprobad\w*|esta enviad\w*)\b/;

/** A reply that narrows what was answered: "only mornings", "just weekdays", "solo por la manana". */
export const QUALIFIER =
  /^(only|just|but only|but just|not (at|on|in|before|after)|never (at|on|in)|solo|nomas|nada mas|unicamente|pero solo|no (en|por|de|antes|despues))\b/;

/** It is no emergency ("not urgent", "no es emergencia", "its not that serious"). */
export const NOT_URGENT = [
  /\b(not|no|isnt|aint|nothing|nada)\b.*\b(emergency|emergencies|urgent|serious|an er thing|emergencia|emergencias|urgente|grave|serio)\b/,
  // not going to the ER: the nurse line, an e-visit or a same-day visit are the way
  /\b(dont|do not|not|wont|rather not|no|cant|cannot|never)\b.*\b(er|e r|emergency room|hospital|urgent care|ambulance|urgencias|sala de emergencias|hospital)\b/,
];

/** Whether to be seen, asked (not a request to book): "should i come in?", "do I need to see a doctor", "debo ir?". */
export const SHOULD_COME_IN = [
  /^(so |ok |okay |and |but |then |um )?(should|do|shall|must|would|will) (i|we|he|she|they|my \w+) (really |still |even |actually )?(need to |have to |go |come )?(come|go|be seen|get seen|get checked|get looked at|see (a|the|my|someone|somebody|anyone)|visit|head)\b/,
  /\b(is it|would it be|its) (worth|better|a good idea|necessary) (to )?(com|go|be seen|see|get)/,
  /\b(do i|does (he|she)|do we) need (a|an|to) (visit|appointment|appt|doctor|dr|be seen|see|come|go)\b/,
  /^(entonces |y |pero |bueno |ok )?(debo|deberia|debe|tengo que|tiene que|necesito|hay que|me conviene|vale la pena) (ir|venir|acudir|consultar|ver a|verme|que me vean|que lo vean|que la vean|ser visto|llevarlo|llevarla|pasar)\b/,
  /^(entonces |y |pero |bueno |ok )?(voy|vamos|lo llevo|la llevo) (al|a la|a una) (medico|doctor|doctora|clinica|consulta|cita)\b/,
];
