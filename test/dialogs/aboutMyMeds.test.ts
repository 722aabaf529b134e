import assert from 'node:assert/strict';
import { aboutMyMeds } from '../../dialogs/refill/aboutMyMeds';
import { choicesOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat } from './memberWords';

const TEAMS_ALEX = { id: '29:alex', aadObjectId: ALEX.teams };
const LIST = { en: /Your prescriptions:[\s\S]*Lisinopril[\s\S]*Amlodipine/, es: /Sus recetas:[\s\S]*Lisinopril[\s\S]*Amlodipine/ };

/**
 * "what about my meds" from a member signed in (newcomer run v13, YX07, Teams): the menu of six
 * needs came before the list. Now the list of their prescriptions' status at once; a guest, or a
 * message that says what it needs, still gets the menu or that need.
 */
describe('"what about my meds" from a signed-in member is their list (newcomer run v13, YX07)', function () {
  this.timeout(300_000);

  it('reads a bare mention of the prescriptions, and nothing more', () => {
    for (const yes of ['what about my meds', 'check on my prescriptions', 'y mis medicinas?', 'mis recetas', 'my prescriptions please', 'and my medications?']) assert.ok(aboutMyMeds(yes), yes);
    for (const no of ['refill my meds', 'renew my prescriptions', 'what about my lisinopril', 'my meds make me dizzy', 'what about my appointment', '']) assert.ok(!aboutMyMeds(no), no);
  });

  it('Teams en, Alex: YX07 as it happened, after keeping the appointment', async () => {
    const chat = await realChat('msteams', { from: TEAMS_ALEX });
    await chat.say('i need to cancel my appointment and also check on my prescriptions');
    await chat.say('the friday one');
    await chat.say("wait no dont cancel it, i'll keep it");
    const replies = await chat.say('what about my meds');
    const text = textOf(replies);
    assert.match(text, LIST.en, text);
    assert.doesNotMatch(text, /What do you need for your prescription/, text);
  });

  it('Teams es, Alex: "y mis recetas?" is the list', async () => {
    const chat = await realChat('msteams', { from: TEAMS_ALEX, locale: 'es' });
    const text = textOf(await chat.say('y mis recetas?'));
    assert.match(text, LIST.es, text);
  });

  it('Teams en, a guest: still the menu of needs', async () => {
    const chat = await realChat('msteams');
    const replies = await chat.say('what about my meds');
    assert.match(textOf(replies), /What do you need for your prescription/);
    assert.ok(choicesOf(replies).length >= 6, choicesOf(replies).join(' | '));
  });
});
