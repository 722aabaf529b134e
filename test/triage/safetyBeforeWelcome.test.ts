import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { MemberChat } from '../support/identity';
import { catalog } from '../dialogs/support';

const PLAN = { planName: 'Evergreen Health' };
const TEAMS_GUEST = { id: '29:guest', aadObjectId: '00000000-0000-4000-8000-0000000000aa' };

/**
 * Newcomer run v9b, SK05 on SMS: the first message was a symptom, and the welcome text came before
 * the nurse line. A first message with a safety outcome gets its answer first, without the welcome
 * (SMS, and Web Chat or Teams when no join came before it). Real triage and recognizer.
 */
describe('a first message with a safety outcome: its answer first, no welcome before it (SK05)', function () {
  this.timeout(120_000);

  const cases = [
    { channelId: 'sms', locale: 'en' as const, say: 'ive had a really bad headache for 3 days and now my vision is blurry', answer: /nurse advice line at 1-800-555-0111/ },
    { channelId: 'sms', locale: 'es' as const, say: 'me duele mucho la cabeza desde hace 3 dias y veo borroso', answer: /línea de consejos de enfermería al 1-800-555-0111/ },
    { channelId: 'webchat', locale: 'en' as const, say: 'ive had a really bad headache for 3 days and now my vision is blurry', answer: /nurse advice line at 1-800-555-0111/ },
    { channelId: 'msteams', locale: 'es' as const, say: 'me duele mucho la cabeza desde hace 3 dias y veo borroso', answer: /línea de consejos de enfermería al 1-800-555-0111/ },
  ];

  for (const c of cases) {
    it(`${c.channelId} ${c.locale}: the nurse line is the first reply, and no welcome in the turn`, async () => {
      const chat = new MemberChat({
        channelId: c.channelId,
        ...(c.channelId === 'sms' ? {} : { locale: c.locale === 'es' ? 'es-US' : 'en-US' }),
        ...(c.channelId === 'msteams' ? { from: TEAMS_GUEST } : {}),
        overrides: { understanding: undefined, emergencyCheck: undefined },
      });
      const replies = await chat.say(c.say);
      assert.match(textOf([replies[0]!]), c.answer, textOf(replies));
      const welcome = [catalog.text(c.locale, 'smsText.welcome.intro', PLAN).slice(0, 30), catalog.text(c.locale, 'welcome.intro', PLAN).slice(0, 30)];
      for (const w of welcome) assert.ok(!textOf(replies).includes(w), textOf(replies));
    });
  }

  it('sms: a first message with no safety outcome still gets the welcome', async () => {
    const chat = new MemberChat({ channelId: 'sms', overrides: { understanding: undefined, emergencyCheck: undefined } });
    const text = textOf(await chat.say('i need to book an appointment'));
    assert.ok(text.includes(catalog.text('en', 'smsText.welcome.intro', PLAN).slice(0, 30)), text);
  });
});
