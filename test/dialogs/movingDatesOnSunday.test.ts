import assert from 'node:assert/strict';
import { zonedTime } from '../../services/time';
import { linksOf, textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';

/**
 * Dates said when moving a visit, on a Sunday (newcomer run v12; the bot's clock was Sun Dec 6
 * with visits on Fri Dec 11 and Fri Dec 18). YV08 / YU08: "can i move the lab one to the week
 * after" looked for today, before the visit. YV05: "la semana q viene en la tarde" looked for today
 * with the afternoon lost; "la del viernes 11" picked no visit. Here today is Sun Jun 8 2025; Alex's
 * visits (set from the clock) are Fri Jun 13 (video, next week) and Fri Jun 20 (lab, the week after). Real recognizer.
 */
const sunday = zonedTime('2025-06-08', '10:00', 'America/Los_Angeles');

async function chatOn(channelId: 'webchat' | 'msteams', locale: 'en' | 'es'): Promise<MemberChat> {
  const chat = new MemberChat({
    channelId,
    locale: locale === 'es' ? 'es-US' : 'en-US',
    ...(channelId === 'msteams' ? { from: { id: '29:alex', aadObjectId: ALEX.teams } } : {}),
    env: { MEMBER_TIME_ZONE: 'America/Los_Angeles' },
    now: () => sunday.getTime(),
    overrides: { understanding: undefined, emergencyCheck: undefined },
  });
  await chat.open(locale === 'es' ? 'hola' : 'hi');
  if (channelId === 'webchat') {
    const replies = await chat.signIn(ALEX.memberId);
    if (!/Alex/.test(textOf(replies))) throw new Error(`not signed in: ${textOf(replies)}`);
  }
  return chat;
}

function rescheduleLink(replies: Awaited<ReturnType<MemberChat['say']>>): string {
  return linksOf(replies).find((l) => l.includes('action=reschedule')) ?? '';
}

describe('moving a visit to "the week after", said on a Sunday (YV08, YU08)', function () {
  this.timeout(400_000);

  const cases = [
    { channel: 'webchat' as const, locale: 'en' as const, steps: ['when is my next appt'], say: 'can i move the lab one to the week after' },
    { channel: 'msteams' as const, locale: 'en' as const, steps: ['cancel my appointment', 'the lab one'], say: 'wait no actually dont cancel it, can i just move it to the week after' },
    { channel: 'webchat' as const, locale: 'en' as const, steps: ['i need to move my appt', 'the lab one'], say: 'a week later' },
    { channel: 'webchat' as const, locale: 'es' as const, steps: ['necesito cambiar mi cita', 'la del laboratorio'], say: 'la semana siguiente' },
    { channel: 'webchat' as const, locale: 'es' as const, steps: ['necesito cambiar mi cita', 'la del laboratorio'], say: 'una semana despues' },
  ];
  for (const c of cases) {
    it(`${c.channel} ${c.locale}: "${c.say}" looks in the week after the lab visit`, async () => {
      const chat = await chatOn(c.channel, c.locale);
      for (const step of c.steps) await chat.say(step);
      const done = await chat.say(c.say);
      const link = rescheduleLink(done);
      assert.match(link, /when=2025-06-23(?:%2F|\/)2025-06-29/, `${textOf(done)} ${link}`);
    });
  }
});

describe('moving a visit to "la semana q viene en la tarde", said on a Sunday (YV05)', function () {
  this.timeout(400_000);

  const cases = [
    { locale: 'es' as const, move: 'necesito cambiar mi cita', pick: 'la del laboratorio', say: 'la semana q viene en la tarde' },
    { locale: 'es' as const, move: 'necesito cambiar mi cita', pick: 'la del laboratorio', say: 'la proxima semana por la tarde' },
    { locale: 'en' as const, move: 'i need to move my appt', pick: 'the lab one', say: 'next week in the afternoon' },
  ];
  for (const c of cases) {
    it(`Web Chat ${c.locale}: "${c.say}" is Jun 9-15, in the afternoon`, async () => {
      const chat = await chatOn('webchat', c.locale);
      await chat.say(c.move);
      await chat.say(c.pick);
      const done = await chat.say(c.say);
      const link = rescheduleLink(done);
      assert.match(link, /when=2025-06-09(?:%2F|\/)2025-06-15/, `${textOf(done)} ${link}`);
      assert.ok(link.includes('time=afternoon'), link);
    });
  }
});

describe('picking a visit by its weekday and day of the month (YV05)', function () {
  this.timeout(400_000);

  const cases = [
    { locale: 'es' as const, ask: 'necesito cancelar mi cita', say: 'la del viernes 13', confirm: /¿Cancelar la consulta por video del vie, 13 de jun/ },
    { locale: 'es' as const, ask: 'necesito cancelar mi cita', say: 'la del 20', confirm: /¿Cancelar la consulta en persona del vie, 20 de jun/ },
    { locale: 'en' as const, ask: 'cancel my appointment', say: 'the one on friday the 13th', confirm: /Cancel the video visit on Fri, Jun 13/ },
  ];
  for (const c of cases) {
    it(`Web Chat ${c.locale}: "${c.say}" picks that visit`, async () => {
      const chat = await chatOn('webchat', c.locale);
      await chat.say(c.ask);
      const text = textOf(await chat.say(c.say));
      assert.match(text, c.confirm, text);
    });
  }
});
