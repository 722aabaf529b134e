import assert from 'node:assert/strict';
import { choicesOf, linksOf, textOf } from '../support/chat';
import { ALEX, type MemberChat } from '../support/identity';
import { realChat } from './memberWords';

/**
 * Whether a prescription is ready is a question about its status (newcomer run v4: WC04, SD01,
 * WC20, TD13): answered with the status, never a refill request or its "OK, I haven't asked for a
 * refill", never a menu or a question whose answer changes nothing. Sentences differ from the run's.
 */
describe('a status question about a prescription is answered with the status', function () {
  this.timeout(60_000);

  describe('not signed in: where to see it and the sign-in, without asking for the Rx number', () => {
    for (const [locale, said, statuses] of [
      ['en', 'can I go pick up my medicine yet?', /Ready for pickup/],
      ['es', '¿la receta ya está lista?', /Lista para recoger/],
    ] as const) {
      it(`Web Chat (${locale}): "${said}"`, async () => {
        const chat = await realChat('webchat', { locale });
        const replies = await chat.say(said);
        const text = textOf(replies);
        assert.match(text, statuses, text);
        assert.doesNotMatch(text, /Rx number|número Rx|Which prescription|Cuál receta/i, text);
        assert.ok(linksOf(replies).some((u) => /pharmacy\/prescriptions/.test(u)), linksOf(replies).join(' '));
      });
    }
  });

  describe('Teams, the mapped member: "what is happening with my meds" is the status list, not a refill request (newcomer run v5, TF02)', () => {
    for (const [locale, said, status] of [
      ['en', 'any update on my prescription?', /is ready for pickup/],
      ['es', '¿qué pasa con mi medicamento?', /ya se puede recoger|está lista para recoger/],
    ] as const) {
      it(`Teams (${locale}): "${said}"`, async () => {
        const chat = await realChat('msteams', { locale, from: { id: '29:alex', aadObjectId: ALEX.teams } });
        const text = textOf(await chat.say(said));
        assert.match(text, status, text);
        assert.doesNotMatch(text, /^(Refill|¿Surtir) /m, text);
      });
    }
  });

  async function smsSignedIn(opening: string): Promise<{ chat: MemberChat; text: string }> {
    const chat = await realChat('sms', { from: { id: ALEX.phone } });
    await chat.say(opening);
    const code = /\b(\d{6})\b/.exec(textOf(await chat.say('1')))?.[1];
    assert.ok(code, 'a code was sent');
    return { chat, text: textOf(await chat.say(code)) };
  }

  describe('SMS, signed in: asked to confirm a refill, the member asks why one is pending (newcomer run v5, TF02)', () => {
    for (const [opening, said, expected] of [
      ['please order a refill for me', 'hold on, why are my refills still pending', /holding up your prescriptions[\s\S]*Metformin/],
      ['quiero pedir un surtido de mi receta', 'espera, por qué siguen pendientes mis recetas', /detiene sus recetas[\s\S]*Metformin/],
    ] as const) {
      it(`"${said}"`, async () => {
        const { chat, text: confirm } = await smsSignedIn(opening);
        assert.match(confirm, /Levothyroxine/, confirm);
        const text = textOf(await chat.say(said));
        assert.match(text, expected, text);
        assert.doesNotMatch(text, /haven't asked for a refill|no pedí ningún surtido/i, text);
      });
    }
  });

  describe('SMS, signed in: asked to confirm a refill, the member only wanted to know whether one is ready', () => {
    for (const [opening, said, expected] of [
      ['please order a refill for me', 'no thanks, I was only checking whether the sertraline went out', /Sertraline 50 mg tablet \(Rx 1000104\) has shipped/],
      ['quiero pedir un surtido de mi receta', 'no, nada más quería saber si ya está lista la atorvastatina', /Atorvastatin 20 mg tableta \(Rx 1000102\) se puede surtir a partir/],
    ] as const) {
      it(`"${said}"`, async () => {
        const { chat, text: confirm } = await smsSignedIn(opening);
        assert.match(confirm, /Levothyroxine/, confirm);
        const replies = await chat.say(said);
        const text = textOf(replies);
        assert.match(text, expected, text);
        assert.doesNotMatch(text, /haven't asked for a refill|no pedí ningún surtido/i, text);
        assert.ok(!choicesOf(replies).includes('Check status') && !choicesOf(replies).includes('Ver el estado'), text);
      });
    }
  });
});
