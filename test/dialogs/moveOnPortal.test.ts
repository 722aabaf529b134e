import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat, signedInChat } from './memberWords';
import { catalog } from './support';

/** Alex on Teams: the sample data maps this Entra ID object id to Alex Rivera. */
const TEAMS_ALEX = { id: '29:alex', aadObjectId: '00000000-0000-4000-8000-000000000001' };

/**
 * Moving a visit stays on the portal by design (the scheduling back end has no move; booking the
 * new time and cancelling the old one in the chat could leave two visits or none). A signed-in
 * member is told which visit the page is for and why it is moved there (newcomer run W01, T17).
 */
describe('moving a visit, signed in: the portal, and why (newcomer run W01, T17)', function () {
  this.timeout(60_000);

  it('Web Chat en: "move my appt" names the visit and says why it is moved on the portal', async () => {
    const chat = await signedInChat(ALEX.memberId);
    await chat.say('hi i need to move my appt');
    await chat.say('next thursday afternoon');
    const done = await chat.say('the video one with dr chen');
    assert.match(textOf(done), /move your video visit on .* with Dr\. Maya Chen/);
    assert.ok(textOf(done).includes(catalog.text('en', 'appointment.moveOnPortal')), textOf(done));
    assert.ok(linksOf(done).some((l) => l.includes('action=reschedule')), linksOf(done).join('\n'));
  });

  it('Teams es: "quiero reprogramar mi cita" names the video visit and says why it is moved on the portal', async () => {
    const chat = await realChat('msteams', { locale: 'es', from: TEAMS_ALEX });
    await chat.say('quiero reprogramar mi cita');
    const done = await chat.say('la de video, para el lunes en la mañana');
    assert.match(textOf(done), /cambiar su consulta por video del .* con Dr\. Maya Chen/);
    assert.ok(textOf(done).includes(catalog.text('es', 'appointment.moveOnPortal')), textOf(done));
  });

  it('Web Chat en, not signed in: the page, without the note meant for a member who could book here', async () => {
    const chat = await realChat('webchat');
    await chat.say('i need to reschedule my appointment');
    const done = await chat.say('next thursday afternoon');
    assert.ok(linksOf(done).some((l) => l.includes('action=reschedule')), linksOf(done).join('\n'));
    assert.ok(!textOf(done).includes(catalog.text('en', 'appointment.moveOnPortal')), textOf(done));
  });
});
