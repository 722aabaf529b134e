import { fold } from '../dialogs/common/text';

/**
 * What a member's message after an emergency answer says about the call itself (pipeline/
 * urgentFollowUp.ts), in English or Spanish, whatever the exact wording:
 * - `called`: they have called, or are on the line, or help is on its way ("I already called
 *   them", "ya llamé", "the ambulance is coming", "estoy hablando con ellos");
 * - `refusal`: a reason not to go or not to call, or a visit asked for instead ("I don't want to
 *   go to the ER", "no quiero ir a emergencias", "can I just get an appt", "mejor una cita").
 * - `privacy`: a worry about who will know ("don't tell anyone", "will he find out", "is this
 *   private?", "no le digas a nadie", "¿se va a enterar?"), after an abuse disclosure above all;
 * - `police`: not wanting the police, or a fear they will come ("i dont want the cops involved",
 *   "will they call the police on him", "no quiero que llamen a la policia"): the hotline is not the police;
 * - `goodbye`: only thanks and leave-taking ("ok thanks bye", "gracias, adiós"), nothing else;
 * - `means`: the means at hand named ("i have my pills saved up", "tengo una pistola en la casa"), after a crisis answer;
 * - `safe`: safe for now ("i'm at my sister's", "he's gone", "no estoy herida"), after an abuse disclosure;
 * - `ack`: a bare acknowledgement, the whole message ("ok", "idk", "sure", "vale", "ajá").
 * A message that says both (a refusal that names a call not made: "I didn't call, I don't want an
 * ambulance") is a refusal: "called" needs a call that was made. A worry about who will know comes
 * first ("will he find out I called you").
 *
 * Texts are folded (lower case, no accents or apostrophes: "didn't" is "didnt").
 */
export type FollowUpReading = 'called' | 'refusal' | 'reassured' | 'account' | 'privacy' | 'police' | 'goodbye' | 'means' | 'safe' | 'ack';

/**
 * The means at hand, named after a crisis answer ("i have my pills saved up", "there's a gun in the
 * house", "tengo las pastillas guardadas"): never something already taken (that is the triage's).
 */
const MEANS_THING = '(pills?|meds|medications?|medicines?|tablets|sleeping pills|gun|guns|firearm|pistol|rifle|shotgun|weapon|rope|razor|razors|blade|blades|pastillas|pildoras|medicinas|medicamentos|pistola|arma|armas|escopeta|rifle|cuerda|navaja|navajas)';
const MEANS: readonly RegExp[] = [
  new RegExp(`\\b(i have|i got|ive got|i have got|i keep|i kept|i saved|ive saved|i bought|i stocked|ive been saving|i been saving|im saving|there is|theres|we have|we keep|have)( \\w+){0,3} ${MEANS_THING}\\b`),
  new RegExp(`\\b${MEANS_THING}( \\w+){0,3} (saved|saved up|stockpiled|hoarded|ready|loaded|in the house|at home|in my room|in the drawer|in my car|within reach|next to me|right here|guardadas?|guardados?|juntadas?|juntados?|listas?|listos?|cargadas?|en la casa|en casa|en mi cuarto|a la mano|aqui conmigo)\\b`),
  new RegExp(`\\b(saving up|stockpiling|hoarding) (my |the )?${MEANS_THING}\\b`),
  new RegExp(`\\b(i|ive|im|we|weve)( been)? (keeping|kept|stashed|stashing|hid|hidden|hiding|hoarded|collected|collecting|stockpiled|got|have|bought|saved|saving)( \\w+){0,4} ${MEANS_THING}\\b`),
  new RegExp(`\\b(stash|supply|bunch|bottle|box) of (my |the )?${MEANS_THING}\\b`),
  new RegExp(`\\b(tengo|guardo|guarde|he guardado|junte|he juntado|compre|hay)( \\w+){0,3} ${MEANS_THING}\\b`),
];
/** A means already used: the triage's own answer (988 with "if you have taken something, 911"). */
const TAKEN = /\b(took|taken|swallowed|ate|overdosed|drank|shot|cut|tome|tomado|trague|me tome|me corte|dispare)\b/;

/** Safe for now, after an abuse disclosure ("i'm safe now", "i'm at my sister's", "he's gone", "no estoy herida"). */
const SAFE: readonly RegExp[] = [
  /(?<!\bnot )(?<!\bnever )\b(im|i am|were|we are|the kids are|kids are)( now| finally| totally| all| both)? (safe|not hurt|not injured|out of the house|away from (him|her|them))\b/,
  /\b(im|i am|were|we are|im staying|i am staying|were staying|staying|i went|we went|i left|we left)( now| for now| tonight)? (at|with|to|for) (a |my |our )?(friends?|sisters?|brothers?|moms?|mothers?|dads?|parents|family|aunts?|cousins?|neighbors?|neighbours?|grandmas?|a shelter|shelter|hotel|motel|friend s|sister s|mom s|brother s)\b/,
  /\b(hes|shes|theyre|he is|she is|they are|he|she|they)( already| finally)? (gone|left|not here|not home|out of the house|away|asleep)\b/,
  /\bnot (hurt|injured|in danger)( right now| now| anymore)?\b/,
  /\bno (estoy|estamos) (herida|herido|heridos|heridas|lastimada|lastimado|golpeada|en peligro)\b/,
  /(?<!\bno )\b(estoy|estamos|ya estoy|ya estamos)( ya| ahora| ahorita)? (a salvo|segura|seguro|seguras|seguros)\b/,
  /\b(estoy|estamos|me quedo|me estoy quedando|nos quedamos|me fui|nos fuimos|quedandome)( ahora| ahorita| por ahora| esta noche)? (en casa de|en la casa de|con) (mi|mis|una|un|unos|unas)\b/,
  /\b(el|ella|ellos)( ya)? (se fue|se fueron|no esta|no estan|se durmio)\b/,
];

/** A bare acknowledgement: the whole message is one of these ("ok", "idk", "sure", "vale", "ajá"). */
const ACK = /^(ok|okay|k|kk|okk|okey|oki|idk|i dunno|dunno|i dont know|dont know|sure|fine|alright|all right|whatever|hmm+|mm+|mhm|i guess|maybe|ok i guess|i see|got it|vale|aja|bueno|no se|pues|ya|ok ok|esta bien|ta bien|mmm+|aha|ah ok|oh ok|oh|meh)$/;


/** A call made, or under way, or help on its way. */
const CALLED: readonly RegExp[] = [
  // English
  /\b(already|just) (called|phoned|rang|dialed|dialled|texted|spoke|talked|contacted)\b/,
  // "I called them", "my wife called 911"; never "he called me" (names, in an abuse disclosure)
  /\b(i|we|someone|somebody|my \w+) (already |just |have |ve |has |had )?(called|phoned|dialed|dialled|rang|texted)\b(?! me\b)/,
  /\b(im|i am|were|we are|hes|shes|they are|theyre) (calling|on the phone|on the line|talking to|speaking to|speaking with|talking with)\b/,
  /\b(on the phone|on the line) with\b/,
  /\b(got off|hung up|off the phone)\b/,
  /\b(ambulance|paramedics|medics|firefighters|police|help|they|911|ems)( is| are|s|re)? (on (the|their|its) way|coming|here|arrived|just arrived)\b/,
  /\b(talked|spoke|spoken) (to|with) (them|poison|911|someone|a nurse|the nurse|the operator|the dispatcher)\b/,
  /\b(they|poison control|the nurse|911|the operator|the dispatcher) (said|told|say|says)\b/,
  /\bdid that\b|\bdone that\b/,
  // calling now, or about to ("ok calling", "calling them now", "gonna call 911 now")
  /^(ok|okay|k|yes|yeah|fine|alright)?\s*(calling|dialing)\b/,
  /\b(calling|dialing) (now|them|911|poison|the nurse|an ambulance|right now)\b/,
  /\b(gonna|going to|will|ill|about to) (call|dial) (now|them|911|poison|right now|an ambulance)\b/,
  // Spanish
  /\bya (les |le |lo |la |los )?(llame|llamamos|llamo|llamaron|hable|hablamos|hablo|marque|marcamos|marco)\b/,
  /\b(llame|llamamos|marque|marcamos|hable|hablamos) (al|a|con) /,
  /\b(les|le|los) (llame|llamamos|hable|hablamos)\b/,
  /\b(ya )?(he|hemos|ha) (llamado|hablado|marcado)\b/,
  /\b(estoy|estamos|esta) (llamando|hablando|en la linea|en el telefono)\b/,
  /\b(ambulancia|paramedicos|policia|ayuda|ellos)( ya)? (viene|vienen|llego|llegaron|esta aqui|estan aqui|va en camino|van en camino|en camino)\b/,
  /\b(viene|vienen) en camino\b/,
  /\b(viene|vienen|llego|llegaron) (la ambulancia|los paramedicos|la policia|la ayuda|los bomberos)\b/,
  /\bme (dijeron|dicen|dijo)\b/,
  /\bya lo hice\b/,
  /\b(voy a|vamos a|ahorita|ahora|ya) (llamar|llamo|marco|les llamo|le llamo)\b/,
  /^(ok|bueno|si|esta bien|va)?\s*llamando\b/,
];

/** A call not made ("I didn't call", "can't call", "no he llamado"): never "called". */
const NOT_CALLED = [
  /\b(not|didnt|havent|hasnt|hadnt|cant|cannot|couldnt|wont|never|unable to)( \w+)? (call|called|calling|phoned|dialed|dial|phone|talk|talked|speak)\b/,
  /\b(no|nunca)( les| le| lo| la| los)?( he| hemos| ha| puedo| podemos| pude)? (llame|llamamos|llamado|llamar|marcado|marcar|hablado|hablar)\b/,
];

/** A reason not to go or not to call. */
const REFUSAL: readonly RegExp[] = [
  // English: a no, then the emergency room, 911 or an ambulance
  /\b(dont|do not|not|wont|will not|rather not|no|never|cant afford|refuse|refuses|refusing)\b.*\b(er|e r|emergency room|emergency|hospital|911|ambulance|urgent care|ed)\b/,
  // a visit asked for instead
  /\b(just|instead|rather|only|prefer)\b.*\b(appt|appointment|visit|video|doctor|dr|clinic|telehealth|see someone|nurse)\b/,
  /\b(appt|appointment|visit|video|doctor|dr|clinic|telehealth)\b.*\b(instead|rather)\b/,
  /\b(do|does) (i|we|he|she) (really )?(have|need) to (go|call)\b/,
  /\b(wait|waiting) (until|till|til|for) (tomorrow|the morning|morning|monday|later|my appointment|the appointment)\b/,
  // Spanish
  /\b(no|nunca|prefiero no|ni)\b.*\b(emergencias?|urgencias|hospital|911|ambulancia)\b/,
  /\b(solo|nomas|mejor|prefiero|en vez|en lugar|nada mas)\b.*\b(cita|consulta|doctor|doctora|medico|medica|video|videollamada|visita|clinica|enfermera)\b/,
  /\b(tengo|tenemos|tiene) que (ir|llamar)\b/,
  /\b(esperar|espero|esperamos) (a|hasta) (manana|el lunes|mas tarde|la cita)\b/,
];

/** A person close to the member, who may be the one who hurts them ("my husband", "mi pareja"). */
const PERSON = '(husband|wife|boyfriend|girlfriend|bf|gf|partner|spouse|ex|fiance|fiancee|dad|father|mom|mother|stepdad|son|daughter|brother|sister|esposo|esposa|marido|novio|novia|pareja|papa|padre|mama|madre|padrastro|hijo|hija|hermano|hermana|\\w+)';
/** Seeing, reading, getting into, or receiving. */
const SEE_EN = '(see|sees|seeing|read|reads|reading|view|views|look at|looks at|look up|check|checks|find|finds|find out|access|accesses|get into|gets into|log into|logs into|go into|goes into|open|opens|get|gets|receive|receives|know|knows)';
const SEE_ES = '(ver|ve|vea|mirar|mira|leer|lee|lea|revisar|revisa|revise|entrar|entra|entre|meterse|se mete|acceder|accede|abrir|abre|recibir|recibe|reciba|saber|sabe|sepa|encontrar|encuentra|encuentre|checar|checa)';
/** What the plan holds of the member: the account, the insurance, messages, records, the address. */
const HOLDINGS_EN = '(account|portal|app|insurance|insurance stuff|insurance info|plan|claims?|bills?|statements?|eobs?|explanation of benefits|records?|chart|messages?|address|new address|info|information|details|mail|email|e mail|letters?|results|appointments?|visits?|prescriptions?|password|login)';
const HOLDINGS_ES = '(cuenta|portal|aplicacion|app|seguro|plan|reclamos?|reclamaciones|facturas?|estados? de cuenta|expediente|registros?|mensajes?|direccion|nueva direccion|informacion|info|datos|correo|cartas?|resultados?|citas?|recetas?|contrasena|clave|cosas)';

/** Who will know: asked not to tell, asked whether someone will find out, whether this is private. */
/**
 * The person who hurts the member can get into the member's account, or must not ("he knows my
 * password", "how do i make sure he cant see my new address in the portal", "él sabe mi
 * contraseña"): keeping them out of the account, after a disclosure.
 */
const ACCOUNT: readonly RegExp[] = [
  /\b(he|she|they|my \w+)( \w+)? (knows|know|has|have|got|uses|use|checks|check|reads|read|sees|see|can see|could see|will see|gets into|get into|logs into|log into|goes into|go into|looks at|look at)( \w+)?( \w+)? (my|the) (password|passwords|login|log in|account|portal|app|messages|address|new address|chart|records|email|e mail)\b/,
  /\b(so|that|because|cause|bc|cuz) (he|she|they|my \w+)( \w+)? (cant|can not|cannot|wont|doesnt|will not|does not|dont|do not) (see|find|get in|get into|read|access|log in|log into|know|check)\b/,
  /\b(el|ella|mi \w+)( \w+)? (sabe|tiene|conoce|revisa|ve|lee|entra a|entra en|se mete a|se mete en|puede ver|puede entrar a)( \w+)? (mi|la|el|mis) (contrasena|clave|cuenta|portal|aplicacion|app|mensajes|direccion|nueva direccion|expediente|correo)\b/,
  /\bpara que (el|ella|mi \w+)?( \w+)? ?no (vea|entre|sepa|encuentre|lea|revise|pueda ver|pueda entrar)\b/,
];

/**
 * The abuser + seeing, reading or getting into + what the plan holds of the member ("can he see
 * my insurance stuff", "will my husband be able to read my claims", "el puede ver mis cosas del
 * seguro?", "¿puede mi esposo entrar a mi cuenta?"): a reason not to go or call said with it
 * ("i dont want to go to the ER, he'll see the bill") stays a refusal.
 */
const ACCOUNT_SEEN: readonly RegExp[] = [
  new RegExp(`\\b(he|she|they|my ${PERSON})( \\w+){0,4} ${SEE_EN}( \\w+){0,2} (my|the|our)( \\w+){0,2} ${HOLDINGS_EN}\\b`),
  new RegExp(`\\b(el|ella|ellos|mi ${PERSON})( \\w+){0,3} ${SEE_ES}( \\w+){0,2} (mi|mis|la|las|el|los)( \\w+){0,3} ${HOLDINGS_ES}\\b`),
  new RegExp(`\\b(puede|pueden|podra|podria|va a poder|tiene acceso a|tiene acceso al) (el|ella|ellos|mi ${PERSON})( \\w+){0,2} (${SEE_ES}( \\w+){0,2} )?(mi|mis|la|las|el|los|a mi|a mis|al)( \\w+){0,3} ${HOLDINGS_ES}\\b`),
];

const PRIVACY: readonly RegExp[] = [
  // English
  /\b(dont|do not|please dont|never|not|wont|will not) (tell|say|share|mention|report|show|repeat)( this| that| it| anything)?( to)? (anyone|anybody|him|her|them|no one|nobody|my \w+|the police|the cops|cops)\b/,
  /\b(will|would|could|can|does|do|is|might|gonna) (he|she|they|my \w+|anyone|anybody|someone|somebody|people)( \w+)? (find out|know|be told|get told|hear about|be notified|get notified|get a letter|get a notice|get a copy|(see|read) (this|that|it|what|my messages|the messages|the chat|these))\b/,
  /\b(will|would|do|are|can|could) (you|u|they|the plan|someone|anyone) (going to |gonna )?(tell|call|notify|contact|inform|email|text|write to) (him|her|them|anyone|anybody|someone|somebody|my \w+|his \w+|her \w+)\b/,
  /\b(is|are|will|would) (this|it|the chat|these messages|my messages|what i (say|write|said|wrote|tell you))( \w+)?( be)? (private|confidential|secret|anonymous|recorded|saved|shared|seen)\b/,
  /\b(keep|kept) (this|it|that) (private|secret|confidential|between us|to yourself)\b/,
  /\bbetween (us|you and me)\b/,
  /\b(nobody|no one) (can|must|should|is allowed to|needs to) (know|find out|see)\b/,
  /\b(dont|do not) want (him|her|them|anyone|anybody|my \w+) to (know|find out|see)\b/,
  // Spanish
  /\bno (le |les |se lo |se la |lo |la )?(digas|diga|digan|cuentes|cuente|cuenten|comentes|comente|reportes|reporte|ensenes|ensene|compartas|comparta)\b/,
  /\b(se va a|se van a|va a|van a|puede|pueden|podria|podrian) (enterar|saber|ver esto|ver lo|leer)\b/,
  /\b(se entera|se enteran|se enterara|se enteraria|se entere|se enteren|lo sabra|lo va a saber|lo sabe|lo sepa|lo sepan)\b/,
  /\b(es|esto es|sera|son|queda|quedara|esta conversacion es)( \w+)? (privado|privada|confidencial|secreto|secreta|anonimo|anonima)\b/,
  /\b(nadie|el|ella|mi \w+) (puede|debe|tiene que|va a|se puede) (saber|enterar|enterarse)\b/,
  /\b(le|les) (van|va|vas) a (decir|avisar|contar|llamar|reportar)\b/,
  /\b(van|va|vas) a (decirle|avisarle|contarle|llamarle|reportar|avisar)\b/,
  /\bno quiero que (el|ella|mi \w+|nadie|sepa|se entere)\b/,
  /\bentre (nosotros|usted y yo|tu y yo)\b/,
  /\b(guarde|guarda|guardar) (el |este )?secreto\b/,
];

/** The police named ("cops", "policía")... */
const POLICE = /\b(police|cops?|law enforcement|policia|policias|patrulla)\b/;
/** ...with a no, a fear or a question about them (never "the police are here"). */
const POLICE_WORRY = /\b(dont|do not|didnt|wont|will not|not|never|no|rather|afraid|scared|worried|worry|fear|without|will|would|do|does|is|are|can|could|gonna|going to|nunca|ni|sin|miedo|temo|preocupa|van a|va a|llaman|llamaran|avisan|avisaran|es|son)\b/;

/** Words that only thank or take leave (the whole message is made of them). */
const LEAVE_TAKING = new Set([
  'ok', 'okay', 'k', 'kk', 'alright', 'thanks', 'thank', 'you', 'thx', 'ty', 'tysm', 'so', 'much', 'very', 'a', 'lot', 'bye', 'goodbye',
  'good', 'night', 'goodnight', 'take', 'care', 'see', 'ya', 'later', 'cya', 'for', 'your', 'the', 'help', 'again', 'will', 'do', 'i',
  'got', 'it', 'cool', 'great', 'appreciate', 'bye-bye', 'byebye', 'have', 'nice', 'day', 'gracias', 'muchas', 'mil', 'adios', 'hasta',
  'luego', 'pronto', 'manana', 'chao', 'chau', 'bueno', 'vale', 'listo', 'esta', 'bien', 'cuidese', 'nos', 'vemos', 'buenas', 'noches',
  'por', 'su', 'tu', 'ayuda', 'muy', 'amable', 'le', 'lo', 'agradezco', 'perfecto', 'de', 'acuerdo', 'si', 'yes', 'yeah', 'and', 'y',
]);
/** At least one of these makes it a thanks or a goodbye (a lone "ok" is not one). */
const THANKS_OR_BYE = /\b(thanks|thank|thx|ty|tysm|bye|goodbye|goodnight|take care|later|cya|appreciate|gracias|adios|hasta luego|hasta pronto|hasta manana|chao|chau|cuidese|nos vemos|buenas noches|agradezco)\b/;

function onlyThanksOrBye(folded: string): boolean {
  const words = folded.split(/[^a-z0-9-]+/).filter(Boolean);
  return words.length > 0 && words.length <= 10 && words.every((w) => LEAVE_TAKING.has(w)) && THANKS_OR_BYE.test(folded);
}

/** The person seems fine now ("she says she is fine now", "he looks ok", "ya está mejor"): no call made. */
const REASSURED: readonly RegExp[] = [
  /\b(is|seems|says|feels|looks|sounds|im|i am|hes|shes|he is|she is|theyre|they are|were|we are|its|it is)( \w+)?( \w+)? (fine|ok|okay|better|alright|all right|normal|good)( now)?\b/,
  /\b(esta|estoy|se ve|se siente|dice que esta|dice que ya esta|ya esta|ya se siente|parece) (bien|mejor|normal|tranquil[oa])\b/,
];

/** Emergency services named ("ya llamé al 911", "the ambulance is on its way", "paramedics are here"). */
const EMERGENCY_SERVICES = /\b(911|ambulance|ambulances|paramedic|paramedics|ems|fire department|ambulancia|ambulancias|paramedico|paramedicos|bomberos)\b/;

/**
 * A call made that names emergency services: after a Poison Control answer, "ya llamé al 911,
 * vienen en camino" is thanked as a call to 911, not to Poison Control.
 */
export function calledEmergencyServices(text: string): boolean {
  return readFollowUp(text) === 'called' && EMERGENCY_SERVICES.test(fold(text));
}

export function readFollowUp(text: string): FollowUpReading | null {
  const folded = fold(text);
  if (!folded) return null;
  const called = CALLED.some((re) => re.test(folded)) && !NOT_CALLED.some((re) => re.test(folded));
  // "I don't want the police": the hotline is not the police (before who will know: "don't tell
  // the police" is that worry too); "I called the police" is a call made.
  if (!called && POLICE.test(folded) && POLICE_WORRY.test(folded)) return 'police';
  // "will he find out I texted you" is a worry about who will know, before a call made.
  if (!called && ACCOUNT.some((re) => re.test(folded))) return 'account';
  if (!called && ACCOUNT_SEEN.some((re) => re.test(folded)) && !REFUSAL.some((re) => re.test(folded))) return 'account';
  if (PRIVACY.some((re) => re.test(folded))) return 'privacy';
  if (called) return 'called';
  if (onlyThanksOrBye(folded)) return 'goodbye';
  if (REFUSAL.some((re) => re.test(folded))) return 'refusal';
  if (MEANS.some((re) => re.test(folded)) && !TAKEN.test(folded)) return 'means';
  if (REASSURED.some((re) => re.test(folded))) return 'reassured';
  if (SAFE.some((re) => re.test(folded))) return 'safe';
  if (ACK.test(folded)) return 'ack';
  return null;
}
