import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppInsightsTelemetryClient } from '../../ops/observability/appInsights';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../common/logger';
import { messageActivity } from '../support/activities';
import { post, startAssistant } from '../support/assistant';

const IKEY = '11111111-2222-4333-8444-555555555555';

/** Application Insights' ingestion endpoint on loopback: records every envelope posted to /v2.1/track. */
async function fakeIngestion(status = 200) {
  const envelopes: Array<Record<string, any>> = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/v2.1/track' && req.method === 'POST') {
        envelopes.push(...(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Array<Record<string, any>>));
      }
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: envelopes.length, itemsAccepted: envelopes.length, errors: [] }));
      for (const w of waiters.filter((w) => envelopes.length >= w.count)) w.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    envelopes,
    endpoint,
    connectionString: `InstrumentationKey=${IKEY};IngestionEndpoint=${endpoint}`,
    until: (count: number) => (envelopes.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve }))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('Application Insights (optional)', function () {
  this.timeout(20_000);

  it('is off without a connection string, and a malformed one stops start-up naming the setting, not its value', () => {
    assert.equal(loadConfig({ NODE_ENV: 'test' }).operations.appInsights, undefined);
    assert.throws(
      () => loadConfig({ NODE_ENV: 'test', APPLICATIONINSIGHTS_CONNECTION_STRING: 'IngestionEndpoint=https://x;nokey=secret-ish' }),
      (err: Error) => /APPLICATIONINSIGHTS_CONNECTION_STRING expected an Application Insights connection string/.test(err.message) && !err.message.includes('secret-ish'),
    );
    const config = loadConfig({ NODE_ENV: 'test', APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${IKEY}` });
    assert.equal(config.operations.appInsights?.ingestionEndpoint, 'https://dc.services.visualstudio.com');
  });

  it('botbuilder\'s telemetry events reach the ingestion endpoint without text, names or raw ids', async () => {
    const ingestion = await fakeIngestion();
    const running = await startAssistant({ APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString });
    try {
      const conversation = { id: '+15558675309-conversation' };
      const from = { id: '+15558675309', name: 'Jacqueline Quixote-Doe' };
      const answer = await post(`${running.url}/api/messages`, messageActivity('my password is Hunter2!Sekret, where is my refill', { conversation, from, channelId: 'sms' }));
      assert.equal(answer.status, 200);
      await running.stop(); // a graceful stop sends what is queued
      await ingestion.until(2);

      const events = ingestion.envelopes.filter((e) => e.data.baseType === 'EventData');
      const names = events.map((e) => e.data.baseData.name as string);
      assert.ok(names.includes('BotMessageReceived'), names.join(', '));
      assert.ok(names.includes('BotMessageSend'), names.join(', '));
      for (const envelope of ingestion.envelopes) {
        assert.equal(envelope.iKey, IKEY);
        assert.equal(envelope.name, `Microsoft.ApplicationInsights.${IKEY.replace(/-/g, '')}.Event`);
        assert.equal(envelope.tags['ai.operation.id'], answer.headers.get('x-correlation-id'), 'grouped by the turn\'s correlation id');
      }
      const received = events.find((e) => e.data.baseData.name === 'BotMessageReceived')!.data.baseData.properties as Record<string, string>;
      assert.equal(received.channelId, 'sms');
      assert.equal(received.type, 'message');
      assert.match(received.fromId!, /^[A-Za-z0-9_-]{22}$/, 'a pseudonym');
      assert.equal(received.text, undefined);
      assert.equal(received.fromName, undefined);

      const all = JSON.stringify(ingestion.envelopes);
      for (const leak of ['Hunter2', 'password', 'refill', '5558675309', 'Jacqueline', 'Quixote']) {
        assert.ok(!all.includes(leak), `${leak} was sent to Application Insights`);
      }
    } finally {
      await running.stop();
      await ingestion.close();
    }
  });

  it('a failing ingestion endpoint never fails a turn; the loss is counted and telemetry stays bounded', async () => {
    const ingestion = await fakeIngestion(503);
    const metrics = { backendError: (service: string, kind: string) => errors.push(`${service}:${kind}`) };
    const errors: string[] = [];
    const client = new AppInsightsTelemetryClient({
      instrumentationKey: IKEY,
      ingestionEndpoint: ingestion.endpoint.replace(/\/$/, ''),
      logger: silentLogger(),
      metrics,
      maxQueue: 5,
      maxBatch: 100,
    });
    try {
      for (let i = 0; i < 12; i++) client.trackEvent({ name: `e${i}` });
      client.trackException({ exception: new Error('member said 123-45-6789') });
      await client.flush();
      assert.equal(client.sent, 0);
      assert.equal(client.dropped, 13, '8 over the queue bound, 5 refused');
      assert.deepEqual(errors, ['appinsights:error']);
      const exception = ingestion.envelopes.find((e) => e.data.baseType === 'ExceptionData');
      assert.equal(exception?.data.baseData.exceptions[0].message, 'Error', 'an exception is sent by class, never by message');
      assert.ok(!JSON.stringify(ingestion.envelopes).includes('123-45-6789'));
    } finally {
      await client.close();
      await ingestion.close();
    }
  });
});
