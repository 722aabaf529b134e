import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { realChat, signedInChat } from './memberWords';

/**
 * Questions inside the refill and video-visit topics (newcomer run v15). Real recognizer.
 */
describe('refills and video visits in the member words (newcomer run v15)', function () {
  this.timeout(120_000);

  const DEAD_END = /No tengo una respuesta lista|I don't have an answer ready/;
  const video = [
    { channel: 'sms' as const, locale: 'es' as const, open: 'como hago una videollamada con el doctor', say: 'tengo cita mañana x video pero no se como entrar', link: '/secure/appointments/video-visit' },
    { channel: 'webchat' as const, locale: 'es' as const, open: 'como hago un video visit con mi doctor', say: 'ya tengo la cita pero el link no me abre en el phone', link: '/video-visits/test-your-device', trouble: true },
    { channel: 'msteams' as const, locale: 'es' as const, open: 'como hago una videollamada con el doctor', say: 'mi camara no sirve y la cita por video es en 5 min', link: '/video-visits/test-your-device', trouble: true },
    { channel: 'webchat' as const, locale: 'en' as const, open: 'video visits', say: 'i have an appt tomorrow by video but idk how to get in', link: '/secure/appointments/video-visit' },
    { channel: 'sms' as const, locale: 'en' as const, open: 'video visits', say: 'the link for my appt wont open on my phone', link: '/video-visits/test-your-device', trouble: true },
  ];
  for (const c of video) {
    it(`${c.channel} (${c.locale}): "${c.say}" at the video-visit menu gets its answer`, async () => {
      const chat = await realChat(c.channel, { locale: c.locale });
      const menu = textOf(await chat.say(c.open));
      assert.match(menu, /visitas por video|video visits/i);
      const replies = await chat.say(c.say);
      const text = textOf(replies);
      assert.doesNotMatch(text, DEAD_END);
      if ('trouble' in c) assert.match(text, /Video trouble|Problemas con el video|cámara|camera/, text);
      else assert.match(text, /join|unirse/, text);
      assert.ok(linksOf(replies).some((l) => l.includes(c.link)) || text.includes(c.link), `${text}\n${linksOf(replies).join('\n')}`);
    });
  }
});

describe('refills left on the medicines asked about (newcomer run v15, YX11)', function () {
  this.timeout(120_000);

  for (const c of [
    { locale: 'en' as const, say: 'my blood pressure med says 0 refills left??', all: /None of your prescriptions/, these: /the ones you asked about/ },
    { locale: 'es' as const, say: 'mi medicina de la presion dice 0 resurtidos, necesito renovarla?', all: /Ninguna de sus recetas/, these: /a las que preguntó/ },
  ]) {
    it(`${c.locale}: only the blood-pressure medicines were checked, so nothing is said of all prescriptions`, async () => {
      const chat = await signedInChat('EH1000001', { locale: c.locale });
      const text = textOf(await chat.say(c.say));
      assert.doesNotMatch(text, c.all, text);
      assert.match(text, c.these, text);
      assert.match(text, /Lisinopril/, text);
    });
  }
});
