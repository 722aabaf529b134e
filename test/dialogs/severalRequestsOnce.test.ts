import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * Several requests in one message, each answered once and in the order announced (newcomer run
 * v11b): each task starts from its own part of the message, not the whole of it (XS05: the
 * forgot-password part got the unlock answer too); a part asking whether video visits are
 * possible names its task, so an hours question before it is not dropped (XR09); a medical record
 * to send to another doctor is a records request, in Spanglish too (XR16). Real recognizer and dialogs.
 */
describe('several requests in one message, each answered once (newcomer run v11b)', function () {
  this.timeout(120_000);

  it('XS05, SMS: a wrong password and a locked account: the reset answer, then the unlock answer, once each', async () => {
    const chat = await realChat('sms');
    const replies = await chat.say('cant log in it says my password is wrong and now im locked out');
    const text = textOf(replies);
    assert.match(text, /start with ["“]Forgot password["”], then ["“]Account locked["”]/);
    const links = linksOf(replies);
    assert.ok(links.some((l) => l.includes('/reset-password')), links.join('\n'));
    assert.equal(links.filter((l) => l.includes('/unlock')).length, 1, links.join('\n'));
    assert.ok(text.indexOf('reset your password') < text.indexOf('account locks'), text);
  });

  it('XS05 in Spanish: olvidé la contraseña y la cuenta bloqueada', async () => {
    const chat = await realChat('sms', { locale: 'es' });
    const replies = await chat.say('olvide mi contraseña y tambien mi cuenta esta bloqueada');
    const links = linksOf(replies);
    assert.ok(links.some((l) => l.includes('/reset-password')), `${textOf(replies)}\n${links.join('\n')}`);
    assert.equal(links.filter((l) => l.includes('/unlock')).length, 1, links.join('\n'));
  });

  it('XR09, Teams: lab results, Saturday hours and whether video visits are possible: all three named and answered', async () => {
    const chat = await realChat('msteams');
    const replies = await chat.say('need my lab results and also when is the clinic open saturdays and can i do video visit');
    const text = textOf(replies);
    assert.match(text, /first your records question, then contacting your care team, then your video visit question/);
    assert.match(text, /Each clinic has its own hours|Hours differ by clinic/);
    assert.match(text, /Video visits let you see a clinician/);
    assert.ok(linksOf(replies).some((l) => l.includes('/locations')), linksOf(replies).join('\n'));
  });

  it('XR16, Teams in Spanish: a medical record to send to another doctor is the records request', async () => {
    const chat = await realChat('msteams', { locale: 'es' });
    const replies = await chat.say('necesito mi medical record para mandarlo a otro doctor');
    assert.doesNotMatch(textOf(replies), /¿Qué está buscando\?/);
    assert.ok(linksOf(replies).some((l) => /records-request|request/i.test(l)), `${textOf(replies)}\n${linksOf(replies).join('\n')}`);
  });
});
