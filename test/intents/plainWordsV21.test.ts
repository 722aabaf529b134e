import assert from 'node:assert/strict';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../common/logger';
import { createUnderstanding } from '../../intents';
import type { Understanding } from '../../intents/types';

/**
 * Plain requests the triage model read as emergencies on development set v20: a harm word whose
 * object is a thing (a haircut, an ATM that ate a card), the last pill taken and more asked for,
 * not wanting to go on typing in the chat. The same words about the body or about living stay
 * emergencies.
 */
describe('classify: harm words about things, the last pill and a tiring chat are not emergencies', function () {
  this.timeout(60_000);
  let u: Understanding;
  before(async () => {
    u = await createUnderstanding(loadConfig({ NODE_ENV: 'test' }).nlu, { logger: silentLogger() });
  });
  const plain = [
    'quiero hacer cita para cortarme el cabello el sabado',
    'the atm ate my debit card, what now',
    'me tome mi ultima pastilla de la presion, como pido mas',
    'just took my last pill of lisinopril, how do i get more',
    'ya no quiero seguir esperando, paseme con alguien',
  ];
  for (const text of plain) {
    it(`not an emergency: ${text}`, async () => {
      const r = await u.understand(text);
      assert.notEqual(r.intent, 'emergency', `${r.intent}:${r.kind} for ${text}`);
    });
  }
  const crises = [
    'quiero cortarme las venas',
    'ya no quiero seguir siendo una carga para nadie',
    'i took my last pills all at once, i want it to be over',
    'ya no quiero seguir viviendo',
  ];
  for (const text of crises) {
    it(`crisis: ${text}`, async () => {
      const r = await u.understand(text);
      assert.equal(r.intent, 'emergency', `${r.intent}:${r.kind} for ${text}`);
    });
  }
});
