import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { NluDataError } from '../../intents/data-files';
import { lexiconFile, loadLexicon } from '../../intents/emergency/lexicon';
import type { EmergencyKind, Locale } from '../../intents/types';
import { sharedDetector } from './support/fixtures';

const detect = (text: string) => sharedDetector().detect(text);

function expectKind(text: string, kind: EmergencyKind, locale?: Locale): void {
  const m = detect(text);
  assert.ok(m, `expected an emergency (${kind}) in: ${text}`);
  assert.equal(m.kind, kind, `wrong kind for: ${text} (rule ${m.rule})`);
  if (locale) assert.equal(m.locale, locale, `wrong locale for: ${text}`);
}

function expectNone(text: string): void {
  const m = detect(text);
  assert.equal(m, null, `false alarm (${m?.rule}) on: ${text}`);
}

describe('EmergencyDetector', () => {
  describe('every category, English', () => {
    const cases: Array<[string, EmergencyKind, string]> = [
      ['stroke signs', 'medical', 'his face is drooping on one side and his speech is slurred'],
      ['chest pain', 'medical', 'I am having crushing chest pain'],
      ['breathing', 'medical', 'my son is not breathing'],
      ['bleeding', 'medical', 'the cut is bleeding heavily and it will not stop'],
      ['unconsciousness', 'medical', 'my grandmother is unconscious'],
      ['seizures', 'medical', 'my daughter is having a seizure'],
      ['anaphylaxis', 'medical', 'my throat is closing up after a bee sting'],
      ['overdose', 'poison', 'I think my brother overdosed'],
      ['poisoning', 'poison', 'my toddler swallowed a button battery'],
      ['carbon monoxide', 'poison', 'the carbon monoxide alarm keeps going off'],
      ['suicidal thoughts', 'crisis', 'I want to kill myself'],
      ['self-harm', 'crisis', 'I have been cutting myself again'],
      ['harming others', 'crisis', 'I am going to hurt someone at work'],
      ['someone else at risk', 'crisis', 'my friend texted me that she wants to die'],
      ['relapse', 'crisis', "i've been cutting again"],
      ['an infant under 3 months with a fever', 'medical', 'our 7 week old feels warm, thermometer says 100.9'],
      // the age typed short, with no "old": "6wk", "1mo"
      ['an infant under 3 months with a fever, age typed short', 'medical', '1mo running 101 and wont eat'],
      ['an infant under 3 months with a fever, weeks typed short', 'medical', 'my 5wk has a temp of 100.6'],
      // a question about lethal means is a crisis, however it is framed
      ['a question about a lethal amount', 'crisis', 'how many of my sleeping pills would it take to never wake up'],
      ['a question about a fatal dose', 'crisis', "what's the fatal dose of my blood pressure med"],
      // the emergencies issue 19 names that had no rule: drowning, smoke, electricity, an attack now
      ['drowning', 'medical', 'we just fished my nephew out of the lake and hes coughing up water'],
      ['smoke', 'medical', 'kitchen caught fire and my dad is wheezing and hoarse'],
      ['electrical injury', 'medical', 'my son stuck a fork in the outlet and his hand is black'],
      ['an intruder now', 'medical', 'theres someone inside my apartment i can hear him in the kitchen'],
      ['a shooting now', 'medical', 'shots fired outside the school please'],
      ['standing at an edge', 'crisis', 'im on the edge of the parking garage roof'],
      // a head injury with vomiting or drowsiness, whichever is said first; an allergen and a hoarse voice
      ['a head injury, then drowsiness', 'medical', 'my boy whacked his head on the monkey bars and now he keeps nodding off'],
      ['vomiting after a head injury', 'medical', 'she threw up twice after she fell off the swing onto her head'],
      ['an allergen, then a changed voice', 'medical', 'he ate a cookie with peanuts, hes allergic, and his voice is going raspy'],
      ['a room full of smoke', 'medical', 'woke up and the hallway is filled with smoke, my chest burns'],
      ['a seizure told by its signs', 'medical', 'her eyes rolled back and her arms started jerking'],
      // sixteenth session: a passive wish not to wake up is a crisis, not an unconscious person
      ['hoping not to wake up', 'crisis', 'some nights i lie there praying i dont wake up'],
      ['a child who wishes he had never been born', 'crisis', 'my 8 year old keeps saying he wishes he was never born'],
      ['found down and not answering', 'medical', 'came home and my roommate is on the bathroom floor, not answering me'],
    ];
    for (const [name, kind, text] of cases) it(`${name} → ${kind}`, () => expectKind(text, kind, 'en'));
  });

  describe('every category, Spanish (with and without accents)', () => {
    const cases: Array<[string, EmergencyKind, string]> = [
      ['derrame', 'medical', 'creo que a mi papá le está dando un derrame'],
      ['dolor de pecho', 'medical', 'me duele mucho el pecho'],
      ['respiración', 'medical', 'no puedo respirar'],
      ['sangrado', 'medical', 'está sangrando mucho y no para'],
      ['inconsciente', 'medical', 'mi abuela está inconsciente'],
      ['convulsiones', 'medical', 'mi hijo esta convulsionando'],
      ['anafilaxia', 'medical', 'se me esta cerrando la garganta'],
      ['sobredosis', 'poison', 'creo que mi hermano tuvo una sobredosis'],
      ['envenenamiento', 'poison', 'mi niña se tomó el cloro'],
      ['suicidio', 'crisis', 'me quiero matar'],
      ['autolesión', 'crisis', 'me estoy cortando otra vez'],
      ['dañar a otros', 'crisis', 'quiero matar a mi jefe'],
      ['un bebé de menos de 3 meses con fiebre', 'medical', 'la nena tiene 6 semanas de nacida y le marca 38.4'],
      ['un bebé de días, dicho con "tiene" y en abreviatura', 'medical', 'mi bb de 20 dias tiene calentura desde la tarde'],
      ['semanas dichas con "tiene"', 'medical', 'el bebecito tiene 5 semanas y anda con fiebre'],
      ['una pregunta por una cantidad letal', 'crisis', 'cuántas pastillas de las mías serían una dosis letal'],
      ['ahogamiento', 'medical', 'sacamos a la niña de la piscina y no reacciona bien'],
      ['humo', 'medical', 'mi abuela respiró mucho humo en la cocina'],
      ['descarga eléctrica', 'medical', 'a mi esposo le dio la corriente arreglando la lámpara'],
      ['un intruso ahora', 'medical', 'se metieron unos tipos a mi casa y estoy escondida en el baño'],
      ['un golpe en la cabeza y después vómito', 'medical', 'mi niño se dio un golpe en la cabeza con el columpio y ya vomitó dos veces'],
      ['un alérgico que comió y tiene la voz ronca', 'medical', 'mi esposo es alérgico a los mariscos, comió camarón y se puso ronco'],
      ['un cuarto lleno de humo', 'medical', 'el departamento esta lleno de humo y no encuentro a mi hijo'],
      ['apuñalado o baleado ahora', 'medical', 'ayuda, a mi hermano lo acuchillaron afuera de la tienda'],
      ['alguien acaba de entrar a la casa', 'medical', 'alguien se acaba de meter a mi casa y estoy en el closet'.replace('se acaba de meter', 'acaba de entrar')],
      ['un ataque ahora', 'medical', 'nos estan atacando en la calle'],
      ['dormir y no despertar', 'crisis', 'a veces solo quiero dormirme y ya no despertar'],
      ['darse de baja de la vida', 'crisis', 'ya me quiero dar de baja de esta vida'],
      ['alguien que se cortó las venas', 'crisis', 'mi prima se corto las venas en el baño'],
      ['la misma medicina dos veces sin darse cuenta', 'poison', 'me tome el tylenol y luego otra vez otras dos sin darme cuenta'],
      ['un niño que se acaba de comer pastillas', 'poison', 'mi nieta se acaba de comer unas pastillas de la presion'],
      ['el peor dolor de cabeza, dicho "como nunca" y "de golpe"', 'medical', 'de repente me duele la cabeza como nunca y veo luces'],
      ['en el borde', 'crisis', 'estoy parado en el borde del puente'],
      ['tirado en el piso y no contesta', 'medical', 'mi tio esta tirado en el suelo y no me contesta'],
    ];
    for (const [name, kind, text] of cases) it(`${name} → ${kind}`, () => expectKind(text, kind, 'es'));
  });

  describe('typos and shorthand', () => {
    it('"cant breath", "i cnt brethe", "chset pian" are medical', () => {
      expectKind('cant breath', 'medical');
      expectKind('i cnt brethe', 'medical');
      expectKind('chset pian so bad', 'medical');
    });
    it('"kms", "sucidal thoughts", "unalive myself" are crisis', () => {
      expectKind('kms', 'crisis');
      expectKind('sucidal thoughts', 'crisis');
      expectKind('gonna unalive myself', 'crisis');
    });
    it('"siezure", "OD\'d" and Spanish typos', () => {
      expectKind('she is having a siezure', 'medical');
      expectKind("he OD'd", 'poison');
      expectKind('no pueod respirar', 'medical');
      expectKind('kiero morir', 'crisis');
    });
    it('a real word is never "corrected" into an emergency word of another meaning', () => {
      expectNone('I painted my room');
      expectNone('who painted the mona lisa');
      expectNone('we are painting the fence this weekend');
      // …while misspellings and other forms of the emergency words still count.
      expectKind('I faintd at work', 'medical');
      expectKind('my friend fainted', 'medical');
      expectKind('he had a couple of strokes today', 'medical');
    });
    it('a Spanish verb with an attached pronoun is a real word, not a typo of a crisis word', () => {
      // "calmarme" was corrected to "matarme" (crisis), "correrme" to "cortarme" (self-harm).
      expectNone('necesito algo para calmarme, ando muy estresada con el trabajo');
      expectNone('fumo para calmarme los nervios');
      expectNone('tengo miedo de que me van a correrme del trabajo por faltar');
      expectNone('quiero acercarme a la clinica mas cercana');
      expectNone('me pueden apuntarme en la lista de espera');
      // …while the crisis words themselves, with their pronoun and misspelt, still count.
      expectKind('me voy a matarme', 'crisis');
      expectKind('kiero matarme', 'crisis');
      expectKind('quiero cortarme otra vez', 'crisis');
    });
    it('wanting to stop a habit is not a wish to die, nor a habit an overdose (es)', () => {
      expectNone('ya no quiero seguir bebiendo asi, cada viernes acabo mal');
      expectNone('ya no quiero seguir fumando, como le hago para dejarlo');
      expectNone('ya no quiero seguir esperando tanto para mi cita');
      expectNone('bebo demasiado todos los fines de semana y quiero dejarlo');
      // …while giving up on living, and pills taken, still count.
      expectKind('ya no quiero seguir', 'crisis');
      expectKind('ya no quiero seguir luchando contra todo', 'crisis');
      expectKind('ya no quiero seguir con esto', 'crisis');
      expectKind('mi esposo se tomo demasiadas pastillas y le duele el estomago', 'poison');
      expectKind('me tome demasiado de mis pastillas para dormir', 'poison');
    });
  });

  describe('non-emergency look-alikes', () => {
    const lookAlikes = [
      'the bill for my ER visit',
      'bumped my head on the cupboard, no vomiting and not drowsy, just a bump',
      'my allergies make my voice hoarse every spring',
      'the kitchen was full of smoke from the burnt toast lol',
      'quiero dormir y no volver a trabajar nunca jaja',
      'me apuñalaron hace dos años y necesito el expediente',
      'refill my nitroglycerin',
      'this traffic is killing me',
      'my phone died',
      "I'm not suicidal, I need my refill",
      'I need an EpiPen refill for school',
      'what is 988',
      'I paid my bill',
      'the bill for my overdose treatment last year is wrong',
      'I had chest pain last year and need the records',
      'what are the warning signs of a stroke',
      'the app is not responding',
      'no chest pain, just need my blood pressure meds',
      'my houseplant is dying',
      'how do I know if someone is having a stroke',
      'la factura de mi visita a emergencias',
      'se me murió el celular',
      'el tráfico me está matando',
      'no tengo dolor de pecho, necesito mi receta',
      // a fever that has lasted days, an older child, a question about newborns
      'my daughter has had a fever for 2 days',
      'fever on and off for 2 weeks now',
      'which houseplants are lethal to cats, we just adopted one',
      'drowning in paperwork, where do i send my claim',
      'my car was broken into last month, do you need the police report for the claim',
      'the smoke detector battery keeps chirping',
      'me ahogo en deudas con tantas facturas',
      'quiero dejar de fumar, hay clases',
      'how much tylenol can i give my 4 year old',
      'cual insecticida es letal para las hormigas pero no para el perro',
      'temp of 100.5 for 2 mos, should i see someone',
      'my 4 month old has a low fever after her shots',
      'what temperature counts as a fever in a newborn',
      'mi hijo tiene fiebre de 3 dias',
      'dropped my phone on the floor and now the app is not responding',
      'se me cayo el celular al piso y ya no responde',
      'i hope i dont wake up late for my appointment tomorrow',
    ];
    for (const text of lookAlikes) it(`not an emergency: ${text}`, () => expectNone(text));
  });

  describe('negation never opens a hole', () => {
    it('keeps negations that are the emergency', () => {
      expectKind("I can't breathe", 'medical');
      expectKind('I cannot breathe', 'medical');
      expectKind("I don't want to live anymore", 'crisis');
      expectKind('he is not breathing', 'medical');
      expectKind('she has no pulse', 'medical');
      expectKind('everyone would be better off without me', 'crisis');
      expectKind('ya no quiero vivir', 'crisis');
    });
    it('honours plain negation of a symptom', () => {
      expectNone("I'm not suicidal");
      expectNone('I do not have chest pain');
    });
    it('uncertainty is not negation: "not sure if it is a stroke" still fires', () => {
      expectKind("I'm not sure if it's a stroke but her face looks droopy", 'medical');
      expectKind('no estoy seguro pero creo que es un infarto', 'medical');
    });
    it('a negation in one clause does not cancel another', () => {
      expectKind("I'm not suicidal but I want to kill myself", 'crisis');
    });
  });

  describe('kind priority (documented in detector.ts)', () => {
    it('overdose with intent to die is crisis', () => expectKind('I took all my pills to end it', 'crisis'));
    it('overdose without intent is poison', () => expectKind('I took too many of my sleeping pills', 'poison'));
    it('poisoning with signs that need 911 is medical', () => expectKind('my son swallowed bleach and he is not breathing', 'medical'));
  });

  it('judges each sentence in its own context', () => {
    expectKind('I need to pay my bill. My dad has chest pain right now', 'medical');
    expectNone('I need to pay the bill for my chest pain visit');
  });

  it('reports a rule id, never member text', () => {
    const m = detect('my wife wont wake up');
    assert.ok(m);
    assert.match(m.rule, /^(en|es)\.(medical|crisis|poison)\.[a-z0-9.]+$/);
    assert.ok(!m.rule.includes('wake'));
  });

  it('never throws and returns null on empty, huge, emoji and control-character input', () => {
    assert.equal(detect(''), null);
    assert.equal(detect('   \n\t'), null);
    assert.equal(detect('😀🚑💊'), null);
    assert.equal(detect('\u0000\u0001\u0002\u001b[31m'), null);
    assert.equal(detect(undefined as unknown as string), null);
    assert.equal(detect('refill please '.repeat(8000)), null);
    // An emergency at the very end of a 100 kB message is still found.
    expectKind(`${'I have a billing question. '.repeat(4000)}Also I can't breathe.`, 'medical');
  });

  it('property: any string gives null or a well-formed match', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const m = detect(s);
        return m === null || (['medical', 'crisis', 'poison'].includes(m.kind) && ['en', 'es'].includes(m.locale) && /^(en|es)\./.test(m.rule));
      }),
      { numRuns: 300 },
    );
  });

  describe('concepts missed on development set v16 (other wordings, both languages)', () => {
    const hits: Array<[string, EmergencyKind]> = [
      // a hanging with the clitic before the verb
      ['ya me voy a colgar de una viga', 'crisis'],
      ['mi hermano dice que se quiere colgar', 'crisis'],
      // chest pain that spreads, or rated severe
      ['chest pressure for 30 min that spreads to my left arm', 'medical'],
      ['my chest hurts so bad, going down into my arm, I have had a bypass', 'medical'],
      ['chest pain 8 out of 10 since this morning', 'medical'],
      ['me aprieta el pecho y se me va hacia la quijada, soy cardiaco', 'medical'],
      ['dolor de pecho que se le corre a la espalda desde hace una hora', 'medical'],
      ['dolor de pecho 9 de 10, tengo problemas del corazon', 'medical'],
      // an infant's age in weeks without "old"
      ['my daughter is 5 weeks and has a temp of 100.6', 'medical'],
      ['son 3 weeks running a fever', 'medical'],
      ['bebe 6 semanas fiebre 38', 'medical'],
      ['mi nena tiene mes y medio y tiene calentura', 'medical'],
      // bleeding that will not stop, a blood thinner
      ['my dad\'s nose has been bleeding for 40 minutes', 'medical'],
      ['my cut still hasn\'t stopped bleeding', 'medical'],
      ['I\'m on Eliquis, my gums are bleeding and I feel dizzy', 'medical'],
      ['sangrado de nariz que no se detiene', 'medical'],
      ['mi mama toma anticoagulante y le sangran las encias, esta mareada', 'medical'],
      // household products by other names, licked or sucked
      ['el nino se puso a lamer el destapacanos', 'poison'],
      ['mi bebe chupo la botella de Drano', 'poison'],
      ['mi perro lamio limpiador de horno', 'poison'],
      ['my toddler licked the Drano bottle', 'poison'],
      // a parent's disclosure of a child's self-harm
      ['mi hijo se quema los brazos con encendedor', 'crisis'],
      ['mi hija tiene cicatrices en las munecas y dice que se las hizo ella misma', 'crisis'],
      ['my daughter has cuts on her thighs and admitted she does it to herself', 'crisis'],
      ['my 15 year old is burning herself with a lighter', 'crisis'],
    ];
    for (const [text, kind] of hits) it(`${kind}: ${text}`, () => expectKind(text, kind));
    const lookalikes = [
      'voy a colgar el telefono',
      'te voy a colgar si sigues asi',
      'me voy a colgar la mochila',
      'la pagina se va a colgar otra vez',
      'back pain that radiates down my leg',
      'heartburn after dinner that goes up to my throat',
      'Had chest pain last year that went to my arm, is it normal?',
      'my heart goes out to you',
      'me duele la espalda y se me corre a la pierna',
      'I am 10 weeks pregnant and have a fever',
      'my son had a fever 2 weeks ago, now fine',
      'baby 10 months has a fever of 101',
      'tengo 10 semanas de embarazo y fiebre',
      'the bleeding stopped after 20 minutes of pressure',
      'le sangro la nariz ayer pero ya se paro solo',
      'I\'m on xarelto, do I need a blood test before my appointment? I get dizzy sometimes',
      'compre destapacanos en la tienda, cual es mejor?',
      'Drano didn\'t unclog the sink, what now?',
      'estoy tomando acido folico para el embarazo',
      'se corta el pelo ella sola',
      'mi hija se corta las unas sola',
      'she cuts her hair herself',
      'my daughter burned herself on the stove while cooking',
      'blood everywhere he cut his leg with a chainsaw',
    ];
    for (const text of lookalikes) {
      it(`not crisis/poison/medical by the new rules: ${text}`, () => {
        const m = detect(text);
        assert.ok(!m || !/(hang\.clitic|chest\.radiating|chest\.severity|infant\.fever\.age|bleeding\.wont\.stop|bleeding\.thinner|self\.harm\.other)$/.test(m.rule), `false alarm (${m?.rule}) on: ${text}`);
        if (/destapa|drano|acido folico/i.test(text)) assert.equal(m, null, `false alarm (${m?.rule}) on: ${text}`);
      });
    }
  });

  describe('lexicon files are validated', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lexicon-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const withRule = (rule: Record<string, unknown>): string => {
      const raw = JSON.parse(fs.readFileSync(lexiconFile('en'), 'utf8')) as { rules: unknown[] };
      raw.rules = [rule];
      const file = path.join(dir, 'en.json');
      fs.writeFileSync(file, JSON.stringify(raw));
      return file;
    };

    it('names the file and the rule for a broken pattern', () => {
      const file = withRule({ id: 'en.medical.broken', kind: 'medical', strength: 'strong', pattern: '(unclosed' });
      assert.throws(() => loadLexicon('en', file), (err: unknown) => err instanceof NluDataError && /en\.json/.test(err.message) && /en\.medical\.broken/.test(err.message) && /invalid pattern/.test(err.message));
    });
    it('rejects an unknown macro and a wrong kind prefix', () => {
      assert.throws(() => loadLexicon('en', withRule({ id: 'en.medical.x', kind: 'medical', strength: 'strong', pattern: '{NOPE}' })), /unknown macro \{NOPE\}/);
      assert.throws(() => loadLexicon('en', withRule({ id: 'en.poison.x', kind: 'medical', strength: 'strong', pattern: 'x' })), /must start with "en\.medical\."/);
    });
    it('rejects a missing field with its path', () => {
      assert.throws(() => loadLexicon('en', withRule({ id: 'en.medical.x', kind: 'medical', pattern: 'x' })), /rules\.0\.strength/);
    });
    it('rejects invalid JSON naming the file', () => {
      const file = path.join(dir, 'en.json');
      fs.writeFileSync(file, '{ not json');
      assert.throws(() => loadLexicon('en', file), /en\.json: not valid JSON/);
    });
  });
});
