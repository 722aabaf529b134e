import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { choicesOf, textOf } from '../support/chat';
import { ALEX, codeIn, MemberChat } from '../support/identity';
import { catalog } from './support';

/**
 * Typed picks from the lists the bot shows (open times, the member's visits, menus): a place in
 * the list, a time, a detail of one item, a digit; several that fit are asked about with only
 * those; an answer that names nothing gets the list again, never a silent end (newcomer run v4:
 * TB01, TB15, SB02, SB14, WA02, WA22, WA23).
 */

const ES = { locale: 'es-US' };

async function teams(locale?: string): Promise<MemberChat> {
  const chat = new MemberChat({ channelId: 'msteams', from: { id: '29:alex', aadObjectId: ALEX.teams }, ...(locale ? { locale } : {}) });
  await chat.open();
  return chat;
}

async function web(locale?: string): Promise<MemberChat> {
  const chat = new MemberChat({ channelId: 'webchat', ...(locale ? { locale } : {}) });
  await chat.open();
  await chat.signIn(ALEX.memberId);
  return chat;
}

async function sms(): Promise<MemberChat> {
  const chat = new MemberChat({ channelId: 'sms', from: { id: ALEX.phone } });
  await chat.open();
  return chat;
}

/** Books up to the open times: new visit, for the member, primary care in person, at `when`. */
async function openTimes(chat: MemberChat, es: boolean, when: string): Promise<Partial<Activity>[]> {
  await chat.say(es ? 'Citas' : 'Appointments');
  await chat.say(es ? 'Nueva cita' : 'New appointment');
  await chat.say(es ? 'Para mí' : 'Myself');
  await chat.say(es ? 'Atención primaria' : 'Primary care');
  await chat.say(es ? 'En persona' : 'In person');
  return chat.say(when);
}

const BOOK_EN = /Book an in-person visit on (Mon, Jun 9, [^?]*)\?/;
const BOOK_ES = /¿Reservar una consulta en persona el (lun, 9 de jun, [^?]*)\?/;

describe('typed picks from a list', function () {
  this.timeout(60_000);

  describe('open times, Teams', () => {
    it('English: a place in the list, the last one, a time with a name', async () => {
      for (const [said, expected] of [
        ['the third one', /10:30 AM with Dr\. Maya Chen/],
        ['2nd please', /9:00 AM with Dr\. Omar Haddad/],
        ['#5', /2:00 PM with Dr\. Maya Chen/],
        ['i guess the last one', /2:00 PM with Dr\. Maya Chen/],
        ["I'll take 10:30 with Haddad", /10:30 AM with Dr\. Omar Haddad/],
        ['the 2 pm slot', /2:00 PM with Dr\. Maya Chen/],
      ] as const) {
        const chat = await teams();
        await openTimes(chat, false, 'next monday');
        const confirm = await chat.say(said);
        assert.match(textOf(confirm), BOOK_EN, `${said}: ${textOf(confirm)}`);
        assert.match(textOf(confirm), expected, said);
      }
    });

    it('English: a time two items share asks which, showing only those; a name then picks', async () => {
      const chat = await teams();
      await openTimes(chat, false, 'next monday');
      const which = await chat.say('the one at 9 am');
      assert.ok(textOf(which).includes(catalog.text('en', 'common.pickWhich')), textOf(which));
      assert.deepEqual(choicesOf(which).filter((c) => c !== 'None of these'), ['Mon, Jun 9, 9:00 AM · Dr. Maya Chen (in-person visit)', 'Mon, Jun 9, 9:00 AM · Dr. Omar Haddad (in-person visit)']);
      assert.match(textOf(await chat.say('dr haddad')), /Book an in-person visit on Mon, Jun 9, 9:00 AM with Dr\. Omar Haddad\?/);
    });

    it('Spanish: "la segunda", "la última", "la de las 10:30 con Haddad"', async () => {
      for (const [said, expected] of [
        ['la segunda', /9:00 a\.\s?m\. con Dr\. Omar Haddad/],
        ['mejor la última', /2:00 p\.\s?m\. con Dr\. Maya Chen/],
        ['la de las 10:30 con Haddad', /10:30 a\.\s?m\. con Dr\. Omar Haddad/],
        ['la de las dos de la tarde', /2:00 p\.\s?m\. con Dr\. Maya Chen/],
      ] as const) {
        const chat = await teams(ES.locale);
        await openTimes(chat, true, 'el próximo lunes');
        const confirm = await chat.say(said);
        assert.match(textOf(confirm), BOOK_ES, `${said}: ${textOf(confirm)}`);
        assert.match(textOf(confirm), expected, said);
      }
    });
  });

  describe('the member\'s own visits', () => {
    it('SMS: "the 2nd one" at the list of visits to cancel', async () => {
      const chat = await sms();
      await chat.say('cancel my appointment');
      const code = codeIn(await chat.say('1'))!;
      const list = await chat.say(code);
      assert.match(textOf(list), /1\. Tue, Jun 10/, textOf(list));
      assert.match(textOf(await chat.say('the 2nd one')), /Cancel the in-person visit on Tue, Jun 17/);
    });

    it('Web Chat: "the video one" and "the one next week" name one visit', async () => {
      for (const said of ['the video one', 'the one next week']) {
        const chat = await web();
        await chat.say('Appointments');
        await chat.say('Cancel an appointment');
        await chat.say('Myself');
        assert.match(textOf(await chat.say(said)), /Cancel the video visit on Tue, Jun 10/, said);
      }
    });

    it('Web Chat, Spanish: "la del laboratorio" and "la primera"', async () => {
      for (const [said, expected] of [
        ['la del laboratorio', /17 de jun/],
        ['la primera', /10 de jun/],
      ] as const) {
        const chat = await web(ES.locale);
        await chat.say('Citas');
        await chat.say('Cancelar una cita');
        await chat.say('Para mí');
        const confirm = await chat.say(said);
        assert.match(textOf(confirm), /¿Cancelar la consulta/, `${said}: ${textOf(confirm)}`);
        assert.match(textOf(confirm), expected, said);
      }
    });
  });

  describe('menus', () => {
    it('Teams: "the second one" at the kind of care is Specialist', async () => {
      const chat = await teams();
      await chat.say('Appointments');
      await chat.say('New appointment');
      await chat.say('Myself');
      const next = await chat.say('the second one');
      assert.ok(textOf(next).includes(catalog.text('en', 'appointment.ask.mode')), textOf(next));
    });
  });

  describe('an answer that names no item', () => {
    it('Web Chat: the list again with a way out, not "nothing booked"; then a pick works', async () => {
      const chat = await web();
      await openTimes(chat, false, 'next monday');
      const again = await chat.say('hmm none of those times ring a bell, what else');
      assert.ok(textOf(again).includes(catalog.text('en', 'common.pickRetry')), textOf(again));
      assert.doesNotMatch(textOf(again), new RegExp(catalog.text('en', 'appointment.live.notBooked')));
      assert.ok(choicesOf(again).includes('Something else') && choicesOf(again).some((c) => c.startsWith('Mon, Jun 9')), choicesOf(again).join(' | '));
      assert.match(textOf(await chat.say('ok the 10:30 one with chen')), /Book an in-person visit on Mon, Jun 9, 10:30 AM with Dr\. Maya Chen\?/);
    });

    it('Web Chat, Spanish: the list again, then a second miss says why nothing was booked', async () => {
      const chat = await web(ES.locale);
      await openTimes(chat, true, 'el próximo lunes');
      const again = await chat.say('no sé, tal vez otra');
      assert.ok(textOf(again).includes(catalog.text('es', 'common.pickRetry')), textOf(again));
      assert.doesNotMatch(textOf(again), new RegExp(catalog.text('es', 'appointment.live.notBooked')));
      const stuck = await chat.say('no sé, ninguna es para mí');
      assert.ok(textOf(stuck).includes(catalog.text('es', 'appointment.live.pickStuckBook')), textOf(stuck));
    });
  });
});
