import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';

const ALEX = { id: '29:alex', aadObjectId: '00000000-0000-4000-8000-000000000001' };

/**
 * Newcomer run v11b, XS14 (Teams, signed in as Alex, whose only proxy is Sam, a son): "can i book
 * for my mom shes 78 and needs to see a heart dr" ran the whole booking and asked "Book … with Dr.
 * Omar Haddad for Sam?"; "no?? sam is my son, this is for my MOM" got only "OK, I haven't booked
 * anything." A relative named by how they are related (the back end names proxies, not relations)
 * is never swapped for a proxy: the chat says they are not on the account and how to book for them.
 */
describe('a relative who is not on the account is never booked as another family member (newcomer run v11b, XS14)', function () {
  this.timeout(300_000);

  const requests = [
    { es: false, say: 'ok fine. can i book for my mom shes 78 and needs to see a heart dr' },
    { es: false, say: 'i need to make an appointment for my husband, checkup' },
    { es: true, say: 'quiero hacer una cita para mi mamá, tiene 78 años y necesita ver al cardiólogo' },
    { es: true, say: 'necesito una cita para mi esposo' },
  ];
  for (const c of requests) {
    it(`teams ${c.es ? 'es' : 'en'}: "${c.say}" says the relative is not on the account, and offers nobody else`, async () => {
      const chat = await realChat('msteams', { from: ALEX, locale: c.es ? 'es' : 'en' });
      const text = textOf(await chat.say(c.say));
      assert.match(text, c.es ? /no está en su cuenta/ : /isn't on your account/, text);
      assert.match(text, /1-800-555-0100/, text);
      assert.match(text, c.es ? /acceso de representante/ : /proxy access/, text);
      assert.doesNotMatch(text, /What kind of care|¿Qué tipo de atención|How would you like|¿Cómo quiere|for Sam\?|para Sam\?/, text);
    });
  }

  it('teams en: "a family member", then at "Book … for Sam?" "no?? sam is my son, this is for my MOM" explains', async () => {
    const chat = await realChat('msteams', { from: ALEX });
    for (const say of ['i need to book an appointment for a family member', 'Specialty care', 'In person', 'As soon as possible']) await chat.say(say);
    const confirm = textOf(await chat.say('2'));
    assert.match(confirm, /for Sam\?/, confirm);
    const text = textOf(await chat.say('no?? sam is my son, this is for my MOM'));
    assert.match(text, /haven't booked anything/, text);
    assert.match(text, /Your mom isn't on your account/, text);
    assert.match(text, /1-800-555-0100/, text);
  });

  it('teams en: a proxy named with the relation ("my brother sam") is booked as usual', async () => {
    const chat = await realChat('msteams', { from: ALEX });
    const text = textOf(await chat.say('book an appointment for my brother sam'));
    assert.doesNotMatch(text, /isn't on your account/, text);
  });
});

/**
 * Newcomer run v13, YW10 (signed in): "book a checkup for my mom" got the refusal and nothing
 * more. Where proxy access is asked for (the portal profile), that the proxy may be the one meant,
 * and a visit for the member offered.
 */
describe('a relative not on the account: how to get proxy access, and a visit for the member offered (newcomer run v13, YW10)', function () {
  this.timeout(300_000);

  for (const c of [
    { es: false, say: 'need to book a checkup for my mom, i manage her account' },
    { es: true, say: 'quiero agendar un chequeo para mi mamá' },
  ]) {
    it(`teams ${c.es ? 'es' : 'en'}: "${c.say}"`, async () => {
      const chat = await realChat('msteams', { from: ALEX, locale: c.es ? 'es' : 'en' });
      const text = textOf(await chat.say(c.say));
      assert.match(text, c.es ? /perfil del portal/ : /portal profile/, text);
      assert.match(text, c.es ? /una cita para mí/ : /book for me/, text);
      assert.match(text, c.es ? /dígame el nombre/ : /say the name/, text);
    });
  }
});
