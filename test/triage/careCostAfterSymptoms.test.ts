import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { CHANNELS, chatOn } from './channelChat';
import { catalog } from '../dialogs/support';

/** The cost answer's first words ("Please don't let the cost stop you…"), before any number. */
const costLine = (locale: 'en' | 'es'): string => catalog.text(locale, 'symptoms.cost').split(':')[0]!;



/**
 * Newcomer run v9b, SK05: right after the nurse-line answer to a headache with blurry vision, "i
 * dont want to go to the ER its so expensive" opened the billing menu, and after the next symptom
 * the bot offered to "go on with Billing". A worry about what the ER, urgent care or an ambulance
 * costs, right after a symptoms answer, is a reason not to get care: it gets its answer (cost must
 * not stop you, emergency care is covered, the nurse line helps decide), on every channel, in both
 * languages. Real triage and recognizer; the sentences are not the run's.
 */
describe('after a symptoms answer, a worry about the cost of the ER (pipeline/careFollowUp.ts, SK05)', function () {
  this.timeout(120_000);

  const cases = [
    { locale: 'en' as const, symptom: 'my head has been pounding for days and things look blurry', worry: "i don't want to go to the ER, it costs way too much", next: 'my head still hurts a lot and i can barely see. can i get an appointment tomorrow' },
    { locale: 'es' as const, symptom: 'me duele mucho la cabeza desde hace 3 dias y veo borroso', worry: 'no quiero ir a urgencias, sale muy caro', next: 'me sigue doliendo mucho la cabeza y casi no veo. puedo sacar una cita para mañana' },
  ];

  for (const c of cases) {
    for (const channelId of CHANNELS) {
      it(`${channelId} ${c.locale}: the cost worry gets 911, the coverage and the nurse line; no billing menu, no "go on with Billing"`, async () => {
        const chat = chatOn(channelId, c.locale);
        await chat.say(c.symptom);
        const replies = await chat.say(c.worry);
        const text = textOf(replies);
        assert.ok(text.includes(costLine(c.locale)), text);
        assert.match(text, /911/);
        assert.match(text, /1-800-555-0111/);
        assert.ok(!text.includes(catalog.text(c.locale, 'billing.ask.topic')), text);
        assert.deepEqual(await chat.dialogStack(), []);
        const after = textOf(await chat.say(c.next));
        // The symptom said again keeps a safety line (the nurse line, or 988 where the model hears distress).
        assert.match(after, /1-800-555-01\d\d|911|988/);
        assert.ok(!after.includes(catalog.text(c.locale, 'billing.ask.topic')), after);
        assert.doesNotMatch(after, /Billing|Facturación/);
      });
    }
  }

  it('a cost question with no symptoms answer before it is still a billing question', async () => {
    const chat = chatOn('webchat', 'en');
    const text = textOf(await chat.say('how much does the emergency room cost with my plan'));
    assert.ok(!text.includes(costLine('en')), text);
  });

  it('after the symptoms answer, a new symptom is answered as one (not as a cost worry)', async () => {
    const chat = chatOn('webchat', 'en');
    await chat.say('my head has been pounding for days and things look blurry');
    const replies = await chat.say('now i have a fever too');
    assert.ok(!textOf(replies).includes(costLine('en')), textOf(replies));
  });
});
