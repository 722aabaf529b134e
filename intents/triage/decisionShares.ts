/**
 * The fixed shares, patterns and concept sets the safety triage (safetyTriage.ts) decides with:
 * constants of the code, not of intents/data/triage/config (the thresholds tuned there).
 */

/** Concepts of the body: a denial of a crisis that names one is a health worry (symptoms). */
export const BODILY: ReadonlySet<string> = new Set(['body', 'pain', 'injury', 'breathing']);
/** Something done to oneself: a denial that names it stays mental health (with 988). */
export const DONE_TO_ONESELF: ReadonlySet<string> = new Set(['self_harm', 'ingest', 'substance']);

/** The safety net of a doubt that is a poisoning names Poison Control too. */
export const POISON_DOUBT = { poisonDoubt: true } as const;

/**
 * One sentence of a longer message raises an emergency only while the whole message does not read
 * as something else: when the whole gives the emergency less than WHOLE_NOT_EMERGENCY and mental
 * health, symptoms and abuse together at least WHOLE_OTHER_OUTCOME, the whole message decides ("how
 * do I get my son into rehab? he's 22 and using fentanyl" is a wish for care, not 911 for the second
 * sentence alone). On seen-v1..v21 this moved 32 development lines to their labelled outcome and lost
 * no emergency: a crisis a sentence raises in a message of no other outcome ("I'm in the parking
 * garage top floor. I'm done") keeps it.
 */
export const WHOLE_NOT_EMERGENCY = 0.5;
export const WHOLE_OTHER_OUTCOME = 0.6;
/** Concepts of someone who may harm, of harm or of neglect: a safety net may name an abuse hotline with them. */
export const ABUSE_CONCEPTS: ReadonlySet<string> = new Set(['violence', 'abuser', 'neglect', 'exploit', 'child', 'elder', 'vulnerable', 'fear']);

/** A strong poisoning rule whose message the model gives at least this share of crisis (of the emergency probability) is a crisis. */
export const CRISIS_OVER_POISON = 0.5;
/** ...and at least this much crisis in all: a share of a model that reads no emergency at all ("mi nieto se acaba de comer unas pastillas", 4 % crisis, 2 % poison) is noise. */
export const CRISIS_OVER_POISON_MIN = 0.15;
/** An adult's own disclosure is read over the model's child or elder label only when the model gives dv and sexual together this share of the abuse probability. */
export const TORN_SHARE = 0.2;

/** The lexicon rules for violence by someone else, now or threatened (an attack, a threat to kill). */
export const VIOLENCE_RULE = /\.medical\.(?:violence|attack)\./;
/** A lexicon rule for an intentional overdose that has happened. */
export const OVERDOSE_RULE = /\.crisis\.overdose\./;
/** A crisis whose emergency probability is at least this much poisoning: something was taken. */
export const TAKEN_SHARE = 0.1;

/** A medical emergency whose whole-message probability gives poisoning, distress (crisis and mental health) or abuse this much: that line too (the largest). */
export const ALSO_EMERGENCY_SHARE = 0.25;
/** Violence by someone else now or threatened: the abuse line too from this share of the model's abuse probability. */
export const ALSO_ABUSE_IN_VIOLENCE_SHARE = 0.1;

/** A second abuse kind with at least this share of the abuse probability gets its hotline named too. */
export const ALSO_KIND_SHARE = 0.2;
/** A day of the week or a clock time (folded), the words of a booking answer. */
export const SCHEDULING = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|next week|lunes|martes|miercoles|jueves|viernes|sabado|domingo|la proxima semana|la semana que viene)\b|\b\d{1,2}(:\d{2})? ?(am|pm|a m|p m)\b/;
/** A partner named (folded: lower case, no accents). */
export const PARTNER = /\b(husband|wife|boyfriend|girlfriend|bf|gf|partner|spouse|fiance|fiancee|ex|esposo|esposa|marido|novio|novia|pareja|prometido|prometida)\b/;
export const fold = (t: string): string => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** With a child or an older adult named in the message, a smaller share is enough for their line. */
export const NAMED_KIND_SHARE = 0.05;

/**
 * How sure the model must be that a message is no safety matter (the `other` class) before an
 * emergency service named inside a portal task ("la visita de urgencias de mi mamá") gets no
 * safety net from a weak lexicon rule.
 */
export const SERVICE_IN_TASK_OTHER = 0.95;
/** The weak rules that only name an emergency service (an ambulance, the ER, "emergency"): the ones a portal task may set aside. */
export const SERVICE_RULE = /\.(ambulance|emergency\.now|emergency\.mention)$/;

/**
 * Someone else's child seen or found hurt (folded text): a woman beating her child in the park, a
 * student who keeps coming in with burns ("vi a una señora darle una golpiza a su nena", "soy
 * maestra y un alumno llega con golpes"). The model reads a witness's words as small talk or
 * distress; a report of a child harmed is a child-abuse disclosure (Childhelp), whoever tells it.
 * Each pattern needs the harm, the child and a witness or an adult who harms.
 */
const CHILD = String.raw`(?:kid|kids|child|children|son|daughter|toddler|baby|boy|girl|infant|stepson|stepdaughter|little one|nin[oa]s?|nen[ea]s?|hij[oa]s?|bebes?|chiquit[oa]s?|chamac[oa]s?|criaturas?|huerc[oa]s?|escuincl[ea]s?|hijastr[oa]s?)`;
const WITNESS = String.raw`\b(?:saw|seen|watched|watching|witnessed|heard|hear|hearing|neighbor|neighbors|neighbour|lady|woman|man|guy|mom|mother|dad|father|parent|parents|stepdad|stepmom|stepfather|stepmother|babysitter|nanny|coach|vi|veo|vimos|he visto|mire|escuche|escucho|oigo|oi|vecin[oa]s?|senora|senor|mujer|hombre|mama|papa|madre|padre|padrastro|madrastra|muchacha|muchacho|chava|chavo|nana|ninera)\b`;
export const CHILD_HARM_SEEN: readonly RegExp[] = [
  // A witness and an adult who beats a child: "saw a lady beating her kid", "vi a una señora darle una golpiza a su nena".
  new RegExp(String.raw`^(?=.*${WITNESS}).*\b(?:beating|hitting|slapping|punching|kicking|whipping|smacking|choking|shaking|dragging|beat|beats|hit|hits|slapped|slaps|punched|kicked|whipped|smacked|choked|shook|dragged)(?: up| on)? (?:her|his|their|a|the|that|this) (?:little |young |small |own |poor )?${CHILD}\b`),
  new RegExp(String.raw`^(?=.*${WITNESS}).*\bbeat(?:ing)? the (?:crap|shit|hell|life) out of (?:her|his|their|a|the|that) (?:little |own )?${CHILD}\b`),
  new RegExp(String.raw`^(?=.*${WITNESS}).*\b(?:golpiza|golpizas|paliza|palizas|cintarazos|cinturonazos|fuetazos|chingadazos|madrazos|chanclazos|cachetadas|bofetadas|patadas|punetazos|a golpes)\b.*\b${CHILD}\b|^(?=.*${WITNESS}).*\b${CHILD}\b.*\b(?:golpiza|golpizas|paliza|palizas|cintarazos|cinturonazos|fuetazos|chingadazos|madrazos|a golpes)\b`),
  new RegExp(String.raw`^(?=.*${WITNESS}).*\b(?:pegandole|golpeando|golpeaba|golpea|maltratando|maltrata|maltrataba|pateando|pateaba|sacudiendo|zarandeando|ahorcando|le pega|le pegaba|le estaba pegando|le dio de golpes|le daba de golpes)\b(?: a)? (?:su|sus|un|una|la|el|esa|ese|los|las) (?:pobre |propi[oa] )?${CHILD}\b`),
  // A teacher, a coach, a neighbour: a child who keeps turning up with burns or bruises.
  new RegExp(String.raw`\b(?:student|students|pupil|pupils|camper|campers|player|players|kid|child|boy|girl|alumn[oa]s?|estudiantes?|nin[oa]|nene|nena)\b.{0,60}\b(?:coming|comes|come|came|showing up|shows up|showed up|turns up|turning up|arrives|arriving|has|had|with|llega|llegaba|viene|venia|aparece|aparecia|trae|traia|tiene|tenia)\b.{0,40}\b(?:burns|bruises|bruising|welts|belt marks|cigarette burns|handprints|black eyes?|golpes|moretones|moretes|quemaduras|marcas de (?:cinturon|golpes|quemaduras)|chichones|cardenales)\b(?=.*\b(?:wont say|will not say|doesnt say|wont tell|will not tell|doesnt want to say|says (?:she|he) fell|again|keeps|every week|all the time|seguido|siempre|cada semana|otra vez|no (?:quiere )?(?:dice|decir|dice como|cuenta)|a quien (?:aviso|le digo|llamo|reporto)|who do i (?:call|tell|report)|report|reportar|denunciar|teacher|maestr[oa]|profesor[a]?|soy maestr[oa]|coach)\b)`),
];

/** The writer is the relative's caregiver ("I'm her caregiver", "soy su cuidadora"): a role, no abuser named. */
export const WRITER_CAREGIVER = /\b(?:i am|im|as|being|i was|ive been) (?:his|her|their|the|a|an|my \w+s)?(?: ?(?:main|primary|full time|fulltime|paid|only|family|legal|designated))? ?(?:caregiver|caretaker|care giver|care taker)\b|\b(?:soy|como|yo soy) (?:su |el |la )?(?:cuidador|cuidadora)\b/;
/** A portal errand (folded text): an account, a sign-in, a date or a paper to find. */
export const ERRAND = /\b(?:account|sign in|signin|log in|login|logged|password|portal|app|website|appointment|appt|surgery|procedure|visit|when is|what time|paper|papers|form|forms|bill|refill|prescription|records|results|schedule|reschedule|cita|cuenta|contrasena|entrar|iniciar sesion|cirugia|receta|factura|resultados|papel|papeles|portal)\b/;
/** An account or a device that "won't let me back in": a sign-in problem, not someone who controls the member. */
export const LOCKED_OUT = /\b(?:it|app|site|website|portal|system|page|account|login|computer|phone|screen|password)(?: \w+){0,2} (?:wont|won t|will not|doesnt|does not|didnt|did not|still wont|keeps not letting) let me (?:back in|back on|in|log|sign|login|get in|get back in|access|see|reset|change)\b/;
/** Account words around it ("logged out", "sign in"): the lockout is the member's account. */
export const ACCOUNT = /\b(?:logged out|logs me out|log out|logging out|log in|logged in|login|sign in|signed out|sign out|account|password|app|portal|website|site)\b/;
/** The concepts that carry harm: with one of them, a role or a lockout still counts as a disclosure. */
export const HARM_CONCEPTS: ReadonlySet<string> = new Set(['violence', 'neglect', 'exploit', 'fear', 'injury', 'self_harm', 'death_wish', 'hopeless', 'farewell']);

/**
 * The member's medicine ran out ("ocupo mas de mis pastillas del acido urico, ya se me acabaron",
 * "ran out of my meds"): a refill. "se me acabaron" is the model's word for a crisis only with
 * a wish or a loss of hope ("ya se me acabaron las ganas de vivir"), which HARM_CONCEPTS and the
 * lexicon catch.
 */
export const RAN_OUT = /\b(?:se me (?:acabaron|acabo|terminaron|termino|estan acabando|esta acabando|van a acabar|va a acabar)|se (?:le|nos) (?:acabaron|acabo|terminaron|termino)|ya no (?:me |le )?(?:quedan|queda)|ran out|run out|running out|out of (?:my|his|her)|(?:have|has|got) (?:none|no more|nothing) left|(?:none|no more|no pills|no meds|no medicine|no medication|no tablets|no inhaler) left|ya no tengo (?:pastillas|medicina|medicinas|medicamento|tabletas|insulina|inhalador)|no me queda (?:ninguna|nada|ni una)|(?:solo |nomas |nada mas )?me (?:quedan|queda) (?:\d+|una|un|dos|tres|cuatro|pocas|poquitas|unas) (?:\w+ )?(?:pastillas?|tabletas?|dosis|pildoras?|capsulas?|inyecciones|pastis)|(?:i|we|he|she) (?:only )?(?:have|has|got) (?:\d+|one|two|three|four|a few|a couple(?: of)?) (?:\w+ )?(?:pills?|tablets?|doses?|capsules?|shots?) left|(?:running|getting) low on (?:my|his|her)\b)\b/;
/** ...unless what ran out is the will to live or hope ("se me acabaron las pastillas y las ganas de vivir"). */
export const RAN_OUT_NOT = /\b(?:vivir|vida|ganas|fuerzas|paciencia|esperanza|animo|life|live|living|hope|reason|reasons|will|strength|patience)\b/;
/** Concepts a ran-out message may carry and still be a refill only. */
export const RAN_OUT_ONLY: ReadonlySet<string> = new Set(['substance', 'first_person', 'other_person', 'task', 'ailment', 'elder', 'vulnerable', 'negation', 'onset_now']);
