import assert from 'node:assert/strict';
import { assertChannelRules, textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';
import { readFollowUp } from '../../pipeline/followUpReading';

/**
 * After a 911 answer, a member already on the way to the ER (newcomer run v11b, XR05: "my wife is
 * driving me to er now" got "call 911 now" again and the generic 911/988 line, because the word
 * "er" made the triage unsure and the follow-up only knew calls made, refusals and tasks). Now it
 * is acknowledged, with an ambulance if it gets worse on the way; no 988, no crisis words.
 */
describe('after a 911 answer: already on the way to the ER (pipeline/urgentFollowUp.ts)', function () {
  this.timeout(180_000);

  it('Teams, English: "my wife is driving me to er now" is acknowledged; no 988 and no "call 911 now"', async () => {
    const chat = await realChat('msteams');
    assert.match(textOf(await chat.say('my chest has been tight and my left arm feels weird since this morning')), /Call 911 now/);
    assert.match(textOf(await chat.say('its prob nothing, just help w the bill pls')), /\b911\b/);
    const next = await chat.say('ok ok my wife is driving me to er now. can someone call me about the bill tmrw');
    const text = textOf(next);
    assert.match(text, /Good, go now/);
    assert.match(text, /ambulance/);
    assert.doesNotMatch(text, /988|suicide|crisis|Please call 911 now/i);
    assertChannelRules('msteams', next);
  });

  it('Web Chat, English: "on our way to the hospital" right after the answer', async () => {
    const chat = await realChat('webchat');
    assert.match(textOf(await chat.say('my chest hurts and my arm is numb')), /\b911\b/);
    const text = textOf(await chat.say('ok we are on our way to the hospital'));
    assert.match(text, /Good, go now/);
    assert.doesNotMatch(text, /988|suicide|crisis/i);
  });

  it('SMS, Spanish: "me lleva mi esposo a urgencias": acknowledged in Spanish, no 988', async () => {
    const chat = await realChat('sms', { locale: 'es' });
    assert.match(textOf(await chat.say('me duele mucho el pecho y el brazo izquierdo')), /\b911\b/);
    const next = await chat.say('ya me lleva mi esposo a urgencias');
    const text = textOf(next);
    assert.match(text, /Muy bien, vaya ahora/);
    assert.match(text, /ambulancia/);
    assert.doesNotMatch(text, /988|suicid|crisis/i);
    assertChannelRules('sms', next);
  });

  it('the reading: on the way, or not (a question whether to go, a refusal)', () => {
    for (const t of ['my wife is driving me to er now', 'on our way to the hospital', 'heading to the ER', 'we just got to the hospital', 'me lleva mi esposo a urgencias', 'vamos camino al hospital', 'ya estoy en urgencias']) {
      assert.equal(readFollowUp(t), 'onTheWay', t);
    }
    for (const t of ['should i go to the er', 'im not going to the hospital', 'no one can drive me to the hospital', 'no voy a ir al hospital', 'no la voy a llevar al hospital', 'tengo que ir al hospital?']) {
      assert.notEqual(readFollowUp(t), 'onTheWay', t);
    }
  });
});
