import assert from 'node:assert/strict';
import { sharedDetector } from './support/fixtures';
import { itFiresStrong, itNeverStrong, type RuleHit } from './support/ruleHits';

/**
 * Concepts the development set v22 missed, each in other wordings than the set's (both
 * languages), and look-alikes the new rules and the narrowed ones must leave alone.
 */
describe('EmergencyDetector: concepts missed on development set v22', () => {
  itFiresStrong([
    // afraid of oneself, of what one might do
    ["i'm afraid of what i might do to myself tonight", 'crisis', /scared\.of\.self$/],
    ['honestly i dont trust myself alone right now', 'crisis', /scared\.of\.self$/],
    ['tengo miedo de lo que pueda hacerme esta noche', 'crisis', /scared\.of\.self$/],
    // thoughts of harming a baby or a child
    ['i keep having thoughts of shaking my newborn when he screams', 'crisis', /harm\.baby\.thoughts$/],
    ['a veces pienso en lastimar a mi bebe cuando no se duerme', 'crisis', /harm\.baby\.thoughts$/],
    // taking someone along
    ['some days i think about ending us both, me and my mom', 'crisis', /take\.both$/],
    ['he said he might take them both out and then himself', 'crisis', /crisis\./],
    ['pienso en matarnos a los dos, a mi hijo y a mi', 'crisis', /take\.both$/],
    // someone's goodbye message
    ['my brother sent a text saying goodbye and he is not picking up', 'crisis', /goodbye\.message$/],
    ['mi hija me mando un audio despidiendose y no contesta', 'crisis', /goodbye\.message$/],
    // my last night
    ['tonight is my last night. thanks for everything', 'crisis', /last\.night$/],
    ['hoy es mi ultimo dia en este mundo', 'crisis', /last\.night$/],
    // a decision made, a day set
    ["i've made up my mind, sunday is the day", 'crisis', /decision\.day$/],
    ['ya tome mi decision, el domingo es el dia', 'crisis', /decision\.day$/],
    // no way out, why go on
    ['no veo otra salida a todo esto', 'crisis', /cant\.go\.on$/],
    ['perdi todo, para que sigo viviendo', 'crisis', /cant\.go\.on$/],
    // saving pills up
    ['been saving up my sleeping pills until i have enough', 'crisis', /stockpile$/],
    ['estoy guardando mis pastillas hasta tener suficientes', 'crisis', /stockpile$/],
    // wrists cut, in Spanish
    ['se corto las venas mi hermano, hay mucha sangre', 'crisis', /crisis\./],
    // bleach with another cleaner, a pesticide with signs, a medicine doubled by confusion
    ['i used bleach and vinegar together in the shower and now my throat burns', 'poison', /bleach\.mix$/],
    ['mezcle cloro con amoniaco para limpiar el bano y me arde la garganta', 'poison', /poison\./],
    ['we set off a bug bomb and came back too early, now my son is dizzy and nauseous', 'poison', /pesticide\.signs$/],
    ['le echaron insecticida a la casa y mi mama esta mareada', 'poison', /pesticide\.signs$/],
    ['mi papa se tomo la pastilla de la presion dos veces por confusion', 'poison', /poison\./],
    // chest pain with a numb arm, asked as a question: the strong rule is not hidden by the mention
    ['chest pressure and my left arm feels numb, can i wait until my appointment friday?', 'medical', /chest\.arm\.numb$/],
  ] satisfies RuleHit[]);

  const lookalikes = [
    // fear of oneself, said of a speech or spending
    "i'm scared of what i might say at my sister's wedding",
    'me da miedo lo que pueda hacer mi esposo cuando llegue',
    // a baby and a worry that is not harm
    "i'm scared i'll hurt the baby by accident when i trim his nails",
    'i think the babysitter is hurting my son, he has bruises',
    // taking out, ending, saying goodbye, last night, a decision
    'can you take us both out to the lobby after the visit',
    'my grandma left a voicemail saying goodbye before her cruise, so sweet',
    "it's my last night in the hospital, when do i get my discharge papers",
    'today is my last day of coverage, can i still refill',
    "i've made up my mind, friday is the day i switch plans",
    // pills saved for a trip, a parking exit
    'can i stockpile my meds before my trip abroad',
    'no veo la salida del estacionamiento de la clinica',
    // bleach questions, a pesticide question
    'is it safe to mix bleach and vinegar for cleaning?',
    'can i use bug spray on my toddler, what happens if she gets dizzy',
    // figures of speech and plain causes the narrowed rules now leave alone
    "i feel like i'm drowning at work, i need a therapist",
    'my daughter nearly drowned when she was 4, she swims great now',
    'hurt my shoulder at the gym, cant raise my arm above my head',
    'me duele el pecho solo cuando toso, tengo gripa',
    'ese examen me mato, saque 60',
    'en la serie la protagonista se quiere suicidar, en que capitulo pasa',
    'que hago si alguien tiene una convulsion? pregunto para saber',
    'what does carbon monoxide poisoning feel like',
    'tomo demasiadas pastillas para dormir todas las noches, necesito ayuda para dejarlas',
    "ever since the NICU i'm anxious she'll stop breathing, she's fine, i'm not",
  ];
  itNeverStrong(lookalikes);

  it('a strong rule of a kind wins over a contextual one of the same kind found before it', () => {
    const m = sharedDetector().detect('chest pain and my jaw is tingling, should i just wait for my appt?');
    assert.equal(m?.kind, 'medical');
    assert.equal(m?.strong, true, `the contextual mention hid the strong rule (${m?.rule})`);
  });
});

/**
 * Development misses of the earlier sets (seen-v3..v21) that the stronger rule ordering made
 * worth a rule: each in other wordings, with look-alikes.
 */
describe('EmergencyDetector: concepts the earlier development sets still missed', () => {
  itFiresStrong([
    ['my wife has epilepsy and this seizure is going on 8 minutes', 'medical', /seizure\.long$/],
    ['mi hijo tuvo una convulsion y luego otra sin despertar', 'medical', /seizure\.long$/],
    ['took two nitro and the chest pain still hurts the same', 'medical', /nitro\.not\.helping$/],
    ['ya me puse la nitroglicerina y el dolor no se me quita', 'medical', /nitro\.not\.helping$/],
    ['my dad is showing stroke signs right now', 'medical', /stroke\.signs\.now$/],
    ['his words are coming out all wrong, he was fine an hour ago', 'medical', /stroke\.signs\.now$/],
    ["i'm 20 weeks pregnant, bleeding and the cramps are unbearable", 'medical', /pregnancy\.pain\.bleeding$/],
    ['a lady is lying on the sidewalk outside the pharmacy and not responding', 'medical', /man\.down$/],
    ['my daughter touched the outlet with a hairpin and got zapped', 'medical', /medical\./],
    ['we all have headaches and feel dizzy since we turned on the space heater', 'poison', /co\.household$/],
    ['desde que prendimos el calentador todos tenemos dolor de cabeza y nauseas', 'poison', /co\.household$/],
    ['se me fue el doble de insulina en la noche', 'poison', /insulin\.double$/],
    ['please god just take me in my sleep', 'crisis', /god\.take\.me$/],
    ['diosito ya llevame contigo', 'crisis', /god\.take\.me$/],
    ["i'm sitting on the ledge of my building right now", 'crisis', /crisis\./],
    ['picked up a pack of razor blades, not for shaving', 'crisis', /means\.not\.for$/],
    ['i keep scratching my wrists until they bleed when i am upset', 'crisis', /crisis\./],
    ["it's all planned for saturday night", 'crisis', /planned\.day$/],
    ['ya lo tengo todo planeado para el sabado', 'crisis', /planned\.day$/],
    ['a bottle of these would let me sleep for good', 'crisis', /sleep\.for\.good$/],
    ['kinda hope i get hit by a truck on the way home', 'crisis', /hope\.hit$/],
    ['being dead sounds peaceful honestly', 'crisis', /death\.comforting$/],
    ['my friend says he has a date picked out', 'crisis', /date\.picked$/],
    ['my passive suicidal thoughts are getting worse', 'crisis', /crisis\./],
    ['everyone would be better off if i just disappeared', 'crisis', /crisis\./],
    ["i don't think i'll be around much longer, cancel everything", 'crisis', /not\.around\.after$/],
    ['no creo llegar a esa fecha, ya para que', 'crisis', /not\.around\.after$/],
    ['my son texted goodbye and now his phone is off', 'crisis', /goodbye\.unreachable$/],
    ['mi hermano se despidio de todos y ya no contesta', 'crisis', /goodbye\.unreachable$/],
    ['my dad just collapsed on the floor, calling 911', 'medical', /medical\./],
  ] satisfies RuleHit[]);

  const lookalikes = [
    'my son had a seizure last year that lasted over 5 minutes, can i get the records',
    'the nitro prescription is not working on the portal, can i refill it another way',
    'what are the signs of a stroke',
    'my grandpa has had slurred speech since his stroke in 2019, can he get speech therapy',
    'i was bleeding a lot when i was pregnant with my first, is that on my records',
    "my toddler won't open her eyes in the morning because of pink eye crust",
    'i got shocked by static from the carpet again lol',
    'is it possible to get carbon monoxide poisoning from a space heater? how do i prevent it',
    'god please take me to a clinic that has parking',
    "we're having a party on the roof of my building saturday",
    'does the razor blades not for shaving joke come from a movie',
    'my eczema is so itchy i scratch until it bleeds',
    "it's all planned for saturday, the surgery is at 8",
    'i want to sleep for good tonight, my baby finally sleeps through',
    "i don't care if i get hit with a late fee, just tell me the balance",
    'my grandma said death is peaceful in her hospice book club',
    'we picked a date for the wedding, can i move my appointment',
    "i won't be needing my coverage after this month, i'm switching to my new job's plan",
    'my mom texted goodbye from the airport and now her phone is off, she is flying',
    'what is drowning',
    "i'm drowning in mail from you guys, stop the paper statements",
    // the member's own call, said after an answer (newcomer run v23, Z07): the follow-up reads it
    'ok calling 911',
    'ok. im calling an ambulance now',
  ];
  itNeverStrong(lookalikes);
});
