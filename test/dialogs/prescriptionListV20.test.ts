import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import type { MemberChat } from '../support/identity';
import { realChat, signedInChat } from './memberWords';
import { hasNot, say, type Replies } from './replyChecks';

/**
 * Newcomer run v20 (Web Chat, signed in as Jordan, whose prescriptions have nothing pending):
 * - "why does my refill still say pending?? its been 4 days" got only "None of your prescriptions
 *   is waiting on anything right now.": the member sees nothing of what the assistant sees. Now
 *   each prescription's status comes first, then that none is waiting, and that the app can lag
 *   (the pharmacy line if it still says pending).
 * - "thats weird the app says pending. what do u see for my meds" got the "download anything" app
 *   answer, and "no. just show me my prescriptions" the same one-liner again. A signed-in member
 *   asking to see / list / show their prescriptions gets them, each with its status.
 * Through the whole bot with the real recognizer, on Web Chat and Teams, in English and Spanish.
 */

const JORDAN_TEAMS = { id: '29:jordan', aadObjectId: '00000000-0000-4000-8000-000000000002' };
type Channel = 'webchat' | 'msteams';
const open = (channel: Channel, locale: 'en' | 'es'): Promise<MemberChat> =>
  channel === 'msteams' ? realChat('msteams', { locale, from: JORDAN_TEAMS }) : signedInChat('EH1000002', { locale });

const RX = ['1000201', '1000202'];
const PHARMACY = '1-800-555-0122';

function listsBoth(replies: Replies): void {
  const text = textOf(replies);
  for (const rx of RX) assert.ok(text.includes(rx), `no Rx ${rx} in:\n${text}`);
}

const WHY_PENDING: Array<{ channel: Channel; locale: 'en' | 'es'; line: string }> = [
  { channel: 'webchat', locale: 'en', line: 'why does my refill still say pending?? its been 4 days' },
  { channel: 'webchat', locale: 'en', line: 'how come my prescription is still showing as pending, its been days' },
  { channel: 'msteams', locale: 'en', line: 'why is my refill stuck on pending' },
  { channel: 'webchat', locale: 'es', line: 'por que mi receta sigue diciendo pendiente?? ya van 4 dias' },
  { channel: 'msteams', locale: 'es', line: 'por qué mi surtido sigue pendiente' },
];

const SHOW: Array<{ channel: Channel; locale: 'en' | 'es'; line: string }> = [
  { channel: 'webchat', locale: 'en', line: 'thats weird the app says pending. what do u see for my meds' },
  { channel: 'webchat', locale: 'en', line: 'can you list my meds' },
  { channel: 'msteams', locale: 'en', line: 'show me my prescriptions' },
  { channel: 'webchat', locale: 'en', line: 'what do you see on your end for my medications' },
  { channel: 'webchat', locale: 'es', line: 'muéstrame mis recetas' },
  { channel: 'webchat', locale: 'es', line: 'qué ves de mis medicinas' },
  { channel: 'msteams', locale: 'es', line: 'que raro la app dice pendiente. que ve usted de mis medicamentos' },
];

describe('v20: a signed-in member sees their prescriptions, each with its status (newcomer run v20)', function () {
  this.timeout(120_000);

  for (const c of WHY_PENDING) {
    it(`${c.channel} ${c.locale}: "${c.line}" with nothing pending lists each status, then says none waits and the app can lag`, async () => {
      const chat = await open(c.channel, c.locale);
      const replies = await say(chat, c.channel, c.line);
      const text = textOf(replies);
      listsBoth(replies);
      assert.ok(text.includes(c.locale === 'es' ? 'Ninguna de sus recetas' : 'None of your prescriptions'), text);
      assert.ok(text.includes(PHARMACY), `no pharmacy line in:\n${text}`);
      assert.ok(text.indexOf(RX[0]!) < text.indexOf(c.locale === 'es' ? 'Ninguna de sus recetas' : 'None of your prescriptions'), `the list comes first:\n${text}`);
    });
  }

  for (const c of SHOW) {
    it(`${c.channel} ${c.locale}: "${c.line}" gets the list of prescriptions, not the app answer`, async () => {
      const chat = await open(c.channel, c.locale);
      const replies = await say(chat, c.channel, c.line);
      hasNot(c.locale, replies, 'followUp.about.app');
      listsBoth(replies);
    });
  }

  for (const channel of ['webchat', 'msteams'] as const) {
    it(`${channel} en: the newcomer's three lines: never the app answer, never the same one-liner twice`, async () => {
      const chat = await open(channel, 'en');
      const first = await say(chat, channel, 'why does my refill still say pending?? its been 4 days');
      listsBoth(first);
      const second = await say(chat, channel, 'thats weird the app says pending. what do u see for my meds');
      hasNot('en', second, 'followUp.about.app');
      listsBoth(second);
      const third = await say(chat, channel, 'no. just show me my prescriptions');
      hasNot('en', third, 'followUp.about.app');
      listsBoth(third);
      assert.notEqual(textOf(third), textOf(second), 'the same reply twice');
    });
  }
});
