import assert from 'node:assert/strict';
import sinon from 'sinon';
import { CluRecognizer } from '../../intents/cloud/clu-recognizer';
import { CloudRecognizerError } from '../../intents/cloud/errors';
import { CloudIntentMap, loadCloudIntentMap } from '../../intents/cloud/intent-map';
import { LuisRecognizer } from '../../intents/cloud/luis-recognizer';
import { HttpStub } from './support/http-stub';

/** Recorded-shape responses (analyze-conversations 2023-04-01 and LUIS v3 prediction). */
const cluOk = JSON.stringify({
  kind: 'ConversationResult',
  result: {
    query: 'I need a refill',
    prediction: {
      topIntent: 'RefillPrescription',
      projectKind: 'Conversation',
      intents: [
        { category: 'RefillPrescription', confidenceScore: 0.91 },
        { category: 'None', confidenceScore: 0.06 },
        { category: 'Billing', confidenceScore: 0.03 },
      ],
      entities: [],
    },
  },
});
const luisOk = JSON.stringify({
  query: 'forgot my password',
  prediction: { topIntent: 'ResetPassword', intents: { ResetPassword: { score: 0.88 }, None: { score: 0.1 }, Billing: { score: 0.02 } }, entities: {} },
});

const isFailure = (reason: string) => (err: unknown) => err instanceof CloudRecognizerError && err.reason === reason;

describe('cloud intent mapping', () => {
  it('maps names case- and punctuation-insensitively; unknown names count as none', () => {
    const map = loadCloudIntentMap();
    assert.equal(map.lookup('Password_Reset'), 'password_reset');
    assert.equal(map.lookup('Utilities.Cancel'), 'cancel');
    assert.equal(map.lookup('RefillPrescription'), 'refill');
    const ranked = new CloudIntentMap().rank([
      { name: 'Weather', score: 0.7 },
      { name: 'billing', score: 0.2 },
      { name: 'none', score: 0.1 },
    ]);
    assert.deepEqual(ranked.top, { intent: 'none', score: 0.7 });
    assert.deepEqual(ranked.runnerUp, { intent: 'billing', score: 0.2 });
    assert.deepEqual(ranked.unknown, ['Weather']);
  });
});

describe('CluRecognizer (loopback HTTP)', () => {
  let stub: HttpStub;
  let base: string;
  const make = () =>
    new CluRecognizer({
      settings: { endpoint: base, apiKey: 'secret-key', projectName: 'member-assistant', deploymentName: 'prod', apiVersion: '2023-04-01' },
      intentMap: loadCloudIntentMap(),
    });

  beforeEach(async () => {
    stub = new HttpStub();
    base = await stub.start();
  });
  afterEach(() => stub.close());

  it('sends the documented request and maps the answer', async () => {
    stub.reply({ status: 200, body: cluOk });
    const r = await make().recognize('I need a refill', { locale: 'en' });
    assert.deepEqual(r, { intent: 'refill', score: 0.91, kind: null, locale: 'en', runnerUp: { intent: 'billing', score: 0.03 }, source: 'clu' });
    const req = stub.requests[0]!;
    assert.equal(req.method, 'POST');
    assert.equal(req.url, '/language/:analyze-conversations?api-version=2023-04-01');
    assert.equal(req.headers['ocp-apim-subscription-key'], 'secret-key');
    const body = JSON.parse(req.body);
    assert.equal(body.kind, 'Conversation');
    assert.equal(body.analysisInput.conversationItem.text, 'I need a refill');
    assert.equal(body.analysisInput.conversationItem.language, 'en');
    assert.deepEqual([body.parameters.projectName, body.parameters.deploymentName], ['member-assistant', 'prod']);
  });

  it('understands orchestration projects too', async () => {
    stub.reply({
      status: 200,
      body: JSON.stringify({
        kind: 'ConversationResult',
        result: { prediction: { projectKind: 'Orchestration', topIntent: 'Billing', intents: { Billing: { confidenceScore: 0.8, targetProjectKind: 'Conversation' }, None: { confidenceScore: 0.2 } } } },
      }),
    });
    const r = await make().recognize('how much do I owe');
    assert.equal(r.intent, 'billing');
    assert.equal(r.score, 0.8);
  });

  it('5xx is an error with the status, and no response body in the message', async () => {
    stub.reply({ status: 503, body: '{"error":{"message":"echo: I need a refill"}}' });
    await assert.rejects(make().recognize('I need a refill'), (err: unknown) => isFailure('error')(err) && (err as CloudRecognizerError).status === 503 && !(err as Error).message.includes('refill'));
  });

  it('a body that is not JSON, or not the expected shape, is malformed', async () => {
    stub.reply({ status: 200, body: '<html>gateway</html>', contentType: 'text/html' });
    await assert.rejects(make().recognize('x'), isFailure('malformed'));
    stub.reply({ status: 200, body: JSON.stringify({ kind: 'ConversationResult', result: { prediction: { projectKind: 'Conversation', intents: [{ category: 'Billing', confidenceScore: 7 }] } } }) });
    await assert.rejects(make().recognize('x'), isFailure('malformed'));
    stub.reply({ status: 200, body: '{}' });
    await assert.rejects(make().recognize('x'), isFailure('malformed'));
  });

  it('aborts a hanging request through the signal, with the signal\'s reason', async () => {
    stub.reply('hang');
    const controller = new AbortController();
    const pending = make().recognize('x', { signal: controller.signal });
    const reason = new Error('deadline');
    setImmediate(() => controller.abort(reason));
    await assert.rejects(pending, (err: unknown) => err === reason);
  });

  it('a network failure is an error (injected fetch)', async () => {
    const fetchStub = sinon.stub().rejects(new TypeError('fetch failed'));
    const r = new CluRecognizer({
      settings: { endpoint: 'https://lang.example.invalid', apiKey: 'k', projectName: 'p', deploymentName: 'd', apiVersion: '2023-04-01' },
      intentMap: new CloudIntentMap(),
      fetch: fetchStub as unknown as typeof fetch,
    });
    await assert.rejects(r.recognize('x'), isFailure('error'));
    assert.equal(fetchStub.callCount, 1);
  });
});

describe('LuisRecognizer (SDK against loopback HTTP)', () => {
  let stub: HttpStub;
  let base: string;
  const make = () => new LuisRecognizer({ settings: { endpoint: base, appId: '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d', apiKey: 'luis-key', slot: 'production' }, intentMap: loadCloudIntentMap() });

  beforeEach(async () => {
    stub = new HttpStub();
    base = await stub.start();
  });
  afterEach(() => stub.close());

  it('calls the v3 slot prediction endpoint and maps the answer', async () => {
    stub.reply({ status: 200, body: luisOk });
    const r = await make().recognize('forgot my password', { locale: 'en' });
    assert.equal(r.intent, 'password_reset');
    assert.equal(r.score, 0.88);
    assert.deepEqual(r.runnerUp, { intent: 'billing', score: 0.02 });
    assert.equal(r.source, 'luis');
    const req = stub.requests[0]!;
    assert.match(req.url, /^\/luis\/prediction\/v3\.0\/apps\/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d\/slots\/production\/predict\?/);
    assert.match(req.url, /show-all-intents=true/);
    assert.equal(req.headers['ocp-apim-subscription-key'], 'luis-key');
    assert.equal(JSON.parse(req.body).query, 'forgot my password');
  });

  it('5xx is an error and is not retried (the caller\'s timeout decides)', async () => {
    stub.reply({ status: 500, body: '{"error":{"code":"x","message":"boom"}}' }, { status: 200, body: luisOk });
    await assert.rejects(make().recognize('x'), (err: unknown) => isFailure('error')(err) && (err as CloudRecognizerError).status === 500);
    assert.equal(stub.requests.length, 1);
  });

  it('a malformed body is malformed', async () => {
    stub.reply({ status: 200, body: JSON.stringify({ query: 'x', prediction: { topIntent: 'A' } }) });
    await assert.rejects(make().recognize('x'), isFailure('malformed'));
    stub.reply({ status: 200, body: 'not json at all' });
    await assert.rejects(make().recognize('x'), (err: unknown) => err instanceof CloudRecognizerError);
  });

  it('aborts a hanging request through the signal', async () => {
    stub.reply('hang');
    const controller = new AbortController();
    const reason = new Error('deadline');
    const pending = make().recognize('x', { signal: controller.signal });
    setImmediate(() => controller.abort(reason));
    await assert.rejects(pending, (err: unknown) => err === reason);
  });
});
