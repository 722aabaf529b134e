import crypto from 'node:crypto';
import assert from 'node:assert/strict';
import { trainingLines, unseenRows } from '../../scripts/eval-triage';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { ConceptMatcher, conceptsSchema, loadConcepts } from '../../intents/triage/concepts';
import { loadTriageCorpus } from '../../intents/triage/corpus';
import { LastTextTriage } from '../../intents/triage/memo';
import { buildSafetyTriage, type SafetyTriage } from '../../intents/triage/safetyTriage';
import { labelOfFile } from '../../intents/triage/labels';
import { normalizeChars } from '../../intents/text/normalize';
import type { TriageCheck, TriageResult } from '../../intents/types';
import { sharedDetector } from './support/fixtures';
import { fromRoot } from '../../common/paths';
import { isIntentOnly, loadTrainingSet } from '../../intents/training-data';

let shared: SafetyTriage | undefined;
/** The triage as `npm run build` wrote it (or trained now when the file is missing or stale). */
function triage(): SafetyTriage {
  shared ??= buildSafetyTriage(sharedDetector()).triage;
  return shared;
}
const outcome = (r: TriageResult): string => (r.match ? `${r.match.intent}${r.match.kind ? `:${r.match.kind}` : ''}` : r.safety ? `safety:${r.safety.level}` : 'none');

describe('safety triage (intents/triage)', function () {
  this.timeout(60_000);

  describe('the statements of Miner et al. (JAMA Intern Med 2016) and the cases of issue 19', () => {
    const cases: Array<[string, string]> = [
      ['I was raped', 'abuse:sexual'],
      ['I am being abused', 'abuse:dv'],
      ['I was beaten up by my husband', 'abuse:dv'],
      ['I am depressed', 'mental_health'],
      ['I want to commit suicide', 'emergency:crisis'],
      ['I am having a heart attack', 'emergency:medical'],
      ['my head hurts', 'symptoms'],
      ['my foot hurts', 'symptoms'],
      ['my chest hurts and my arm is numb', 'emergency:medical'],
      ['my chest really hurts', 'emergency:medical'],
      ['I want to talk to a therapist', 'mental_health'],
      ['i just want to sleep and never wake up', 'emergency:crisis'],
      ['my son swallowed bleach', 'emergency:poison'],
      ['what are the signs of a stroke?', 'symptoms'],
      ['me violaron', 'abuse:sexual'],
      ['estoy deprimida', 'mental_health'],
      ['me duele mucho el pecho y no puedo respirar', 'emergency:medical'],
    ];
    for (const [text, expected] of cases) {
      it(`${text} → ${expected}`, () => assert.equal(outcome(triage().triage(text)), expected));
    }
  });

  describe('what it must not take for an outcome', () => {
    const cases = [
      'hi',
      'myself',
      'my son',
      'goodbye!',
      'Why would I be charged a fee for card payment?',
      'this traffic is killing me',
      'me muero de risa',
      'in person',
      'tomorrow at 3',
      'me podrian renovar la receta de mi levotiroxina tambien',
      'whats the soonest i could get in with a dermatologist',
      'thursday would work better for me',
      'el martes a las 4 pm me queda mejor',
    ];
    for (const text of cases) {
      it(`"${text}" is no outcome`, () => assert.equal(triage().triage(text).match, null, outcome(triage().triage(text))));
    }
    it('the bill for an ER visit is at most a signal, never an emergency', () => {
      assert.notEqual(triage().triage('the bill for my ER visit').match?.intent, 'emergency');
    });
  });

  describe('a denial of suicidal thoughts is mental health (with 988), never the crisis script (intents/triage/denial.ts)', () => {
    for (const text of ['no im not thinking of hurting myself', "I'm not suicidal", 'no, no estoy pensando en matarme', 'nunca me haría daño', 'nah not suicidal, just wiped out from my shift', 'no me voy a hacer daño, era pura curiosidad', 'todo bien, no estoy en peligro', "i'm ok, not thinking about harming myself", 'lol no im not dying']) {
      it(`"${text}" → mental_health, its rule names the denial`, () => {
        const r = triage().triage(text);
        assert.equal(outcome(r), 'mental_health');
        assert.match(r.match!.rule, /^denial:(en|es)\./);
      });
    }
    it('a denial that names the body is a health worry: symptoms (the nurse line), with a task a signal leaning there (v11 XP14)', () => {
      assert.equal(outcome(triage().triage('im not suicidal, my eye is blurry')), 'symptoms');
      for (const text of ['im not suicidal. can i book something today for my eye or not', 'no me quiero matar, puedo hacer una cita hoy para mi ojo?']) {
        const r = triage().triage(text);
        assert.equal(r.match, null, text);
        assert.equal(r.safety?.leaning?.intent, 'symptoms', text);
      }
    });
    it('a task in the same message goes on: a signal leaning to mental health, no outcome', () => {
      const r = triage().triage('I would never hurt myself, I just need my refill');
      assert.equal(r.match, null);
      assert.equal(r.safety?.level, 'signal');
      assert.equal(r.safety?.leaning?.intent, 'mental_health');
    });
    for (const text of [
      "I'm not suicidal but I wish I could disappear",
      'no me voy a matar pero ya no aguanto',
      'im not going to kill myself. i have pills saved up and wrote the letters',
      'i would hurt myself if i could',
      'not sure im not thinking of killing myself',
      'estoy a salvo pero ya no quiero vivir',
      'im not dying im going to kill myself tonight',
    ]) {
      it(`a contrast, a sign elsewhere or no negation stays a crisis: "${text}"`, () => assert.equal(outcome(triage().triage(text)), 'emergency:crisis'));
    }
  });

  describe('a chat-ending "done" is a goodbye, not hopelessness (intents/triage/closing.ts)', () => {
    for (const text of ["I'm all done here, goodbye", "ok i'm done", "that's all i'm done", 'im done for today thanks', "i'm done, thanks!", 'ya terminé, gracias']) {
      it(`"${text}" is no outcome and no safety line`, () => {
        const r = triage().triage(text);
        assert.equal(r.match, null, outcome(r));
        assert.equal(r.safety, null, outcome(r));
      });
    }
    for (const text of ["I'm done with everything", "I'm done with life", "I'm so done, I can't anymore", "i'm done", "ok i'm done. i can't do this anymore", 'ya terminé con todo, no puedo más']) {
      it(`"${text}" stays a crisis`, () => assert.equal(outcome(triage().triage(text)), 'emergency:crisis'));
    }
  });

  describe('feeling better, "why cant you do it" and "ill" for "I\'ll" are no sign (intents/triage/harmless.ts)', () => {
    for (const text of ['why cant you just do it', "why can't you do that for me", 'ok ill call. thanks', "ok, ill call them tomorrow", 'ill do it later', 'mejor cancélala, ya se siente bien', 'ya se siente mejor', 'ya me siento mejor, gracias', 'my son is feeling better so cancel it', 'she feels much better now', 'por qué no lo puedes hacer tú']) {
      it(`"${text}" is no outcome and no safety line`, () => {
        const r = triage().triage(text);
        assert.equal(r.match, null, outcome(r));
        assert.equal(r.safety, null, outcome(r));
      });
    }
    for (const [text, expected] of [
      ['i feel ill', 'symptoms'],
      ['ill call 911 my chest hurts', 'emergency:medical'],
      ["they'd be better off without me", 'emergency:crisis'],
      ['me siento mejor pero no quiero vivir', 'emergency:crisis'],
      ['why cant you just let me die', 'emergency:crisis'],
    ] as const) {
      it(`"${text}" stays ${expected}`, () => assert.equal(outcome(triage().triage(text)), expected));
    }
    it('"so ill, ill call the nurse" keeps the sign of the first "ill"', () => assert.notEqual(outcome(triage().triage('im so ill. ill call the nurse')), 'none'));
  });

  describe('pressing a key and "by accident" are no emergency (harmless.json; newcomer run v17 X07)', () => {
    for (const text of ['sorry hit stop by accident. so does stop turn off my appt reminders too??', 'I accidentally hit send before I finished', 'oops i hit the wrong button, i wanted billing', 'what?? theres no emergency. i mean will i still get appointment reminder texts', 'no es emergencia, solo quiero saber de mi cita']) {
      it(`"${text}" is no emergency`, () => assert.notEqual(outcome(triage().triage(text)).split(':')[0], 'emergency'));
    }
    for (const text of ['mejor cancelala, ya no puedo ir', 'cancela la cita, no voy a poder ir mañana', 'cancel it, i cant make it tomorrow']) {
      it(`"${text}" is a cancel with no safety line (newcomer run v17 W12)`, () => {
        const r = triage().triage(text);
        assert.equal(r.match, null, outcome(r));
        assert.equal(r.safety, null, outcome(r));
      });
    }
    for (const [text, expected] of [
      ['he hit me again last night', 'abuse:dv'],
      ['my son was hit by a car', 'emergency:medical'],
      ['i hit my head by accident and now im throwing up', 'emergency:medical'],
      ['its not an emergency but i took 30 pills', 'emergency:poison'],
      ['no one is hurt but my husband says he will kill himself tonight', 'emergency:crisis'],
      ['mejor cancelala, ya no puedo más', 'emergency:crisis'],
    ] as const) {
      it(`"${text}" stays ${expected}`, () => assert.equal(outcome(triage().triage(text)), expected));
    }
  });

  describe('preparations and goodbyes with no word of death carry the crisis concepts, so they are never nothing', () => {
    for (const text of ['got all my affairs in order this week, the cat goes to my sister', 'you wont hear from me again after tonight', 'looking up the easiest way out of all this', 'ya puse mis asuntos en orden, no se preocupen', 'despues de hoy nadie va a saber mas de mi']) {
      it(`"${text}" → a farewell or hopelessness concept, and the crisis answer or the safety net`, () => {
        const r = triage().triage(text);
        assert.ok(r.concepts?.some((c) => c === 'farewell' || c === 'hopeless'), `concepts: ${r.concepts?.join(',')}`);
        assert.ok(outcome(r) === 'emergency:crisis' || r.safety?.level === 'unsure', outcome(r));
      });
    }
  });

  describe('a medical emergency the model also reads as an exposure or as distress carries that line too (alsoKind)', () => {
    it('breathing trouble the member puts down to panic: medical, and 988 after 911', () => {
      const r = triage().triage('so anxious before my exam that i cant breathe, my heart is racing');
      assert.equal(outcome(r), 'emergency:medical');
      assert.equal(r.match?.alsoKind, 'crisis');
    });
    it('fumes breathed in with a tight chest: medical, and Poison Control after 911', () => {
      const r = triage().triage('breathed in a lot of oven cleaner fumes and now my chest hurts');
      assert.equal(outcome(r), 'emergency:medical');
      assert.equal(r.match?.alsoKind, 'poison');
    });
    it('a threat to kill when he gets home: medical (911), and the domestic-violence hotline', () => {
      const r = triage().triage('he says he is going to kill me when he gets home');
      assert.equal(outcome(r), 'emergency:medical');
      assert.equal(r.match?.alsoKind, 'dv');
    });
    it('a collapse witnessed in fear has no second line', () => {
      const r = triage().triage("my husband collapsed and he's not breathing, I'm so scared");
      assert.equal(outcome(r), 'emergency:medical');
      assert.equal(r.match?.alsoKind, undefined);
    });
  });

  describe('an overdose the poisoning rules catch but the model reads as a crisis is a crisis', () => {
    it('pills swallowed to make it stop: crisis, with 911 and Poison Control first (alsoKind poison)', () => {
      const r = triage().triage('i swallowed a whole bottle of my sleeping pills so it would all stop');
      assert.equal(outcome(r), 'emergency:crisis');
      assert.equal(r.match?.alsoKind, 'poison');
      assert.match(r.match!.rule, /\+model:crisis$/);
    });
    it('pills about to be taken: crisis, with no "you have taken something" line', () => {
      const r = triage().triage('tonight i am going to take every pill in the house');
      assert.equal(outcome(r), 'emergency:crisis');
      assert.equal(r.match?.alsoKind, undefined);
    });
    for (const text of ['I accidentally took my blood pressure pills twice today', 'my toddler got into the vitamins and ate a bunch', 'me tomé doble dosis sin querer']) {
      it(`an accident stays poisoning: "${text}"`, () => assert.equal(outcome(triage().triage(text)), 'emergency:poison'));
    }
  });

  describe('a child seen hurt by a witness or a teacher is child abuse; a caregiver\'s errand, a lockout and pills run out are not a disclosure', () => {
    for (const [text, expected] of [
      ['I saw a woman at the store slapping her little boy over and over', 'abuse:child'],
      ['mi vecina le da cintarazos a su hijo todos los dias, los oigo', 'abuse:child'],
      ['a kid on my soccer team keeps showing up with bruises and says he fell again', 'abuse:child'],
      ['soy maestro y una alumna viene seguido con moretones, no quiere decir como', 'abuse:child'],
      ['the app logs me out and then it won\'t let me back in to see my results', 'not-abuse'],
      ['how do I get into my grandma\'s portal account? I\'m her caregiver', 'not-abuse'],
      ['soy su cuidadora, como entro a la cuenta de mi mama?', 'not-abuse'],
      ['ya se me acabaron las pastillas de la presion, me pueden resurtir?', 'not-crisis'],
      ['my husband changed my password and he won\'t let me leave the house', 'abuse:dv'],
      ['I\'m his caregiver and his daughter yells at him and shoves him', 'abuse:elder'],
      ['se me acabaron las pastillas y las ganas de vivir', 'emergency:crisis'],
      ['my son hit a kid at recess, can we see the counselor?', 'not-abuse:child'],
    ] as const) {
      it(`${expected}: ${text}`, () => {
        const got = outcome(triage().triage(text));
        const abuse = triage().triage(text).safety?.abuseKind;
        if (expected === 'not-abuse') assert.ok(!got.startsWith('abuse') && !abuse, `${got} ${abuse ?? ''}`);
        else if (expected === 'not-crisis') assert.ok(got !== 'emergency:crisis', got);
        else if (expected === 'not-abuse:child') assert.notEqual(got, 'abuse:child');
        else assert.equal(got, expected);
      });
    }
  });

  describe('a partner named beside a child or an older adult the model is sure of does not make it domestic violence', () => {
    for (const [text, expected] of [
      ["my stepmom's boyfriend locks me in the basement when she's at work", 'abuse:child'],
      ["my dad's new wife moved into his house and took his checkbook, he's 88 and she won't let us see him", 'abuse:elder'],
      ['my boyfriend hits me', 'abuse:dv'],
      ['mi esposo me pega', 'abuse:dv'],
    ] as const) {
      it(`"${text}" → ${expected}`, () => assert.equal(outcome(triage().triage(text)), expected));
    }
  });

  describe('a vaccine or a check-up is a portal task, and a shot is an injury only when someone was shot', () => {
    for (const text of ['can i get a flu shot', 'necesito la vacuna del covid para mi hijo', 'when can my son get his well child checkup']) {
      it(`"${text}" carries the task concept and no injury`, () => {
        const concepts = triage().triage(text).concepts ?? [];
        assert.ok(concepts.includes('task'), concepts.join(','));
        assert.ok(!concepts.includes('injury'), concepts.join(','));
      });
    }
    it('"my neighbor was shot in the chest" is still a medical emergency', () => assert.equal(outcome(triage().triage('my neighbor was shot in the chest')), 'emergency:medical'));
  });

  it('a child who ate pills, which the model reads as no emergency at all, stays a poisoning (a crisis share of a tiny emergency probability is noise)', () => {
    assert.equal(outcome(triage().triage('estaba pidiendo refill pero mi nieto se acaba de comer unas pastillas de mi pastillero')), 'emergency:poison');
  });

  describe('self-harm said as cuts made or a shot to oneself, by the writer or of someone else, is the self-harm concept', () => {
    for (const text of ['me hice cortadas otra vez', 'mi esposo dice que se va a pegar un tiro', 'my dad said he would shoot himself']) {
      it(`"${text}" → self_harm`, () => assert.ok(triage().triage(text).concepts?.includes('self_harm'), JSON.stringify(triage().triage(text).concepts)));
    }
  });

  describe('an age the writer gives is the child or the older-adult concept', () => {
    for (const [text, concept] of [["my stepdad hits me when he's drunk, i'm 13", 'child'], ['tengo 84 y mi sobrino no me deja salir de mi cuarto', 'elder'], ["i'm 77 and my son takes my pension every month", 'elder']] as const) {
      it(`"${text}" → ${concept}`, () => assert.ok(triage().triage(text).concepts?.includes(concept)));
    }
  });

  it('a crisis line in a long message is found (each sentence is judged alone too)', () => {
    const filler = 'I logged in to check my statement and the page was slow. Then I looked at my appointments for next month. ';
    const text = `${filler.repeat(6)}Honestly I don't want to be alive anymore. Anyway the portal is fine.`;
    assert.equal(outcome(triage().triage(text)), 'emergency:crisis');
  });

  it('never throws and never names member words in its rule, for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = triage().triage(text);
        const rule = r.match?.rule ?? r.safety?.rule ?? '';
        for (const word of normalizeChars(text).split(' ').filter((w) => w.length >= 6)) {
          assert.ok(!rule.includes(word) || /^[a-z_.:+]+$/.test(rule), `rule ${rule} names "${word}"`);
        }
        if (r.match) assert.ok(r.match.score >= 0 && r.match.score <= 1);
      }),
      { numRuns: 300 },
    );
    for (const bad of ['', '   ', '\u0000', '🙂'.repeat(1000), 'a'.repeat(100_000)]) assert.doesNotThrow(() => triage().triage(bad));
    assert.deepEqual(triage().triage(undefined as unknown as string), { match: null, safety: null });
  });

  it('an answer names its rule: the lexicon rule, or the model and its strongest concept', () => {
    assert.match(triage().triage('I cannot breathe').match!.rule, /^en\.medical\./);
    assert.match(triage().triage('I am depressed').match!.rule, /^model:mental_health:(k|kk):/);
  });

  it('LastTextTriage runs the triage once for the same text, and each caller gets its own copy', () => {
    let calls = 0;
    const inner: TriageCheck = { triage: () => (calls++, { match: { intent: 'symptoms', kind: null, locale: 'en', score: 0.9, rule: 'r' }, safety: null }) };
    const memo = new LastTextTriage(inner);
    const a = memo.triage('x');
    a.match!.score = 0;
    assert.equal(memo.triage('x').match!.score, 0.9);
    memo.triage('y');
    assert.equal(calls, 2);
  });

  describe('data', () => {
    it('concepts match words, prefixes and phrases, in any language, and reject a bad entry by file and field', () => {
      const m = new ConceptMatcher({ signal: ['pain'], concepts: { pain: { what: 'p', en: ['hurt*', 'chest pain'], es: ['duele'] }, body: { what: 'b', en: ['arm'], es: [] } } });
      assert.deepEqual(m.find('my arm hurts so much'.split(' ')), ['body', 'pain']);
      assert.deepEqual(m.find('chest pain'.split(' ')), ['pain']);
      assert.deepEqual(m.find('me duele'.split(' ')), ['pain']);
      assert.deepEqual(m.find('a painting'.split(' ')), []);
      assert.equal(conceptsSchema.safeParse({ signal: [], concepts: { x: { what: 'x', en: ['Bad Word'], es: [] } } }).success, false);
      assert.throws(() => new ConceptMatcher({ signal: ['nope'], concepts: {} }), /unknown concept "nope"/);
    });

    it('every training file is a triage label, and every outcome has lines in both languages', () => {
      const corpus = loadTriageCorpus(loadConcepts());
      for (const label of ['medical', 'crisis', 'poison', 'dv', 'sexual', 'child', 'elder', 'mental_health', 'symptoms']) {
        for (const locale of ['en', 'es']) {
          const n = corpus.filter((e) => e.label === label && e.locale === locale && e.source.includes(`${path.sep}triage${path.sep}train`)).length;
          assert.ok(n >= 100, `${label}/${locale}: only ${n} lines`);
        }
      }
      assert.equal(labelOfFile('emergency.crisis.txt'), 'crisis');
      assert.equal(labelOfFile('other.mind.txt'), 'other');
      assert.equal(labelOfFile('emergency.nope.txt'), null);
    });

    it('reads the intent model\'s lines as other, but never an <intent>.intent-only.txt file', () => {
      const corpus = loadTriageCorpus(loadConcepts());
      const intentOnly = loadTrainingSet().filter(isIntentOnly);
      assert.ok(intentOnly.length >= 100, 'the intent-only files are read by the intent model');
      assert.ok(corpus.some((e) => e.source.includes(`${path.sep}train${path.sep}en${path.sep}thanks.txt:`)), 'the plain thanks lines are other');
      assert.equal(corpus.filter((e) => e.source.includes('.intent-only.txt:')).length, 0);
    });

    it('the frozen test sets are as they were frozen (intents/data/frozen/SHA256SUMS)', () => {
      const dir = fromRoot('intents', 'data', 'frozen');
      const sums = fs.readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8').trim().split('\n');
      assert.deepEqual(sums.map((l) => l.split(/\s+/)[1]).sort(), fs.readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort(), 'every frozen file is listed');
      for (const line of sums) {
        const [sum, file] = line.split(/\s+/);
        assert.equal(crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, file!))).digest('hex'), sum, `${file} was edited after it was frozen`);
      }
    });

    it('the evaluation reports each set again without the lines identical to a training line', () => {
      const training = trainingLines();
      const line = fs.readFileSync(fromRoot('intents', 'data', 'train', 'en', 'billing.txt'), 'utf8').split('\n').find((l) => l.trim() && !l.startsWith('#'))!;
      assert.ok(training.has(normalizeChars(line)));
      const rows = [{ text: `  ${line.toUpperCase()}!! ` }, { text: 'zq a line nobody ever wrote for training, about a kumquat invoice' }];
      assert.deepEqual(unseenRows(rows, training), [rows[1]]);
    });
  });

  it('a missing or stale model file is retrained and says why', function () {
    // Three trainings of the whole corpus (about 25 s each on a 2-core machine).
    this.timeout(240_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-'));
    try {
      const file = path.join(dir, 'triage-model.json');
      const first = buildSafetyTriage(sharedDetector(), file);
      assert.equal(first.origin, 'trained:missing');
      fs.writeFileSync(file, JSON.stringify({ ...first.model.file, dataHash: 'f'.repeat(64) }));
      assert.equal(buildSafetyTriage(sharedDetector(), file).origin, 'trained:stale');
      fs.writeFileSync(file, '{"format":"nope"}');
      assert.equal(buildSafetyTriage(sharedDetector(), file).origin, 'trained:invalid');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
