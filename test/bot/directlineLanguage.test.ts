import assert from 'node:assert/strict';
import { post, request, startAssistant, type RunningAssistant } from '../support/assistant';
import { bearer, getGrant, postActivity, type Grant } from '../support/directline';

type Activity = { type: string; text?: string; from: { role?: string }; suggestedActions?: { actions: Array<{ title: string }> } };

/** Everything in the conversation so far (the welcome runs in the background after the start). */
async function transcript(grant: Grant): Promise<Activity[]> {
  const page = await request(`${grant.domain}/conversations/${grant.conversationId}/activities?watermark=`, { headers: bearer(grant.token) });
  assert.equal(page.status, 200, page.text);
  return (page.json as { activities: Activity[] }).activities;
}

async function welcomeOf(grant: Grant): Promise<Activity> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const bot = (await transcript(grant)).find((a) => a.type === 'message' && a.from.role === 'bot');
    if (bot) return bot;
    if (Date.now() > deadline) throw new Error('no welcome');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function start(running: RunningAssistant, body: unknown, headers: Record<string, string> = {}): Promise<Grant> {
  const grant = await getGrant(running.url);
  const started = await post(`${grant.domain}/conversations`, body, { ...bearer(grant.token), ...headers });
  assert.equal(started.status, 201, started.text);
  return grant;
}

/**
 * The welcome's language over the local Direct Line, as a member's client sees it: the
 * conversation start's locale (Web Chat's conversationStartProperties), else the browser's
 * Accept-Language; a client that gives neither is welcomed in English, and a Spanish first
 * message then gets a Spanish welcome line before its answer.
 */
describe('Direct Line: the welcome in the member\'s language', function () {
  this.timeout(60_000);
  let running: RunningAssistant;
  before(async () => (running = await startAssistant({ DIRECTLINE_TOKEN_SECRET: 'test-signing-key-0123456789-abcdefghijklmnop' })));
  after(() => running.stop());

  it('the conversation start\'s locale (what Web Chat sends): es-US → Spanish welcome and topics', async () => {
    const welcome = await welcomeOf(await start(running, { locale: 'es-US' }));
    assert.match(welcome.text ?? '', /No atiendo emergencias/);
    assert.equal(welcome.suggestedActions?.actions[0]?.title, 'Citas');
  });

  it('no locale on the start, a Spanish browser (Accept-Language) → Spanish welcome', async () => {
    const welcome = await welcomeOf(await start(running, {}, { 'accept-language': 'es-MX,es;q=0.9,en-US;q=0.8' }));
    assert.match(welcome.text ?? '', /No atiendo emergencias/);
  });

  it('a locale on the start wins over the browser; languages the assistant does not speak are skipped', async () => {
    assert.match((await welcomeOf(await start(running, { locale: 'en-US' }, { 'accept-language': 'es-US' }))).text ?? '', /not for emergencies/);
    assert.match((await welcomeOf(await start(running, {}, { 'accept-language': 'fr-FR, es;q=0.5, en;q=0.4' }))).text ?? '', /No atiendo emergencias/);
    assert.match((await welcomeOf(await start(running, {}, { 'accept-language': '*' }))).text ?? '', /not for emergencies/);
  });

  for (const locale of ['es-US', undefined]) {
    it(`no language at the start: English welcome, then a Spanish first message (message locale ${locale ?? 'none'}) gets a Spanish welcome line, then its answer`, async () => {
      const grant = await start(running, {});
      assert.match((await welcomeOf(grant)).text ?? '', /not for emergencies/);
      const answer = await postActivity(grant, { type: 'message', text: 'no puedo entrar al portal me dice contraseña incorrecta', ...(locale ? { locale } : {}) });
      assert.equal(answer.status, 200, answer.text);
      const bot = (await transcript(grant)).filter((a) => a.type === 'message' && a.from.role === 'bot').slice(1);
      assert.match(bot[0]?.text ?? '', /^¡Hola! Soy el asistente para miembros de Evergreen Health y le atiendo en español\. No atiendo emergencias/);
      assert.match(bot[1]?.text ?? '', /contraseña/, 'then the answer, in Spanish');
      // Only once: the next Spanish message is just answered.
      await postActivity(grant, { type: 'message', text: 'ahora dice cuenta bloqueada' });
      const after = (await transcript(grant)).filter((a) => a.type === 'message' && a.from.role === 'bot');
      assert.equal(after.filter((a) => /le atiendo en español/.test(a.text ?? '')).length, 1);
    });
  }

  it('an English first message after an English welcome gets no second welcome', async () => {
    const grant = await start(running, {});
    await welcomeOf(grant);
    await postActivity(grant, { type: 'message', text: 'I forgot my password' });
    const bot = (await transcript(grant)).filter((a) => a.type === 'message' && a.from.role === 'bot');
    assert.equal(bot.filter((a) => /member assistant/.test(a.text ?? '')).length, 1);
  });

  it('a Spanish first message with a safety signal gets its answer first, no welcome line', async () => {
    const grant = await start(running, {});
    await welcomeOf(grant);
    await postActivity(grant, { type: 'message', text: 'mi papá tiene dolor de pecho y no puede respirar' });
    const bot = (await transcript(grant)).filter((a) => a.type === 'message' && a.from.role === 'bot').slice(1);
    assert.match(bot[0]?.text ?? '', /911/);
    assert.ok(!bot.some((a) => /le atiendo en español/.test(a.text ?? '')));
  });
});
