import assert from 'node:assert/strict';
import { assertChannelRules, textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';

/**
 * Newcomer run v9 (TH13), on Teams: after a domestic-violence answer, where the member is now
 * ("I'm at a friend's", "no estoy herida") is safe for now, never the suicide-crisis script; and a
 * visit asked for with a worry about him knowing gets what stays private, then the booking. A real
 * crisis wording is still the crisis answer. The sentences are not the run's.
 */
describe('after an abuse answer on Teams: safe for now, privacy and a visit (pipeline/urgentFollowUp.ts)', function () {
  this.timeout(300_000);

  it('Spanish: not hurt, at a relative\'s: acknowledged with the hotline, no 988; then privacy and the booking', async () => {
    const chat = await realChat('msteams', { locale: 'es' });
    assert.match(textOf(await chat.say('mi pareja me golpea y me da miedo regresar')), /1-800-799-7233/);
    const replies = await chat.say('ya no estoy lastimada, me estoy quedando con mi mamá');
    const text = textOf(replies);
    assert.doesNotMatch(text, /988/);
    assert.doesNotMatch(text, /ya tomó algo/);
    assert.match(text, /1-800-799-7233|88788/);
    assert.match(text, /911/);
    assertChannelRules('msteams', replies);
    const next = textOf(await chat.say('quiero hacer una cita pero que él no se entere'));
    assert.match(next, /confidencial/);
    assert.match(next, /¿Para quién es la cita\?/);
    assert.doesNotMatch(next, /988/);
  });

  it('English: safe now, he left', async () => {
    const chat = await realChat('msteams');
    assert.match(textOf(await chat.say('my husband beats me when he drinks')), /1-800-799-7233/);
    const first = textOf(await chat.say("i'm not hurt, i'm staying with my brother"));
    assert.doesNotMatch(first, /988/);
    assert.match(first, /safer|glad/);
    assert.match(first, /1-800-799-7233|88788/);
    const second = textOf(await chat.say('he left the house'));
    assert.notEqual(second, first);
    assert.match(second, /911/);
  });

  it('a crisis said after the abuse answer is still the crisis answer', async () => {
    const chat = await realChat('msteams');
    assert.match(textOf(await chat.say('my boyfriend hits me')), /1-800-799-7233/);
    const text = textOf(await chat.say("i'm safe at my sister's but i want to kill myself"));
    assert.match(text, /988/);
  });
});
