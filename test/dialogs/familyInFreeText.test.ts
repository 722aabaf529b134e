import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { choicesOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat, signedInChat } from './memberWords';

/** Every link the replies carry (card buttons, or URLs in the text). */
function links(replies: Partial<Activity>[]): string[] {
  return replies.flatMap((a) => JSON.stringify([a.attachments ?? [], a.text ?? '']).match(/https:\/\/[^"\s\\]+/g) ?? []);
}

/**
 * A family member named in free text (newcomer run v6, WG11: "my daughter ... shes 6" got a
 * same-day visit link for the member themself): the visit offered is not set to the member, one
 * line says to choose that person on the page, and booking it next does not ask who it is for.
 * Real recognizer and triage, on Web Chat.
 */
describe('a family member named in free text is carried (newcomer run v6)', function () {
  this.timeout(60_000);

  for (const [locale, sick, next, who] of [
    ['en', 'my son has had a fever since last night and a bad cough, he is 4', 'can he be seen today', /your child/],
    ['es', 'mi hijo tiene fiebre desde anoche y tos, tiene 4 años', 'lo pueden ver hoy?', /su hijo o hija/],
    ['en', 'my husband has a rash on his arm and it itches a lot', 'ok get him in then', /your family member/],
    ['es', 'mi mama tiene dolor de garganta y fiebre', 'quiero hacerle una cita', /su familiar/],
  ] as const) {
    it(`Web Chat, ${locale}: "${sick}" offers the visit for that person, and booking it does not ask who it is for`, async () => {
      const chat = await realChat('webchat', { locale });
      const replies = await chat.say(sick);
      const text = textOf(replies);
      assert.match(text, /1-800-555-0111/);
      assert.match(text, who);
      const visit = links(replies).find((l) => l.includes('/appointments/book'));
      assert.ok(visit, text);
      assert.doesNotMatch(visit, /for=self/);
      const after = textOf(await chat.say(next));
      assert.doesNotMatch(after, /Who is the appointment for\?|¿Para quién es la cita\?/);
      // An illness now is an urgent / same-day visit (newcomer run v11, XP01): the kind of care is not asked either.
      assert.doesNotMatch(after, /What kind of care do you need\?|¿Qué tipo de atención necesita\?/);
      assert.match(after, /How would you like to be seen\?|¿Cómo prefiere que le atiendan\?|When would you prefer\?|¿Cuándo prefiere\?/);
    });
  }

  it('Web Chat, signed in: the child named with a symptom is the one on the account the visit is booked for', async () => {
    const chat = await signedInChat(ALEX.memberId);
    await chat.say('my boy threw up twice this morning and has a temperature');
    assert.doesNotMatch(textOf(await chat.say('could we come in tomorrow')), /Who is the appointment for\?/);
    await chat.say('primary care');
    const times = await chat.say('in person');
    const confirm = textOf(await chat.say(choicesOf(times)[0]!));
    assert.match(confirm, /for Sam\?/);
  });

  it('Web Chat, English: a symptom of the member themself keeps the visit for them', async () => {
    const chat = await realChat('webchat');
    const replies = await chat.say('i have had a fever and a bad cough since yesterday');
    assert.ok(links(replies).some((l) => l.includes('for=self')));
    assert.doesNotMatch(textOf(replies), /your child|your family member/);
  });
});
