import { ABUSE_LABELS, type TriageLabel } from './labels';
import { ACCOUNT, ERRAND, HARM_CONCEPTS, LOCKED_OUT, RAN_OUT, RAN_OUT_NOT, RAN_OUT_ONLY, WRITER_CAREGIVER, fold } from './decisionShares';
import type { SentenceView } from './features';
import { I } from './probabilities';

/*
 * Plain words the triage model reads as an outcome they are not: a caregiver's errand, an account
 * that "won't let me back in", pills that ran out, a household product licked in words the concepts
 * do not know. Used by intents/triage/safetyTriage.ts; a strong lexicon rule fires whatever these say.
 */

/**
 * The outcome labels whose probability is only a reading of plain words in this message:
 * - abuse, when the writer is the relative's caregiver doing an errand ("can't sign in to my mom's
 *   account, I'm her caregiver"), or an account "won't let me back in" (a sign-in problem), and no
 *   concept of harm is left once those words are set aside ("I'm her caregiver and her son hits
 *   her" keeps its violence);
 * - crisis and mental health, when the member's medicine ran out ("ya se me acabaron" after "mis
 *   pastillas", "i still need my pills, i have none left") and the message carries nothing but the
 *   medicine (no wish, no hopelessness, no mood, not "las ganas de vivir").
 * A strong lexicon rule still fires whatever this says.
 */
export function plainReadings(text: string, sentences: readonly SentenceView[]): readonly TriageLabel[] {
  const folded = fold(text).replace(/[^a-z0-9 ]+/g, ' ').replace(/ +/g, ' ');
  const concepts = new Set(sentences.flatMap((s) => s.concepts));
  const tokens = sentences.map((s) => s.tokens.join(' ')).join(' ');
  const voided: TriageLabel[] = [];
  const caregiverErrand = WRITER_CAREGIVER.test(tokens) && (concepts.has('task') || ERRAND.test(tokens));
  const lockedOut = LOCKED_OUT.test(tokens) && ACCOUNT.test(tokens);
  if (caregiverErrand || lockedOut) {
    // The harm concepts left once the lockout's "won't let me" is set aside.
    const rest = lockedOut ? tokens.replace(LOCKED_OUT, ' ') : tokens;
    const harmLeft = [...concepts].filter((c) => HARM_CONCEPTS.has(c) && (c !== 'violence' || !lockedOut || VIOLENT_WORDS.test(rest)));
    if (harmLeft.length === 0) voided.push(...ABUSE_LABELS);
  }
  // A portal task with no word of harm and nobody who may harm ("fui a la farmacia y me dijeron
  // que no tenían mi receta"; "cuando me toca la siguiente cita", where "toca" is a turn, not a
  // touch): the model's abuse is a reading of plain words.
  if (concepts.has('task') && !voided.length) {
    const turn = TURN.test(tokens);
    const plainTurn = turn && !VIOLENT_WORDS.test(tokens.replace(TURN, ' '));
    const plain = [...concepts].every((c) => PLAIN_IN_TASK.has(c) || (plainTurn && (c === 'violence' || c === 'other_person' || c === 'abuser')));
    if (plain) voided.push(...ABUSE_LABELS);
  }
  // A person asked for, for oneself or a relative who cannot manage the chat ("my mom is 80 and
  // won't deal with chatbots, can you put her through to a person"), with no word of harm: the
  // hand-off, not an elder-abuse disclosure.
  if (!voided.length && ASKS_FOR_PERSON.test(tokens) && ![...concepts].some((c) => HARM_CONCEPTS.has(c))) voided.push(...ABUSE_LABELS);
  if (RAN_OUT.test(folded) && !RAN_OUT_NOT.test(folded) && concepts.has('substance') && [...concepts].every((c) => RAN_OUT_ONLY.has(c))) voided.push('crisis', 'mental_health');
  // A usual fever or pain medicine given to someone as care ("ya le di tylenol y ya reacciona
  // mejor", "gave her motrin for the fever"), with no amount, no second dose and no distress: the
  // care a parent gives, not an overdose or a crisis (newcomer run v20, X02).
  if (CARE_GIVEN.test(folded) && !CARE_GIVEN_NOT.test(folded) && ![...concepts].some((c) => DISTRESS.has(c))) voided.push('crisis', 'poison');
  // A harm word whose object is a thing, not a body: a haircut ("cortarme el pelo"), a machine
  // that ate a card ("el cajero se tragó mi tarjeta"), with no distress beside it.
  if (THING_NOT_BODY.test(folded) && ![...concepts].some((c) => DISTRESS.has(c) && c !== 'self_harm')) voided.push('crisis', 'poison', 'medical');
  // The last pill taken and more asked for ("me tomé mi última pastilla de la presión, cómo pido
  // más"): the refill, when no distress is said and no "all" of them was taken.
  if (LAST_PILL.test(folded) && !LAST_PILL_NOT.test(folded) && ![...concepts].some((c) => DISTRESS.has(c))) voided.push('crisis', 'poison');
  // Not wanting to go on DOING something ("ya no quiero seguir escribiendo aquí", "i dont want to
  // keep waiting"): tired of the chat or the wait, when hopelessness is the only distress read.
  if (GO_ON_DOING.test(folded) && [...concepts].every((c) => !DISTRESS.has(c) || c === 'hopeless')) voided.push('crisis');
  // Someone else collecting the member's medicine ("is it ok if my wife picks up my meds", "mi
  // hija puede pasar por mis pastillas"), with no distress and nothing swallowed: the pharmacy
  // errand, not pills gathered for a crisis.
  if (PICKUP_BY_OTHER.test(folded) && !concepts.has('ingest') && ![...concepts].some((c) => DISTRESS.has(c))) voided.push('crisis', 'poison');
  // Doing a portal errand oneself ("so i have to do it on the portal myself?", "¿lo tengo que
  // hacer yo misma en la página?", newcomer run v22, W02): the errand, not the euphemism "do it",
  // when a portal or task word is there and no distress is said.
  if (ERRAND_ONESELF.test(folded) && (concepts.has('task') || ONLINE.test(folded)) && ![...concepts].some((c) => DISTRESS.has(c))) voided.push('crisis');
  // A bump or a knock to be checked ("que me revisen un golpe en el brazo", "me di un golpe con la
  // puerta"), with nobody named who did it: an injury, not a disclosure or self-harm (newcomer run
  // v23, W12: the domestic-violence answer before anything was said).
  if (BUMP.test(folded) && !BUMP_NOT.test(folded) && !concepts.has('abuser') && !concepts.has('self_harm') && !WISH.test(folded)) voided.push('crisis', ...ABUSE_LABELS);
  // No way to get someone there ("mi esposo se llevó el carro, el niño está aquí conmigo. ¿cómo lo
  // llevo?", newcomer run v23, X10: 988; "my husband took the car": an abuse disclosure): a ride
  // asked for, with no word of harm.
  if (NO_RIDE.test(folded) && !VIOLENT_HARM.test(folded) && !WISH.test(folded)) voided.push('crisis', ...ABUSE_LABELS);
  // A visit no longer needed because the member feels better, a trip that needs medicine early,
  // a record that can no longer be seen, a long weekend ("el puente"), or the chat itself left
  // ("ya no quiero seguir con la máquina"): plain errands the model read as farewells or
  // hopelessness (development set v22), when no wish to die and no self-harm is said.
  if (PLAIN_ERRAND.some((re) => re.test(folded)) && !concepts.has('death_wish') && !concepts.has('self_harm') && !WISH.test(folded)) voided.push('crisis');
  return voided;
}

/** Errands whose words read as a farewell or hopelessness (folded text): see plainReadings. */
const PLAIN_ERRAND: readonly RegExp[] = [
  // a visit or a medicine no longer needed because the member feels better
  /\b(?:ya no (?:voy a |vamos a )?necesit\w*|no (?:voy a|vamos a) necesitar|(?:wont|will not|dont|do not) (?:need|be needing)) (?:\w+ ){0,2}(?:la |el |mi |my |the |that |this )?(?:cita|consulta|visita|appointment|appt|visit|refill|receta)\b.{0,60}\b(?:(?:me|se) siente?o? (?:mejor|bien)|ya (?:estoy|esta) (?:mejor|bien)|ya se me quito|ya se le quito|feel(?:ing)? (?:better|fine|good)|im better|all better)\b/,
  // a trip that needs the medicine early or extra
  /\b(?:me voy|nos vamos|voy a viajar|salgo de viaje|me voy de viaje|im going|were going|im leaving|were leaving|im traveling|ill be (?:away|out of the country|traveling)|going (?:abroad|out of the country|on a trip))\b.{0,60}\b(?:antes de tiempo|adelantad\w*|early|extra|ahead|before i (?:go|leave)|antes de irme|suficientes? para|enough for|vacation (?:supply|override)|supply)\b/,
  // a record or an account no longer visible
  /\b(?:ya )?no (?:puedo|me deja|me dejan) (?:ver|entrar a|abrir|acceder a) (?:la |el |su |sus |mi |mis )?(?:info|informacion|expediente|cuenta|resultados|record|records|historial|datos|portal|pagina)\b|\b(?:cant|can t|cannot) (?:see|access|open|view) (?:her|his|my|their|the) (?:info|information|records?|account|results|chart)(?: anymore)?\b/,
  // a long weekend or a holiday stay
  /\b(?:para|en|este|el|del) puente\b.{0,40}\b(?:hotel|cuarto|reserva\w*|viaje|vacaciones|fin de semana|feriado|playa)\b|\b(?:hotel|cuarto|reserva\w*|apartame|reservame|viaje|vacaciones)\b.{0,60}\b(?:para|en|este|el|del) puente\b/,
  // doing it on a device ("y si lo hago por el celular mejor?", newcomer run v23, W08: 988 for a video visit)
  /\b(?:lo|la) (?:hago|hacemos|haria|puedo hacer|podria hacer|hago mejor)\b(?: \w+){0,2} (?:por|en|desde|con) (?:el |la |mi |una |un )?(?:celular|cel|telefono|computadora|compu|tablet|tableta|app|aplicacion|pagina|internet|laptop|ipad|video)\b|\b(?:do|doing) (?:it|this|that) (?:on|from|with|through|by|via) (?:my |the |a )?(?:phone|cell|cellphone|computer|laptop|tablet|ipad|app|website|portal|video)\b/,
  // which of one's medicines to take, asked ("mejor me tomo la pastilla y ya. cual me tomo?", newcomer run v23, Z02: 988 after a chest-pain answer)
  /\bcual (?:pastilla |medicina |pildora |de las pastillas |de mis pastillas )?(?:me tomo|tomo|me debo tomar|me puedo tomar|le doy)\b(?!.*\b(?:todas|todo el frasco)\b)|\bwhich (?:one|pill|med|medicine|of my (?:pills|meds)) (?:do i|should i|can i) take\b(?!.*\b(?:all|the whole bottle)\b)/,
  // a medicine sent somewhere ("can the levothyroxine come by mail to her house", newcomer run v23, Z09: 988)
  /\b(?:mail|mailed|mailing|ship|shipped|shipping|deliver\w*|send|sent|by mail|mail order|envi\w*|mand\w*|por correo|a domicilio)\b.{0,50}\b(?:house|home|address|apartment|place|casa|domicilio|direccion|departamento)\b(?!.*\b(?:all of them|them all|todas|all at once)\b)/,
  // the chat itself, not living
  /\bno (?:quiero|puedo|voy a) seguir (?:hablando |platicando |chateando |escribiendo )?con (?:la maquina|una maquina|el robot|un robot|el bot|un bot|la computadora|el chat|el asistente|el chatbot)\b|\b(?:dont|don t|do not) (?:want to |wanna )?(?:keep )?(?:talk|talking|chat|chatting|type|typing) (?:to|with) (?:a |the |this )?(?:machine|robot|bot|computer|chatbot)\b/,
];
/** A plain errand named (PLAIN_ERRAND), whatever else is said: a denial beside it answers the errand (safetyTriage.ts). */
export function errandNamed(text: string): boolean {
  const folded = fold(text).replace(/[^a-z0-9 ]+/g, ' ').replace(/ +/g, ' ');
  return PLAIN_ERRAND.some((re) => re.test(folded));
}

/** A car taken or none, and how to get someone there (folded text). */
const NO_RIDE = /\b(?:se (?:llevo|llevaron) (?:el|la) (?:carro|coche|auto|camioneta|troca)|no tengo (?:carro|coche|auto|como llevarl[oa]|en que llevarl[oa]|quien me lleve)|took the (?:car|truck)|(?:dont|do not) have (?:a |the )?(?:car|ride)|no (?:car|ride))\b.{0,80}\b(?:como (?:lo|la|le) llevo|como llego|como (?:lo|la) llevamos|how do i get (?:him|her|them|there|us)|how (?:can|do) i take (?:him|her|them))\b|\b(?:como (?:lo|la|le) llevo|how do i get (?:him|her|them) there)\b.{0,80}\b(?:carro|coche|auto|car|ride)\b/;
/** Words of harm by a person beside a ride asked for: never plain. */
const VIOLENT_HARM = /\b(?:hit|hits|hitting|beat|beats|kick\w*|slap\w*|punch\w*|chok\w*|threat\w*|hurt\w*|peg[ao]\w*|pegue\w*|golpe\w*|golpeo|amenaz\w*|maltrat\w*|lastim\w*|abus\w*|viol\w*)\b/;
/** An accidental bump, or one to be checked (folded text). */
const BUMP = /\b(?:me di|se dio|me pegue|se pego|me golpee|se golpeo|me lastime|se lastimo)(?: un golpe| un madrazo| un trancazo)? (?:con|contra|en) (?:la|el|una|un|mi|su) \w+|\b(?:me di|se dio) un (?:golpe|madrazo|trancazo|sentonazo|guamazo)\b|\b(?:revisen|revisar|revise|checar|chequen|vean|ver|curar|curen) (?:un|el|mi|su|este|ese) (?:golpe|moreton|chichon|raspon)\b|\b(?:bumped|banged|hit|smacked|knocked) (?:my|his|her) (?:head|arm|knee|elbow|leg|shin|hand|toe|shoulder) (?:on|against|into) (?:the|a|my) \w+/;
/** A bump on purpose, to bleed or to feel something, or against a wall: self-harm, never an accident. */
const BUMP_NOT = /\b(?:pared|wall|walls|hasta (?:sangrar|que sangr\w*)|a proposito|adrede|merezco|merecia|para sentir|me odio|yo mism[oa]|on purpose|deserve|to feel|until (?:it|i) bled|hate myself|castig\w*|punish\w*|desespero)\b/;
/** A wish to die or not to go on, said beside an errand: never plain. */
const WISH = /\b(?:morir|morirme|matarme|vivir|die|dying|kill|live|living|suicid\w*|para siempre|forever|nunca mas|never again|adios|goodbye|good bye|despedir\w*|end it|end it all|acabar con todo|terminar con todo)\b/;
/** A usual fever or pain medicine given to someone (folded text). */
const CARE_GIVEN = /\b(?:(?:i|we|ive|weve|i just|we just|already|just) (?:gave|given|give) (?:him|her|them|my (?:son|daughter|kid|baby|boy|girl|mom|dad|husband|wife)|our (?:son|daughter|kid|baby))|(?:ya )?(?:le|les) (?:di|dimos|dio|he dado|acabo de dar|acabamos de dar))(?: (?:some|a|an|the|su|sus|la|el|un|una|children s|childrens|infant|infants|kids|de|del|jarabe de|dosis de))* (?:tylenol|motrin|advil|ibuprofen|ibuprofeno|acetaminophen|acetaminofen|acetaminofeno|paracetamol|tempra|fever reducer|medicina (?:para|pa|pal) (?:la )?(?:fiebre|calentura|dolor)|medicine for (?:the |her |his )?(?:fever|pain))\b/;
/** The last pill of a medicine taken (folded text). */
const LAST_PILL = /\b(?:(?:me )?tome (?:la|mi) ultima (?:pastilla|tableta|capsula|dosis)|(?:took|taking|take) (?:my|the) last (?:pill|tablet|dose|capsule|one)\b(?! \w+ (?:all|at once)))/;
/** All of them, at once, or a wish beside the last pill: never only a refill. */
const LAST_PILL_NOT = /\b(?:all|at once|todas|todos|de golpe|de una vez|over|end|die|morir|acabar)\b/;
/** Not wanting to go on with an activity, not with living (folded text). */
const GO_ON_DOING = /\bno (?:quiero|puedo|voy a) seguir (?:escribiendo|chateando|platicando|esperando|repitiendo|explicando|intentando|llamando|marcando|pagando)\b|\b(?:dont|don t|do not|cant|can t|cannot) (?:want to |wanna )?keep (?:typing|waiting|texting|chatting|trying|calling|paying|repeating myself|explaining|going in circles)\b/;
/** Doing something oneself, asked about an errand (folded text). */
const ERRAND_ONESELF = /\b(?:have to|need to|got to|gotta|supposed to|can i|should i|could i|do i|am i|may i|i can|i could|i have to|i need to) (?:just )?do (?:it|this|that|all that|all of it|everything)(?: \w+){0,5} (?:myself|by myself|on my own)\b|\b(?:lo|la|los|las) (?:tengo|tendre|debo|puedo|necesito) (?:que )?(?:hacer|cambiar|mover|pedir|llenar) (?:\w+ ){0,4}(?:yo mism[oa]|yo sol[oa]|por mi cuenta)\b|\b(?:tengo|tendre|debo|puedo) (?:que )?(?:hacerlo|hacerla|cambiarla|moverla|pedirla|llenarlo) (?:\w+ ){0,4}(?:yo mism[oa]|yo sol[oa]|por mi cuenta)\b/;
/** Where a portal errand is done (folded text). */
const ONLINE = /\b(?:portal|online|on line|website|web site|site|app|page|pagina|aplicacion|en linea|internet|kp org|mychart)\b/;
/** A cut of hair or nails, or a machine that swallowed a card (folded text). */
const THING_NOT_BODY = /\b(?:cut|cutting|trim|trimming|cortar|cortarme|cortarle|cortarse|corte|cortaron|recortar|recortarme) (?:my |his |her |the |el |la |las |los |mi |mis |su |sus )?(?:hair|bangs|nails|beard|pelo|cabello|fleco|unas|barba|puntas|greña|grena)\b|\b(?:cajero|atm|machine|maquina|the atm|el cajero) (?:se )?(?:trago|swallowed|ate|eat|comio|se comio|se quedo con) (?:mi|my|la|the) (?:tarjeta|card|debit card|credit card|tarjeta de debito|tarjeta de credito)\b/;
/** A relative or someone else who picks up, collects or fetches the member's medicine (folded text). */
const PICKUP_BY_OTHER = /\b(?:my|his|her|our|mi|su|a|someone|somebody|alguien|un|una) ?(?:wife|husband|spouse|partner|son|daughter|kid|mom|mother|dad|father|sister|brother|friend|neighbor|neighbour|caregiver|roommate|grandson|granddaughter|esposa|esposo|marido|mujer|hijo|hija|mama|papa|hermana|hermano|amiga|amigo|vecina|vecino|nieta|nieto|cuidadora|cuidador|else|otra persona)? (?:(?:can|could|may|to)(?: \w+)? )?(?:pick|picks|picking|picked|get|gets|grab|grabs|collect|collects|fetch|fetches) (?:up )?(?:my|mis|mi|the) (?:meds|medicine|medicines|medication|medications|pills|prescription|prescriptions|refill|refills|inhaler|insulin)\b|\b(?:puede|pueden|podria|podrian|va a|van a|le toca) (?:pasar|ir|venir) (?:a )?(?:por|recoger|buscar) (?:mis|mi|la|las|el|los) (?:pastillas|medicinas|medicamentos|receta|recetas|insulina|inhalador)\b|\b(?:puede|pueden|podria) (?:recoger|buscar) (?:mis|mi|la|las) (?:pastillas|medicinas|medicamentos|receta|recetas)\b/;
/** An amount, a second dose or too much: an ingestion to check, whatever else is said. */
const CARE_GIVEN_NOT = /\b(?:\d+ ?(?:pills?|tablets?|caps?|capsules?|doses?|times|x|mg|ml|pastillas?|tabletas?|capsulas?|dosis|veces|cucharad\w*|teaspoons?|tablespoons?|tsp|tbsp)|two|three|four|five|six|dos|tres|cuatro|cinco|seis|double|doble|twice|again|another|extra|too much|too many|whole|entire|bottle|botella|frasco|de mas|otra vez|otra dosis|dos veces|mucho|demasiad\w*|toda la|todo el|overdose|sobredosis|accident\w*|por error|by mistake|wrong)\b/;

/** Words of violence or control besides a lockout or a turn (a partner who hits, threatens, controls). */
const VIOLENT_WORDS = /\b(?:hit|hits|hitting|hurt|hurts|beat|beats|kick|kicks|slap|slaps|push|pushes|pushed|choke|chokes|threat\w*|scared|afraid|leave the house|take my phone|took my phone|controls?|controlling|yell\w*|scream\w*|abus\w*|he|she|husband|wife|boyfriend|girlfriend|partner|ex|pega\w*|golpe\w*|maltrat\w*|amenaz\w*|empuj\w*|viol\w*|ahorc\w*|manose\w*|toco|tocaron|tocaba|acos\w*)\b/;
/** A request for a person, a human or an agent (normalized tokens). */
const ASKS_FOR_PERSON = /\b(?:(?:talk|speak|chat) (?:to|with) (?:a |an |some |the )?(?:real |live |actual )?(?:person|human|human being|agent|representative|rep|operator)|put (?:me|her|him|them) (?:through )?(?:to|with) (?:a |an )?(?:real |live )?(?:person|human|agent|representative|rep|operator|someone)|(?:transfer|connect) (?:me|her|him|them) to (?:a |an )?(?:real |live )?(?:person|human|agent|representative|rep|operator|someone)|(?:a|an|real|live) (?:person|human|human being|agent|representative) (?:take over|instead|please|on the line)|need a (?:real |live )?(?:person|human|human being)|(?:hablar|comunicarme|comunicarla|comunicarlo|pasar\w*) con (?:una persona|un humano|un agente|un representante|una operadora|un operador|alguien de verdad|una persona de verdad)|(?:una|un) (?:persona|humano|agente|representante) (?:de verdad|real|por favor))\b/;
/** Concepts that say nothing of harm or of anyone who may harm: the task, the writer, negation, framing. */
const PLAIN_IN_TASK: ReadonlySet<string> = new Set(['task', 'first_person', 'negation', 'past', 'hypothetical', 'info_question', 'onset_now', 'figurative']);
/** Spanish "toca" as a turn or a due date ("me toca la cita", "cuando le toca la vacuna"), not a touch. */
const TURN = /\b(?:cuando|que dia|que fecha|a que hora|ya)? ?(?:me|te|le|nos|les)? ?toca (?:la |el |mi |su |mis |sus |otra |otro )?(?:siguiente |proxima |proximo |nueva |nuevo )?(?:cita|citas|turno|vacuna|vacunas|consulta|chequeo|revision|control|pagar|pago|resurtir|analisis|estudio|estudios|laboratorio|examen|dosis|inyeccion|terapia|refill|receta)\b|\bcuando (?:me |te |le |nos |les )?toca\b/;

/** The probabilities with the voided labels' share moved to "no outcome" (other). */
export function withoutReadings(p: Float64Array, voided: readonly TriageLabel[]): Float64Array {
  if (voided.length === 0) return p;
  const q = Float64Array.from(p);
  for (const label of voided) {
    q[I.other] = q[I.other]! + q[I[label]]!;
    q[I[label]] = 0;
  }
  return q;
}

/**
 * Whether the model's crisis reading of a poisoning has words to stand on. A household product
 * swallowed or licked (the lexicon's swallowed.toxic rules) in words the concepts do not know, with
 * no distress and no ingestion the model understood ("mi hija lamió un líquido para destapar
 * caños"), is the poisoning the lexicon says, whatever share the unknown words give a crisis. Pills
 * ("she's going to take all her pills tonight") keep the model's crisis.
 */
export function crisisRead(rule: string, sentences: readonly SentenceView[]): boolean {
  if (!TOXIC_RULE.test(rule)) return true;
  return sentences.some((s) => s.concepts.some((c) => c === 'ingest' || DISTRESS.has(c)));
}
const TOXIC_RULE = /\.poison\.swallowed\.toxic$/;
const DISTRESS: ReadonlySet<string> = new Set(['death_wish', 'self_harm', 'hopeless', 'mood', 'farewell', 'mh_care', 'fear']);
