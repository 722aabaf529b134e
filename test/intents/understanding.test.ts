import assert from 'node:assert/strict';
import fc from 'fast-check';
import sinon from 'sinon';
import { createUnderstanding, INTENT_IDS, type IntentResult, type RecognizeOptions, type Recognizer } from '../../intents';
import type { LocalRecognizer } from '../../intents/local/local-recognizer';
import type { TriageResult } from '../../intents/types';
import { CloudRecognizerError } from '../../intents/cloud/errors';
import { NluPipeline, applyThreshold, type Clock, type NluObserver, type PipelineDeps } from '../../intents/understanding';
import { capturingLogger, sharedDetector, sharedModel, silentLogger } from './support/fixtures';

/** A clock whose timers fire only when the test says so. */
class ManualClock implements Clock {
  readonly timers: Array<{ callback: () => void; ms: number }> = [];
  setTimeout(callback: () => void, ms: number): unknown {
    const t = { callback, ms };
    this.timers.push(t);
    return t;
  }
  clearTimeout(handle: unknown): void {
    const i = this.timers.indexOf(handle as { callback: () => void; ms: number });
    if (i >= 0) this.timers.splice(i, 1);
  }
  now(): number {
    return 0;
  }
  fireAll(): void {
    for (const t of this.timers.splice(0)) t.callback();
  }
}

type FakeCloud = Recognizer & { readonly name: 'clu' | 'luis'; recognize: sinon.SinonStub<[string, RecognizeOptions?], Promise<IntentResult>> };

function fakeCloud(name: 'clu' | 'luis' = 'clu'): FakeCloud {
  return { name, recognize: sinon.stub<[string, RecognizeOptions?], Promise<IntentResult>>() } as FakeCloud;
}

const cloudAnswer = (intent: IntentResult['intent'], score: number): IntentResult => ({
  intent,
  score,
  kind: null,
  locale: 'en',
  runnerUp: { intent: 'refill', score: 0.05 },
  source: 'clu',
});

function pipeline(overrides: Partial<PipelineDeps> = {}): NluPipeline {
  const { recognizer, resources } = sharedModel();
  return new NluPipeline({
    detector: sharedDetector(),
    local: recognizer,
    localeOf: (t, h) => resources.localeDetector.detect(t, h),
    logger: silentLogger(),
    threshold: 0.55,
    cloudTimeoutMs: 1500,
    cloudMinConfidence: 0.5,
    ...overrides,
  });
}

describe('Understanding pipeline', () => {
  it('runs the emergency detector first: no cloud call, no redaction, score 1', async () => {
    const cloud = fakeCloud();
    const redact = sinon.spy((t: string) => t);
    const observer = { recognized: sinon.spy() };
    const r = await pipeline({ cloud, redactForCloud: redact, observer }).understand("my dad can't breathe");
    assert.deepEqual(r, { intent: 'emergency', score: 1, kind: 'medical', locale: 'en', runnerUp: null, source: 'emergency-detector' });
    assert.equal(cloud.recognize.callCount, 0);
    assert.equal(redact.callCount, 0);
    assert.ok(observer.recognized.calledOnceWith(r));
  });

  it('emergency locale follows the message, or the conversation for "911"', async () => {
    assert.equal((await pipeline().understand('no puedo respirar')).locale, 'es');
    const r = await pipeline().understand('911', { locale: 'es' });
    assert.equal(r.intent, 'emergency');
    assert.equal(r.locale, 'es');
  });

  it('uses a confident cloud answer, sending only redacted text', async () => {
    const cloud = fakeCloud();
    cloud.recognize.resolves(cloudAnswer('billing', 0.9));
    const r = await pipeline({ cloud, redactForCloud: (t) => t.replace(/\d{6,}/g, '[ID]') }).understand('bill for member 12345678', { locale: 'en' });
    assert.equal(r.source, 'clu');
    assert.equal(r.intent, 'billing');
    assert.equal(cloud.recognize.firstCall.args[0], 'bill for member [ID]');
    assert.equal(cloud.recognize.firstCall.args[1]?.locale, 'en');
    assert.ok(cloud.recognize.firstCall.args[1]?.signal instanceof AbortSignal);
  });

  const fallbackCases: Array<[string, (c: FakeCloud) => void, string]> = [
    ['error', (c) => c.recognize.rejects(new CloudRecognizerError('error', 'CLU answered HTTP 503', 503)), 'error'],
    ['malformed', (c) => c.recognize.rejects(new CloudRecognizerError('malformed', 'bad shape')), 'malformed'],
    ['unexpected exception', (c) => c.recognize.rejects(new TypeError('boom')), 'error'],
    ['low confidence', (c) => c.recognize.resolves(cloudAnswer('billing', 0.2)), 'low_confidence'],
  ];
  for (const [name, arrange, reason] of fallbackCases) {
    it(`falls back to the local model on ${name}, silently for the member`, async () => {
      const cloud = fakeCloud('luis');
      arrange(cloud);
      const observer: NluObserver = { fallback: sinon.spy(), recognized: sinon.spy() };
      const r = await pipeline({ cloud, observer }).understand('I need a refill on my inhaler');
      assert.equal(r.source, 'local');
      assert.equal(r.intent, 'refill');
      assert.ok((observer.fallback as sinon.SinonSpy).calledOnceWith('luis', reason));
    });
  }

  it('times out a hanging cloud call with the injected clock and falls back', async () => {
    const cloud = fakeCloud();
    let signal: AbortSignal | undefined;
    cloud.recognize.callsFake((_t, o) => {
      signal = o?.signal;
      return new Promise<IntentResult>(() => undefined);
    });
    const clock = new ManualClock();
    const observer: NluObserver = { fallback: sinon.spy() };
    const pending = pipeline({ cloud, clock, observer }).understand('I forgot my password');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(clock.timers.length, 1);
    assert.equal(clock.timers[0]!.ms, 1500);
    clock.fireAll();
    const r = await pending;
    assert.equal(r.source, 'local');
    assert.equal(r.intent, 'password_reset');
    assert.ok((observer.fallback as sinon.SinonSpy).calledOnceWith('clu', 'timeout'));
    assert.equal(signal?.aborted, true, 'the cloud request is aborted');
  });

  it('clears the timer when the cloud answers in time (system clock under sinon fake timers)', async () => {
    const timers = sinon.useFakeTimers();
    try {
      const cloud = fakeCloud();
      cloud.recognize.callsFake(() => new Promise((resolve) => setTimeout(() => resolve(cloudAnswer('records', 0.95)), 1000)));
      const pending = pipeline({ cloud, cloudTimeoutMs: 1500 }).understand('lab results');
      await timers.tickAsync(1000);
      const r = await pending;
      assert.equal(r.source, 'clu');
      assert.equal(timers.countTimers(), 0);
      cloud.recognize.callsFake(() => new Promise((resolve) => setTimeout(() => resolve(cloudAnswer('records', 0.95)), 5000)));
      const slow = pipeline({ cloud, cloudTimeoutMs: 1500 }).understand('are my lab results back');
      await timers.tickAsync(1500);
      assert.equal((await slow).source, 'local');
    } finally {
      timers.restore();
    }
  });

  it('a redactor that throws means no cloud call, and a local answer', async () => {
    const cloud = fakeCloud();
    const observer: NluObserver = { fallback: sinon.spy() };
    const r = await pipeline({
      cloud,
      observer,
      redactForCloud: () => {
        throw new Error('redactor down');
      },
    }).understand('refill my meds');
    assert.equal(cloud.recognize.callCount, 0);
    assert.equal(r.source, 'local');
    assert.ok((observer.fallback as sinon.SinonSpy).calledOnceWith('clu', 'error'));
  });

  it('applies the threshold, keeping the rejected intent as runner-up', () => {
    const r = applyThreshold({ intent: 'billing', score: 0.4, kind: null, locale: 'en', runnerUp: { intent: 'refill', score: 0.3 }, source: 'local' }, 0.55);
    assert.equal(r.intent, 'none');
    assert.ok(Math.abs(r.score - 0.6) < 1e-12);
    assert.deepEqual(r.runnerUp, { intent: 'billing', score: 0.4 });
    const kept = applyThreshold({ intent: 'billing', score: 0.7, kind: null, locale: 'en', runnerUp: null, source: 'clu' }, 0.55);
    assert.equal(kept.intent, 'billing');
  });

  it('thresholds cloud answers too', async () => {
    const cloud = fakeCloud();
    cloud.recognize.resolves(cloudAnswer('billing', 0.6));
    const r = await pipeline({ cloud, threshold: 0.8 }).understand('something about money');
    assert.equal(r.intent, 'none');
    assert.deepEqual(r.runnerUp, { intent: 'billing', score: 0.6 });
  });

  it('never logs member text or keys', async () => {
    const { logger, lines } = capturingLogger();
    const cloud = fakeCloud();
    cloud.recognize.onFirstCall().rejects(new CloudRecognizerError('error', 'CLU answered HTTP 500', 500));
    cloud.recognize.onSecondCall().resolves(cloudAnswer('refill', 0.2));
    const p = pipeline({ cloud, logger });
    const secrets = ['Jane Doe prescription 4411', 'Josefina Quintanilla cannot breathe', 'Zanzibar unusual questions'];
    for (const s of secrets) await p.understand(s);
    assert.ok(lines.length >= 3);
    const all = lines.join('\n');
    for (const s of secrets) for (const word of s.split(' ').filter((w) => w.length > 3)) assert.ok(!all.includes(word), `log contains "${word}"`);
    assert.match(all, /"length":/);
  });

  it('never throws: empty, huge, emoji, control characters, non-strings', async () => {
    const p = pipeline();
    for (const input of ['', '   ', '😀'.repeat(1000), '\u0000\u0008\u001b', 'a'.repeat(100_000), 'refill '.repeat(20_000)]) {
      const r = await p.understand(input);
      assert.ok(INTENT_IDS.includes(r.intent));
      assert.ok(r.score >= 0 && r.score <= 1);
    }
    assert.equal((await p.understand(undefined as unknown as string)).intent, 'none');
    assert.equal((await p.understand(42 as unknown as string)).intent, 'none');
    const empty = await p.understand('');
    assert.deepEqual(empty, { intent: 'none', score: 1, kind: null, locale: 'en', runnerUp: null, source: 'local' });
  });

  it('property: any string yields a well-formed result', async () => {
    const p = pipeline();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (s) => {
        const r = await p.understand(s);
        return (
          INTENT_IDS.includes(r.intent) &&
          r.score >= 0 &&
          r.score <= 1 &&
          (r.kind === null) === (r.intent !== 'emergency') &&
          (r.locale === 'en' || r.locale === 'es') &&
          (r.runnerUp === null || r.runnerUp.intent !== 'none')
        );
      }),
      { numRuns: 200 },
    );
  });

  describe('createUnderstanding', () => {
    it('builds a local understanding from settings', async () => {
      const u = await createUnderstanding({ provider: 'local', cloudTimeoutMs: 1500, cloudMinConfidence: 0.5 }, { logger: silentLogger() });
      assert.equal((await u.understand('necesito resurtir mi receta')).intent, 'refill');
      assert.equal((await u.understand('kms')).kind, 'crisis');
    });

    it('wires CLU with the injected fetch and falls back when it fails', async () => {
      const fetchStub = sinon.stub();
      fetchStub.onFirstCall().resolves(
        new Response(JSON.stringify({ kind: 'ConversationResult', result: { prediction: { projectKind: 'Conversation', intents: [{ category: 'Billing', confidenceScore: 0.97 }] } } }), { status: 200 }),
      );
      fetchStub.onSecondCall().resolves(new Response('oops', { status: 502 }));
      const observer: NluObserver = { fallback: sinon.spy() };
      const u = await createUnderstanding(
        {
          provider: 'clu',
          cloudTimeoutMs: 1500,
          cloudMinConfidence: 0.5,
          clu: { endpoint: 'https://lang.example.invalid', apiKey: 'k', projectName: 'p', deploymentName: 'd', apiVersion: '2023-04-01' },
        },
        { logger: silentLogger(), fetch: fetchStub as unknown as typeof fetch, observer },
      );
      const first = await u.understand('what do I owe');
      assert.deepEqual([first.source, first.intent], ['clu', 'billing']);
      const second = await u.understand('I need a refill on my inhaler');
      assert.deepEqual([second.source, second.intent], ['local', 'refill']);
      assert.ok((observer.fallback as sinon.SinonSpy).calledOnceWith('clu', 'error'));
      await u.understand('I want to kill myself');
      assert.equal(fetchStub.callCount, 2, 'an emergency never reaches the cloud');
    });

    it('refuses a cloud provider without its settings', async () => {
      await assert.rejects(createUnderstanding({ provider: 'luis', cloudTimeoutMs: 1500, cloudMinConfidence: 0.5 }, { logger: silentLogger() }), /LUIS_/);
    });
  });
});

describe('Understanding pipeline: a portal task against mental health or symptoms (issue 19)', () => {
  const answer = (intent: IntentResult['intent'], score: number): IntentResult => ({ intent, score, kind: null, locale: 'es', runnerUp: null, source: 'local' });
  const withTriage = (result: TriageResult, local: IntentResult): NluPipeline =>
    pipeline({ triage: { triage: () => result }, local: { recognizeSync: () => local } as unknown as LocalRecognizer });
  const mh: TriageResult = { match: { intent: 'mental_health', kind: null, locale: 'es', score: 0.74, rule: 'model:mental_health:k:mood' }, safety: null };

  it('a task the recognizer is sure of wins over mental health only when the member wrote a task word', async () => {
    // "estoy en recuperación y tengo miedo de recaer" is not account recovery.
    assert.equal((await withTriage(mh, answer('password_reset', 0.97)).understand('estoy en recuperacion y tengo miedo de recaer')).intent, 'mental_health');
    const task = await withTriage({ ...mh, taskWord: true }, answer('refill', 0.97)).understand('necesito mi receta de sertralina');
    assert.equal(task.intent, 'refill');
    assert.equal(task.safety?.level, 'signal', 'the task answer carries the safety line');
  });

  it('a signal that leans to mental health is answered as mental health, not as small talk, none or an unsure task', async () => {
    const leaning: TriageResult = { match: null, safety: { level: 'signal', rule: 'concept:grief', leaning: { intent: 'mental_health', score: 0.3 } } };
    for (const local of [answer('thanks', 0.95), answer('goodbye', 0.9), answer('none', 0.9), answer('billing', 0.8), answer('password_reset', 0.97)]) {
      const r = await withTriage(leaning, local).understand('mi esposo fallecio en marzo y no lo estoy llevando bien');
      assert.equal(r.intent, 'mental_health', `${local.intent} ${local.score}`);
      assert.equal(r.source, 'triage');
    }
  });

  it('a leaning signal still lets the member ask for a person, for help, or for a task named with a task word', async () => {
    const leaning: TriageResult = { match: null, safety: { level: 'signal', rule: 'concept:mood', leaning: { intent: 'symptoms', score: 0.3 } } };
    assert.equal((await withTriage(leaning, answer('agent', 0.8)).understand('talk to a person, I feel awful')).intent, 'agent');
    assert.equal((await withTriage(leaning, answer('help', 0.8)).understand('what can you do, my head hurts')).intent, 'help');
    const task = await withTriage({ ...leaning, taskWord: true }, answer('billing', 0.95)).understand('why was I charged for the visit about my headache');
    assert.equal(task.intent, 'billing');
    assert.equal(task.safety?.leaning?.intent, 'symptoms');
  });
});
