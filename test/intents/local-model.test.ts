import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOrTrainModel } from '../../intents/create-understanding';
import { loadModelConfig } from '../../intents/local/config';
import { FeatureExtractor } from '../../intents/local/features';
import { Gazetteer } from '../../intents/local/gazetteer';
import { decide } from '../../intents/local/local-recognizer';
import { LocalModel } from '../../intents/local/model';
import { loadTrainingSet, type TrainingExample } from '../../intents/training-data';
import { applyThreshold } from '../../intents/understanding';
import { capturingLogger, sharedModel } from './support/fixtures';

describe('local recognizer (natural-based model)', () => {
  const { recognizer, resources, model } = sharedModel();

  it('recognizes clear requests in both languages, with typos and shorthand', () => {
    const cases: Array<[string, string]> = [
      ['I need a refill on my inhaler', 'refill'],
      ['refil my perscription pls', 'refill'],
      ['how do I reset my password', 'password_reset'],
      ['why was I charged twice', 'billing'],
      ['are my lab results back', 'records'],
      ['the video visit link does not work', 'telehealth'],
      ['I want to book an appt for tmrw', 'appointment'],
      ['talk to a real person', 'agent'],
      ['necesito una cita con mi doctor', 'appointment'],
      ['olvide mi contrasena', 'password_reset'],
      ['quiero pagar mi factura', 'billing'],
    ];
    for (const [text, intent] of cases) assert.equal(recognizer.recognizeSync(text).intent, intent, text);
  });

  it('gives calibrated scores in [0, 1] that sum to 1 and a runner-up that is never none', () => {
    const { ranked } = model.predict('I have a question about my refill and my bill');
    const sum = ranked.reduce((s, r) => s + r.score, 0);
    assert.ok(Math.abs(sum - 1) < 1e-9);
    for (const r of ranked) assert.ok(r.score >= 0 && r.score <= 1);
    const result = recognizer.recognizeSync('I have a question about my refill and my bill');
    assert.ok(result.runnerUp && result.runnerUp.intent !== 'none');
    assert.ok(result.runnerUp.score <= result.score);
  });

  it('scores the best intent against none alone, so a message torn between two intents stays in scope', () => {
    const torn = decide([
      { intent: 'refill', score: 0.4 },
      { intent: 'contact', score: 0.35 },
      { intent: 'none', score: 0.1 },
      { intent: 'billing', score: 0.15 },
    ]);
    assert.equal(torn.intent, 'refill');
    assert.ok(Math.abs(torn.score - 0.4 / 0.5) < 1e-12);
    assert.equal(torn.runnerUp?.intent, 'contact');
    assert.ok(Math.abs(torn.runnerUp.score - 0.35 / 0.45) < 1e-12);

    const out = decide([
      { intent: 'none', score: 0.6 },
      { intent: 'billing', score: 0.3 },
      { intent: 'refill', score: 0.1 },
    ]);
    assert.equal(out.intent, 'none');
    assert.ok(Math.abs(out.score - 0.6 / 0.9) < 1e-12);
    assert.equal(out.runnerUp?.intent, 'billing');
    assert.ok(Math.abs(out.runnerUp.score - 0.3 / 0.9) < 1e-12);

    assert.deepEqual(decide([{ intent: 'none', score: 1 }, { intent: 'billing', score: 0 }]), { intent: 'none', score: 1, runnerUp: { intent: 'billing', score: 0 } });
  });

  it('answers none for out-of-scope text and for nothing it knows', () => {
    assert.equal(recognizer.recognizeSync("what's the weather in boston tomorrow").intent, 'none');
    const r = recognizer.recognizeSync('🙂🙂');
    assert.equal(r.intent, 'none');
    assert.equal(r.score, 1);
  });

  it('keeps a gazetteer word it never saw in training instead of "correcting" it (and its class)', () => {
    const gazetteer = new Gazetteer({ company: ['delta'] });
    const extractor = new FeatureExtractor(loadModelConfig().features, resources.shorthand, resources.localeDetector, gazetteer, ['delay', 'my', 'flight']);
    assert.deepEqual(extractor.tokens('my delta flight', 'en'), ['my', 'delta', 'flight']);
    assert.ok(extractor.extract('my delta flight', 'en').includes('g:company'));
    assert.deepEqual(extractor.tokens('my dleay', 'en'), ['my', 'delay'], 'other typos are still corrected');
  });

  it('with the tuned threshold, sends other companies and medical questions to none, and the plan\'s own requests to their intent', () => {
    const cases: Array<[string, string]> = [
      ['I forgot my netflix password', 'none'],
      ['I forgot my password', 'password_reset'],
      ['my chase card was declined', 'none'],
      ['pay my bill', 'billing'],
      ['what is a normal cholesterol level', 'none'],
      ['show me my cholesterol results', 'records'],
      ['olvidé mi contraseña de instagram', 'none'],
      ['olvidé mi contraseña', 'password_reset'],
    ];
    for (const [text, intent] of cases) assert.equal(applyThreshold(recognizer.recognizeSync(text), model.confidenceThreshold).intent, intent, text);
  });

  it('carries the locale, following the hint on ambiguous text', () => {
    assert.equal(recognizer.recognizeSync('necesito mi receta').locale, 'es');
    assert.equal(recognizer.recognizeSync('ok', { locale: 'es' }).locale, 'es');
    assert.equal(recognizer.recognizeSync('ok').locale, 'en');
  });

  describe('training and the model file', () => {
    // A small, fast subset keeps these tests well under the mocha timeout.
    let subset: TrainingExample[];
    before(() => {
      const all = loadTrainingSet();
      subset = all.filter((_, i) => i % 8 === 0);
    });

    it('training is deterministic (seeded)', function () {
      // Two trainings on an eighth of the data: a few seconds each on a busy 2-core machine.
      this.timeout(60_000);
      const config = loadModelConfig();
      const a = LocalModel.train(subset, resources, config, 'a'.repeat(64)).toFile();
      const b = LocalModel.train(subset, resources, config, 'a'.repeat(64)).toFile();
      assert.deepEqual(a.weights, b.weights);
      assert.equal(a.temperature, b.temperature);
    });

    it('a saved model predicts exactly like the trained one', function () {
      // One training on an eighth of the data: a few seconds on a busy 2-core machine.
      this.timeout(60_000);
      const trained = LocalModel.train(subset, resources, loadModelConfig(), 'b'.repeat(64));
      const reloaded = LocalModel.fromObject(JSON.parse(JSON.stringify(trained.toFile())), resources);
      for (const text of ['refill my meds', 'hola', 'I forgot my password', 'random words here']) {
        assert.deepEqual(reloaded.predict(text), trained.predict(text));
      }
    });

    it('uses a current model file, retrains when it is stale or broken (and says why)', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nlu-model-'));
      try {
        const file = path.join(dir, 'model.json');
        fs.writeFileSync(file, JSON.stringify(model.toFile()));
        const current = capturingLogger();
        assert.equal(loadOrTrainModel(file, resources, current.logger).origin, 'model-file');
        assert.equal(current.lines.length, 0);

        fs.writeFileSync(file, JSON.stringify({ ...model.toFile(), dataHash: '0'.repeat(64) }));
        const stale = capturingLogger();
        assert.equal(loadOrTrainModel(file, resources, stale.logger).origin, 'trained-at-start');
        assert.match(stale.lines.join(''), /"reason":"stale"/);

        fs.writeFileSync(file, '{"format":"something else"}');
        const broken = capturingLogger();
        assert.equal(loadOrTrainModel(file, resources, broken.logger).origin, 'trained-at-start');
        assert.match(broken.lines.join(''), /"reason":"invalid \(NluDataError\)"/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      // Two trainings of the whole intent model (cross-validated calibration included).
    }).timeout(240_000);
  });
});
