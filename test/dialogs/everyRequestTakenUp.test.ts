import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat } from './memberWords';

const TEAMS_ALEX = { id: '29:alex', aadObjectId: ALEX.teams };

/**
 * Every request in one message is named and taken up in turn (newcomer run v13, YX07 and YZ11): a
 * part that names its task only by the task's own word ("check on my prescriptions", "how do i do a
 * video visit") is a request of its own, not folded silently into its neighbour's words; more
 * requests than are taken in turn are named, not dropped. Real recognizer and dialogs.
 */
describe('every request in one message taken up (newcomer run v13)', function () {
  this.timeout(120_000);

  it('YX07, Teams signed in: cancel, then the prescriptions once the cancel is kept after all', async () => {
    const chat = await realChat('msteams', { from: TEAMS_ALEX });
    const first = textOf(await chat.say('i need to cancel my appointment and also check on my prescriptions'));
    assert.match(first, /start with your appointment, then your prescription refill/);
    await chat.say('the first one');
    const kept = textOf(await chat.say("wait no dont cancel it, i'll keep it"));
    assert.match(kept, /Nothing was changed[\s\S]*Next, your prescription refill:/);
  });

  it('YX07 in Spanish: cancelar la cita y revisar mis recetas', async () => {
    const chat = await realChat('msteams', { from: TEAMS_ALEX, locale: 'es' });
    const first = textOf(await chat.say('necesito cancelar mi cita y tambien revisar mis recetas'));
    assert.match(first, /Empiezo con su cita y luego sigo con el surtido de su receta/);
  });

  it('YZ11, Web Chat: video visit, blood test results and a $300 bill: all three named and taken up', async () => {
    const chat = await realChat('webchat');
    const first = textOf(await chat.say('how do i do a video visit and also where are my blood test results and why is my bill 300$ i thought insurance covered it'));
    assert.match(first, /first your billing question, then your video visit question, then your records question/);
    assert.match(textOf(await chat.say('No, thanks')), /Next, your video visit question:/);
  });

  it('YZ11 in Spanish: videollamada, resultados de sangre y la factura', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    const first = textOf(await chat.say('como hago una videollamada y tambien donde estan mis resultados de sangre y por que mi factura es de 300'));
    assert.match(first, /primero su pregunta de facturación, luego su pregunta sobre visitas por video y después su pregunta sobre resultados y expedientes/);
  });

  it('four requests: the one beyond the three taken in turn is named, not dropped', async () => {
    const chat = await realChat('webchat');
    const first = textOf(await chat.say('refill my inhaler and book a physical and where are my lab results and how do i reset my password'));
    assert.match(first, /first your prescription refill, then your appointment, then your records question/);
    assert.match(first, /You also asked about your sign-in help/);
  });
});

describe('task requests beside a health question (newcomer run v12, YV06)', function () {
  this.timeout(120_000);

  it('YV06: a rash with lab results and clinic hours: the nurse line first, then the other requests named', async () => {
    const chat = await realChat('webchat');
    // A symptom the triage is sure of (the run's own words gave the model only a leaning after the
    // thirteenth session's retrain, and the three requests were then taken in turn with the nurse line).
    const text = textOf(await chat.say('i have a rash on my arm that wont go away, also can i see my lab results and whats your hours on saturday'));
    assert.match(text, /nurse advice line at 1-800-555-0111[\s\S]*You also asked about your records question, contacting your care team/);
    assert.ok(text.indexOf('1-800-555-0111') < text.indexOf('You also asked'), 'the health answer first');
  });
});
