import assert from 'node:assert/strict';
import { ResponseCatalog } from '../../common/responses';
import type { IntentId, IntentResult, SafetySignal } from '../../intents/types';
import { DEFAULT_POLICY } from '../../dialogs/common/kit';
import { MedicineNames } from '../../dialogs/common/medicineNames';
import { OptionMatcher } from '../../dialogs/common/options';
import { FollowUpReader } from '../../dialogs/followUps';
import { RouteDecider } from '../../dialogs/main/routeDecider';
import { MentalHealthVisit } from '../../dialogs/mentalHealthVisit';
import { RescueWords } from '../../dialogs/refill/rescueWords';
import { PhraseBook } from '../../dialogs/phrases';
import { TopicPrior } from '../../dialogs/topicPrior';
import type { TurnInfo, TurnTriage } from '../../dialogs/turn';

/** The routing decision alone, without a dialog: a turn's words and recognizer result in, a Decision out. */
describe('RouteDecider', () => {
  const phrases = PhraseBook.load();
  const options = new OptionMatcher(ResponseCatalog.load(), phrases);
  const policy = DEFAULT_POLICY;
  const decider = new RouteDecider({
    options,
    phrases,
    policy,
    medicines: MedicineNames.load(),
    followUps: new FollowUpReader(),
    topicPrior: new TopicPrior(options, phrases, policy),
    mentalHealthVisit: new MentalHealthVisit(options, phrases, policy),
    rescue: RescueWords.load(),
  });
  const turn = (text: string, intent: IntentId, score: number, safety?: SafetySignal): TurnInfo => {
    const result: IntentResult = { intent, score, kind: null, locale: 'en', runnerUp: null, source: 'local', ...(safety ? { safety } : {}) };
    return { text, locale: 'en', result };
  };
  const quiet = (): TurnTriage => ({ match: null, safety: null });

  it('a topic picked from the menu is that task, whatever the recognizer says', () => {
    assert.deepEqual(decider.decide(turn('Billing', 'none', 0.1), quiet(), { lean: false }), { kind: 'task', intent: 'billing' });
  });

  it('a task the recognizer is sure of starts it; one it is not sure of is unclear', () => {
    assert.deepEqual(decider.decide(turn('I need to refill my prescription', 'refill', 0.9), quiet(), { lean: false }), { kind: 'task', intent: 'refill' });
    assert.deepEqual(decider.decide(turn('blorp', 'refill', 0.3), quiet(), { lean: false }), { kind: 'unclear' });
  });

  it('small talk gets its short answer', () => {
    assert.deepEqual(decider.decide(turn('cheers mate', 'thanks', 0.9), quiet(), { lean: false }), { kind: 'say', key: 'main.thanks', menu: false, intent: 'thanks' });
  });

  it("the safety triage's outcome comes before a task the recognizer is sure of", () => {
    const triage: TurnTriage = { match: { intent: 'symptoms', kind: null, locale: 'en', score: 1, rule: 'test' }, safety: null };
    assert.deepEqual(decider.decide(turn('I want to book a visit, I have chest pain', 'appointment', 0.95), triage, { lean: false }), { kind: 'triage' });
  });

  it('unsure whether it is an emergency: the safety net, unless a task is clearly meant (then the line first)', () => {
    const unsure: SafetySignal = { level: 'unsure', rule: 'test' };
    assert.deepEqual(decider.decide(turn('it hurts', 'none', 0.2, unsure), quiet(), { lean: false }), { kind: 'safetyNet' });
    assert.deepEqual(decider.decide(turn('book a visit', 'appointment', 0.95, unsure), quiet(), { lean: false }), { kind: 'task', intent: 'appointment', safetyFirst: true });
  });

  it('a request for a person right after an answer is about that answer\'s topic', () => {
    const decision = decider.decide(turn('I want to speak with a representative', 'agent', 0.9), quiet(), { prior: { topics: ['billing'] }, lean: false });
    assert.deepEqual(decision, { kind: 'agent', topic: 'billing' });
  });
});
