import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { hasNot, say } from './replyChecks';

/**
 * Newcomer run v17, through the whole bot with the real recognizer and safety triage (the run's
 * sentences and others with the same meaning): a short follow-up with no symptom words, inside a
 * task's context, is read on that task, never as a symptom (the nurse line, an e-visit, a same-day visit).
 * - W03: inside a pending refill, "es la metformina" names WHICH prescription: the refill answer.
 * - X06: right after the insurance-update answer, "can I do it from my phone? or do I need a
 *   computer for the photo" is asked about HOW to do that task: the app or the mobile site.
 * A real symptom about the medicine ("the metformin makes me dizzy") keeps the nurse line.
 */

type Channel = 'webchat' | 'msteams' | 'sms';
type Case = { channel: Channel; locale: 'en' | 'es'; before: string[]; then: string; expect: RegExp };

const NURSE = '1-800-555-0111';

const PENDING_ES = ['hola mi receta sigue pendiente desde el lunes', 'porque tarda tanto?'];
const PENDING_EN = ['hi my refill is still pending since monday', 'why is it taking so long?'];
const INSURANCE_ES = ['tengo seguro nuevo del trabajo como lo actualizo'];
const INSURANCE_EN = ['i got new insurance through work how do i update it'];

/** W03: the medicine named as a short follow-up inside a refill topic names the prescription. */
const MEDICINE_NAMED: Case[] = [
  { channel: 'webchat', locale: 'es', before: PENDING_ES, then: 'es la metformina', expect: /1-800-555-0122|recetas/i },
  { channel: 'msteams', locale: 'es', before: PENDING_ES, then: 'se trata de mi lisinopril', expect: /1-800-555-0122|recetas/i },
  { channel: 'sms', locale: 'es', before: PENDING_ES.slice(0, 1), then: 'la del atorvastatin', expect: /1-800-555-0122|recetas/i },
  { channel: 'webchat', locale: 'en', before: PENDING_EN, then: 'its the metformin', expect: /1-800-555-0122|prescriptions/i },
  { channel: 'sms', locale: 'en', before: PENDING_EN.slice(0, 1), then: 'the one for my lisinopril', expect: /1-800-555-0122|prescriptions/i },
];

/** X06: how to do the task just answered (from the phone, a computer, a photo of the card). */
const HOW_TO_DO_IT: Case[] = [
  // The newcomer's clarified question, right after the device answer: never the first answer again.
  { channel: 'sms', locale: 'es', before: [...INSURANCE_ES, 'y se puede desde el cel?'], then: 'pregunto si puedo subir la foto de la tarjeta del seguro desde el celular', expect: /Lamento|persona|1-800-555-0100/ },
  { channel: 'sms', locale: 'es', before: INSURANCE_ES, then: 'y se puede desde el cel? o tengo que usar compu para la foto', expect: /desde el celular.*tarjeta/is },
  { channel: 'webchat', locale: 'es', before: INSURANCE_ES, then: 'puedo hacerlo con el telefono o necesito una computadora?', expect: /desde el celular.*tarjeta/is },
  { channel: 'msteams', locale: 'es', before: INSURANCE_ES, then: 'pregunto si puedo subir la foto de la tarjeta del seguro desde el celular', expect: /desde el celular.*tarjeta/is },
  { channel: 'sms', locale: 'en', before: INSURANCE_EN, then: 'can i do that from my phone or do i need a computer for the picture', expect: /from your phone.*card/is },
  { channel: 'webchat', locale: 'en', before: INSURANCE_EN, then: 'can i upload a photo of the card with my cell?', expect: /from your phone.*card/is },
];

/** A real symptom about the medicine or with the task keeps the nurse line. */
const SYMPTOM_AFTER: { channel: Channel; locale: 'en' | 'es'; before: string[]; then: string }[] = [
  { channel: 'webchat', locale: 'en', before: PENDING_EN, then: 'the metformin makes me dizzy' },
  { channel: 'webchat', locale: 'es', before: PENDING_ES, then: 'me duele el estomago desde que la tomo' },
  { channel: 'sms', locale: 'es', before: PENDING_ES.slice(0, 1), then: 'es la metformina, me da mareo y vomito' },
  { channel: 'sms', locale: 'en', before: INSURANCE_EN, then: 'also my phone screen cut my finger and it wont stop bleeding' },
  { channel: 'webchat', locale: 'es', before: INSURANCE_ES, then: 'se puede desde el cel? es que me duele mucho la mano' },
];

describe('v18: a short follow-up inside a task is read on that task, never as a symptom (W03, X06)', function () {
  this.timeout(120_000);

  const run = async (c: { channel: Channel; locale: 'en' | 'es'; before: string[]; then: string }) => {
    const chat = await realChat(c.channel, { locale: c.locale });
    for (const said of c.before) await say(chat, c.channel, said);
    return say(chat, c.channel, c.then);
  };
  const full = (replies: Awaited<ReturnType<typeof run>>) => `${textOf(replies)}\n${JSON.stringify(replies.flatMap((r) => r.attachments ?? []))}`;

  for (const c of [...MEDICINE_NAMED, ...HOW_TO_DO_IT]) {
    it(`${c.channel} ${c.locale}: "${c.then}" after "${c.before.at(-1)}" is answered on that task`, async () => {
      const replies = await run(c);
      hasNot(c.locale, replies, 'symptoms.answer');
      const text = full(replies);
      assert.ok(!text.includes(NURSE), `the nurse line, got:\n${text}`);
      assert.match(text, c.expect);
    });
  }

  for (const c of SYMPTOM_AFTER) {
    it(`${c.channel} ${c.locale}: "${c.then}" keeps its safety answer`, async () => {
      const text = textOf(await run(c));
      assert.ok(text.includes(NURSE) || text.includes('911'), `expected the safety answer, got:\n${text}`);
    });
  }
});
