/**
 * What a short follow-up asks about the answer just given, whatever its words (English or
 * Spanish, folded: lower case, no accents or apostrophes). Each aspect is a kind of question,
 * never a sentence: dialogs/followUps.ts decides what it means after which answer.
 * - `line`: the phone number or the hours of the line the answer named ("and the phone number?",
 *   "what hours", "y el telefono?", "a que hora abren");
 * - `timing`: when or how long ("when can i pick it up", "how long will that take", "cuanto tarda"), or a
 *   rough time guessed alone ("so like a day? a week?");
 * - `meaning`: what the answer means ("what does that mean", "que significa eso");
 * - `why`: why it is held up or takes so long ("why is it taking so long", "y por q tarda tanto", "xq sigue pendiente");
 * - `resend`: a code that still does not come ("resend", "didnt get it", "still nothing", "reenvialo");
 * - `person`: a person to talk to ("i just want to talk to someone", "solo quiero hablar con alguien"),
 *   asked as a question of who too ("who do i talk to about it", "con quien hablo de eso");
 * - `doIt`: the member asks the assistant to do what the answer suggested ("ok do that", "send it to my dr", "hazlo",
 *   "yes please send the request");
 * - `tried`: what the answer said to do was tried and did not help ("i did that already", "it didnt
 *   work", "ya hice eso", "no funciono"): the next step, never the same steps again ("ya cambie de
 *   numero de cel", a new phone, is no step tried);
 * - `needs`: what it takes to use what was answered (an app, a download, a camera, a link: "do i
 *   have to install something", "necesito una aplicacion?");
 * - `howItWorks`: how the thing answered works, asked by someone who never did it ("how does it work",
 *   "never done one before", "como funciona, nunca lo he hecho");
 * - `cost`: what it costs ("is it free", "how much is it", "cuanto cuesta");
 * - `visitFirst`: whether a visit to the doctor comes first ("do i need to see the dr first?", "do I
 *   have to see my doctor before they renew it?", "tengo que ver al doctor primero?");
 * - `device`: whether it can be done from a phone, the app or a computer ("can i do that from my
 *   phone", "y se puede desde el cel?", "con el telefono o necesito una computadora?"): never a
 *   call asked for (the phone's `line`), never a health matter;
 * - `unexplained`: the answer does not explain what was asked ("that doesnt explain why its 340",
 *   "still doesnt tell me why", "eso no explica por que", "sigo sin entender por que"): never the
 *   same page again as if it did.
 */
export type Aspect = 'line' | 'timing' | 'meaning' | 'why' | 'resend' | 'person' | 'doIt' | 'tried' | 'needs' | 'howItWorks' | 'cost' | 'visitFirst' | 'device' | 'unexplained';

/** A doctor, or whoever decides (folded). */
const DOCTOR = '(dr|doctor|doc|doctors|provider|physician|clinician|care team|prescriber|pcp|doctora|medico|medica|proveedor|equipo de atencion|equipo medico)';

/** A phone, the app or a computer to do the task on ("from my cell", "desde el cel", "en la compu"); no call or text asked for. */
const DEVICE_NAME = '(phone|cell|cellphone|cell phone|mobile|smartphone|iphone|android|computer|laptop|pc|desktop|tablet|ipad|app|cel|celular|telefono|movil|compu|computadora|laptop|tableta|aplicacion)';
const DEVICE = new RegExp(
  `^(?!.*\\b(call|calling|ring|text me|on the phone|llamar|llamo|llamen|marcar)\\b).*` +
    `\\b((from|on|with|using|through|in|use) (my|a|the|your|our) ${DEVICE_NAME}|(desde|con|en|usar|use|uso) (el|mi|un|la|una|su) ${DEVICE_NAME})\\b`,
);

/** Only spans of time and the words around a guess ("so like a day? a week? roughly", "como unos dias o una semana?"): at least one span. */
const SPAN = '(day|days|week|weeks|hour|hours|month|months|dia|dias|semana|semanas|hora|horas|mes|meses)';
const GUESS_WORD = `(so|like|um|umm|uh|ok|okay|and|or|a|an|one|two|three|few|couple|of|maybe|roughly|about|around|approximately|approx|more|less|or so|is it|would it be|y|o|como|unos|unas|un|una|dos|tres|mas o menos|aproximadamente|entonces|pues|tipo|o asi|\\d+|${SPAN})`;
const ROUGH_TIME = new RegExp(`^(?=.*\\b${SPAN}\\b)(${GUESS_WORD}( |$))+$`);

const ASPECTS: ReadonlyArray<[Aspect, RegExp]> = [
  // Before `why`, `meaning` and `tried`: "that doesnt explain why its so much" says the answer missed the question.
  [
    'unexplained',
    /\b((doesnt|does not|didnt|did not|wont|cant) (really )?(explain|tell me|say|answer|show)|(dont|do not) explain)( it| that| this| me)?( why| how come| what| anything)?\b|\bnot (an |the )?(explanation|answer|what i asked)\b|\bstill (dont|do not) (understand|get|know) (why|how come)\b|\b(eso |esto |la pagina |pero )?no (me )?(explica|explico|dice|aclara|contesta|responde)\b|\bsigo sin (entender|saber)\b|\b(todavia|aun) no (entiendo|se) (por que|porque|xq|pq)\b/,
  ],
  // Before the others: "do i need to see the dr first" is neither what one needs nor when.
  [
    'visitFirst',
    new RegExp(
      [
        // "(do i need to / have to / must i) see the dr first", "will my doctor want to see me before renewing it"
        `\\b(see|visit|go to|go see|be seen by|get seen by|check in with|make an appointment with|book (a visit|an appointment) with) (the|my|a|our|your) ${DOCTOR}\\b.*\\b(first|before|beforehand|ahead)\\b`,
        `\\b${DOCTOR} (need|needs|have|has|want|wants|going) to see (me|him|her|us|them)\\b.*\\b(first|before|beforehand)\\b`,
        `\\b(need|needs|have|has|got|must|should)( to)? (come in|go in|be seen|get seen|get checked|make an appointment|book (a visit|an appointment)|have (a visit|an appointment|a checkup)|get (a visit|an appointment|a checkup))\\b.*\\b(first|before|beforehand)\\b`,
        `\\b(need|needs) (a|an) (visit|appointment|appt|checkup|check up|office visit)( first| before| beforehand)\\b`,
        // "tengo que ver al doctor primero", "hay que ir con el medico antes de que la renueven"
        `\\b(ver|ir|pasar|consultar|visitar|ir a ver|ir con|pasar con|cita con)( a| al| a la| con)? ?(el |la |mi |un |una )?${DOCTOR}\\b.*\\b(primero|antes)\\b`,
        `\\b${DOCTOR} (tiene|tendra|necesita|necesitara|quiere|querra|va a querer) (que )?verme\\b.*\\b(primero|antes)\\b`,
        `\\b(necesito|tengo que|hay que|debo|tendre que|toca) (hacer|sacar|tener|pedir|ir a) (una )?(cita|consulta|visita|revision|chequeo)( primero| antes)\\b`,
      ].join('|'),
    ),
  ],
  ['person', /\b(talk|speak|chat) (to|with) (someone|somebody|a person|a human|a real person|anyone|a counselor|a therapist)\b|\bhablar con (alguien|una persona|un humano|una persona real|un consejero|un terapeuta)\b|\b(someone|somebody|anyone|anybody|alguien) (to talk to|to speak to|to speak with|con quien hablar|con quien pueda hablar)\b|\b(someone|somebody|anyone|anybody) (i|we) (can|could) (talk|speak) (to|with)\b|\balguien con (quien|el que|la que) (pueda|puedo|podria) hablar\b|\b(who|whom) (can|could|should|do|would|will) (i|we) (talk|speak|chat|turn) (to|with)\b|\b(to|with) whom (can|could|should|do|would) (i|we) (talk|speak|chat)\b|\bcon quien (puedo|podria|pudiera|debo|deberia|tengo que|hay que|se puede|me toca)? ?(hablar|hablo|platicar|platico|conversar|converso|comunicarme|me comunico)\b/],
  ['resend', /\b(resend|re send|send (it|another|a new one|one) again|send (me )?(another|a new)( one| code)?|didnt (get|receive|come|arrive)|did not (get|receive|come|arrive)|never (got|came|arrived|comes|arrives|shows up|gets here)|(doesnt|does not|wont|isnt) (come|arrive|coming|arriving|show up)|still (nothing|no code|not here|hasnt come|hasnt arrived|didnt come|waiting)|nothing (came|yet|arrived)|not (here|coming) yet|no (llega|llego|me llega|me llego)|no (me )?ha llegado|reenvia|reenvie|reenvialo|reenviarlo|reenviemelo|mandalo otra vez|otro codigo|todavia (nada|no llega|no me llega|no ha llegado)|sigue sin llegar|aun nada|nada todavia)\b/],
  // Sent, and nothing came: "me lo mandan por sms y nada", "they email it and nothing".
  ['resend', /\b(y|pero) (no (me )?(llega|llego)|nada)$|\b(and|but) (nothing|it never (comes|came|arrives|shows up))( comes| came| arrives| shows up)?$/],
  // Before `meaning`: "no entiendo por que tarda" asks why, not what the words mean.
  ['why', /\b(why|y is|how come|por que|porque|por q|porq|xq|pq)\b.*\b(taking|take|takes|long|pending|waiting|held up|holding|stuck|slow|delay|delayed|tarda|tardan|tardando|demora|demoran|demorando|pendiente|esperando|detenid\w*|atorad\w*|lento|lenta)\b|\b(whats|what is|cual es) (the |el )?(hold up|holdup|delay|retraso|problema)\b/],
  // Before `meaning`: "i dont understand how it works" asks how it works.
  [
    'howItWorks',
    /\b(how (does|do|will|would|is) (it|that|this|they|these|those|one|the (video )?(visit|call|appointment|appt)s?|video visits?|a video (visit|call)) (work|works|go|goes|done)|how it (works|goes)|how (do|does|would|will) (i|we|you|one) (do|use|start) (it|that|this|one)|never (done|had|did|used|tried|been on) (one|it|this|that|these|a video (visit|call|appointment|appt)|video( visits?| calls?)?)|(my|the) first time|first time (doing|using|having|on)|como (funciona|funcionan|funcionaria|va a ser|es eso|se hace|le hago|lo hago)|nunca (lo |la )?(he|e|ha|hemos|hecho) (hecho|echo|usado|tenido|hacido)|nunca (he|e) (tenido|hecho|echo) (una|uno)|(es )?mi primera vez|la primera vez que)\b/,
  ],
  // "are they bad", "is that normal", "son malos?": what a result means for the member, asked alone.
  ['meaning', /^(so |ok |okay |and |but |y |pero |entonces )?(is|are|r) (that|this|it|they|those|these|mine|my (results?|numbers|levels)) (bad|good|normal|ok|okay|fine|high|low|serious|dangerous|abnormal|concerning)( or (not|bad|good|normal|ok))?$|^(y |pero |entonces )?(es|son|esta|estan) (eso |esto |esos |estos )?(malo|mala|malos|malas|normal|normales|bien|grave|graves|alto|altos|bajo|bajos|peligroso|peligrosos)$/],
  ['meaning', /\b(what (does|do) (that|this|it|those|these|they|them|my results|the results|my numbers) mean|what do (you|u) mean|wdym|(que|q|k) (significa|quiere decir|significan|quieren decir)|what that means|meaning|what is that|whats that|i dont (get|understand)( it| that)?|que (significa|quiere decir|significan|quieren decir)|no entiendo|que es eso)\b/],
  // Before `line` and `needs`: "from my phone" is the device the task is done on, not a number.
  ['device', DEVICE],
  ['line', /\b(phone|phone number|(the|their|your|a|its) number|hours|call them|telefono|el numero|su numero|horario|horarios|a que hora)\b|\b(what time|when) (do|does|are|is) \w+( \w+)? (open|close)\b/],
  ['timing', /\b(when|how long|how soon|how many days|by when|what day|cuando|cuanto (tarda|tiempo|demora|se tarda)|en cuanto tiempo|cuantos dias|que dia)\b/],
  // A rough time guessed, nothing else said ("so like a day? a week? roughly", "unos dias o una semana?"): how long (v19 Z04).
  ['timing', ROUGH_TIME],
  ['doIt', /^(ok |okay |yes |yeah |sure |si |bueno |vale )*(please |pls |plz |por favor |porfa )?(do (it|that|so|this)|go ahead|do it for me|can you do (it|that)|you do it|send (it|the request|a request|that)|request (it|that|one|a renewal|the renewal|a refill)|submit (it|that)|ask (them|for it)|hazlo|hagalo|haganlo|hazlo tu|hagalo usted|adelante|pidela|pidalo|pidala|pidelo|mandeselo|mandesela|envieselo|enviesela|mandaselo|mandasela|enviaselo|enviasela|solicitela|solicitelo|envielo|enviela|mandela|mandelo|(pida|pide|solicite|solicita|envie|envia|mande|manda|haga|haz)( usted| tu)? (eso|la solicitud|una solicitud|la renovacion|una renovacion|el surtido))( to (my|the|our) (dr|doctor|doc|doctors|care team|team|provider|physician|clinic)| a mi (doctor|doctora|medico|medica|equipo|equipo de atencion))?( please| pls| plz| for me| por favor| por mi| now| ya| ahora)?$/],
  ['tried', /\b(already|ya) (reset|changed|updated|cleared|restarted|reinstalled|did|tried|cambie|restableci|resetee|reinicie|actualice|borre|intente|hice)\b(?! (de |mi |my |the |el |la |to a )?(new )?(numero|number|phone|telefono|cel|celular|cell|email|e mail|correo|address|direccion)\b)|\b(reset|changed|tried|did|done|cambie|restableci|resetee|intente|hice)( it| that| this| them| my password| the password| la| lo| la contrasena| mi contrasena)? (twice|two times|three times|2 times|3 times|again|several times|a few times|many times|dos veces|tres veces|varias veces|otra vez|muchas veces)\b|\bstill (says|saying|shows|showing|gives|giving|get|getting|wrong|locked|cant|can t|wont|not letting)\b|\bsigue (diciendo|saliendo|apareciendo|dando|dandome|sin dejarme|bloquead\w*)\b|\b(i|we|ive|weve|i have|i already|already) (already )?tried (that|this|it|those|these|them|all (that|of that|of it|of them|those|the steps)|everything|the steps|what you said)\b|\b(already (did|done|followed|checked)|(did|done|followed|checked) (that|this|it|all (that|of that|of it)|everything|the steps) (already|before|twice))\b|\b(it|that|this|those|they|which|nothing|none of (it|that|them|those))( still)? (didnt|did not|doesnt|does not|dont|do not|wont|will not|isnt|is not|wasnt) (work|working|help|helping|fix it|change anything)\b|\b(not|still not|still isnt|still doesnt|no longer) work(ing|s)?\b|\bno luck\b|\bsame (thing|problem|issue|error)\b|\bya (lo |la |los |las )?(intente|probe|hice|revise|segui|he intentado|he probado|he hecho)\b|\b(eso |esto |tampoco |todavia |aun )?no (me )?(funciono|funciona|sirvio|sirve|resulto|ayudo)\b|\bsigue (sin funcionar|igual|sin servir|fallando)\b|\bel mismo (problema|error)\b/],
  ['needs', /\b(download|downloads|install|installed|app|application|software|program|camera|webcam|microphone|mic|headphones|equipment|computer|laptop|tablet|smartphone|browser|wifi|internet|what do i need|what will i need|what i need|do i need (a|an|to have|anything|something)|descarg\w*|bajar (algo|una?|la|el|alguna|algun|nada|programas?|aplicacion|app)|bajarl[ao]s?|instal\w*|aplicacion|programa|camara|microfono|computadora|navegador|equipo|que necesito|necesito (algo|una|un|tener))\b/],
  ['cost', /\b(cost|costs|how much|is it free|free|price|fee|charge|copay|co pay|pay for it|cuanto cuesta|cuanto vale|cuanto cobran|costo|gratis|precio|copago|se paga|hay que pagar)\b/],
];

/** The member's own phone number changed ("i got a new phone number", "cambié de celular"): news of their own, not a line asked about. */
const OWN_NEW_NUMBER = /\b(new|changed|change|different|old|lost|switched) (phone|cell|mobile|number|phone number|cell number)\b|\b(numero|telefono|celular) (nuevo|diferente)\b|\bnuevo (numero|telefono|celular)\b|\bcambie (de|mi) (numero|telefono|celular)\b/;

/** Whether the (folded) message asks about this aspect too, whichever comes first ("ya intente y no me llega": tried and resend). */
export function saysAspect(folded: string, aspect: Aspect): boolean {
  return ASPECTS.some(([a, re]) => a === aspect && re.test(folded));
}

export function aspectOf(folded: string): Aspect | null {
  return ASPECTS.find(([aspect, re]) => re.test(folded) && !(aspect === 'line' && OWN_NEW_NUMBER.test(folded)))?.[0] ?? null;
}
