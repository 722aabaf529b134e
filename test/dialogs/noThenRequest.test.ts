import assert from 'node:assert/strict';
import { choicesOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { catalog } from './support';
import { realChat } from './memberWords';

/** Alex on Teams: the sample data maps this Entra ID object id to Alex Rivera. */
const TEAMS_ALEX = { id: '29:alex', aadObjectId: ALEX.teams };

/**
 * A no followed by another request at a yes/no confirmation (newcomer run v6, TH10 on Teams:
 * "wait no dont cancel it, can i just make it a video visit instead" kept the visit and dropped the
 * switch to video): the no is honoured and said, and the request is handled. Real recognizer;
 * sentences differ from the run's.
 */
describe('a no followed by another request at a confirmation (TH10)', function () {
  this.timeout(180_000);

  it('Teams English: "don\'t cancel it, could it be by phone" at "Cancel …?" is not cancelled and moves that visit to a phone visit', async () => {
    const chat = await realChat('msteams', { from: TEAMS_ALEX });
    assert.match(textOf(await chat.say('please cancel my video appointment')), /Cancel the video visit on Tue, Jun 10, 3:00 PM with Dr\. Maya Chen \(Primary care follow-up\)\?/);
    const moved = await chat.say('hang on, do not cancel it, could we do it over the phone instead?');
    const text = textOf(moved);
    assert.match(text, /OK, I haven't cancelled anything\./, text);
    assert.match(text, /When would you prefer to move your video visit on Tue, Jun 10, 3:00 PM with Dr\. Maya Chen\?/, text);
    assert.ok(choicesOf(moved).includes(catalog.text('en', 'options.appointment.when.sameTime')), choicesOf(moved).join(' | '));
    const done = textOf(await chat.say('keep the same time'));
    assert.match(done, /move your video visit on Tue, Jun 10, 3:00 PM with Dr\. Maya Chen to a phone visit/, done);
  });

  it('Teams Spanish: "no la cancele, mejor en persona" moves that visit to an in-person visit', async () => {
    const chat = await realChat('msteams', { from: TEAMS_ALEX, locale: 'es' });
    assert.match(textOf(await chat.say('necesito cancelar mi cita por video')), /¿Cancelar la consulta por video del mar, 10 de jun/);
    const text = textOf(await chat.say('espere, no la cancele, ¿se puede hacer en persona?'));
    assert.match(text, /De acuerdo, no cancelé nada\./, text);
    assert.match(text, /¿Cuándo prefiere cambiar su consulta por video del mar, 10 de jun/, text);
  });

  it('Teams English: a no with another topic at "Cancel …?" is honoured and that topic answered', async () => {
    const chat = await realChat('msteams', { from: TEAMS_ALEX });
    await chat.say('please cancel my video appointment');
    const text = textOf(await chat.say('no wait, i cant log in, i need to reset my password'));
    assert.match(text, /OK, I haven't cancelled anything\./, text);
    assert.match(text, /reset your password/i, text);
  });

  it('Teams Spanish: a no with another topic at "Cancel …?" is honoured and that topic answered', async () => {
    const chat = await realChat('msteams', { from: TEAMS_ALEX, locale: 'es' });
    await chat.say('necesito cancelar mi cita por video');
    const text = textOf(await chat.say('no, espere, olvidé mi contraseña y no puedo entrar'));
    assert.match(text, /De acuerdo, no cancelé nada\./, text);
    assert.match(text, /contraseña/i, text);
  });
});
