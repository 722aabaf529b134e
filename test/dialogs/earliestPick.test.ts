import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';

/**
 * "The next one" at a list of visits or open times (newcomer run v8, TM03: "Sorry, I couldn't tell
 * which one you mean"): words for the earliest ("the next one", "the soonest", "la próxima", "la
 * más temprana") pick the item that starts first; "next week" still names the visit next week.
 * On Teams, signed in as Alex.
 */
async function teams(locale?: string): Promise<MemberChat> {
  const chat = new MemberChat({ channelId: 'msteams', from: { id: '29:alex', aadObjectId: ALEX.teams }, ...(locale ? { locale } : {}) });
  await chat.open();
  return chat;
}

describe('the next or earliest item of a list of times (newcomer run v8)', function () {
  this.timeout(60_000);

  it('Teams, English: "the upcoming one" at the list of visits is the earliest visit', async () => {
    const chat = await teams();
    await chat.say('Appointments');
    await chat.say('Cancel an appointment');
    await chat.say('Myself');
    assert.match(textOf(await chat.say('uh the upcoming one i guess')), /Cancel the video visit on Tue, Jun 10/);
  });

  it('Teams, Spanish: "mi próxima cita" at the list of visits is the earliest visit', async () => {
    const chat = await teams('es-US');
    await chat.say('Citas');
    await chat.say('Cancelar una cita');
    await chat.say('Para mí');
    const confirm = textOf(await chat.say('mi próxima cita'));
    assert.match(confirm, /¿Cancelar la consulta/, confirm);
    assert.match(confirm, /10 de jun/);
  });

  it('Teams, English and Spanish: "the soonest you have" / "la más temprana" at open times is the first time', async () => {
    for (const [locale, said, expected] of [
      [undefined, 'whichever is soonest', /Book an in-person visit on Mon, Jun 9, 9:00 AM with Dr\. Maya Chen\?/],
      ['es-US', 'la más temprana porfa', /¿Reservar una consulta en persona el lun, 9 de jun, 9:00 a\.\s?m\. con Dr\. Maya Chen\?/],
    ] as const) {
      const es = locale === 'es-US';
      const chat = await teams(locale);
      await chat.say(es ? 'Citas' : 'Appointments');
      await chat.say(es ? 'Nueva cita' : 'New appointment');
      await chat.say(es ? 'Para mí' : 'Myself');
      await chat.say(es ? 'Atención primaria' : 'Primary care');
      await chat.say(es ? 'En persona' : 'In person');
      await chat.say(es ? 'el próximo lunes' : 'next monday');
      const confirm = textOf(await chat.say(said));
      assert.match(confirm, expected, `${said}: ${confirm}`);
    }
  });
});
