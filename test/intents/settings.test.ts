import assert from 'node:assert/strict';
import { z } from 'zod';
import { settingDocOf } from '../../common/settingDoc';
import { checkNluEnv, nluEnvSchema, nluEnvShape, toNluSettings } from '../../intents';

describe('nluEnvSchema', () => {
  it('defaults to the local provider with documented defaults', () => {
    const env = nluEnvSchema.parse({});
    assert.equal(env.NLU_PROVIDER, 'local');
    assert.equal(env.NLU_CLOUD_TIMEOUT_MS, 1500);
    assert.equal(env.NLU_CLOUD_MIN_CONFIDENCE, 0.5);
    assert.equal(env.CLU_API_VERSION, '2023-04-01');
    assert.equal(env.LUIS_SLOT, 'production');
    assert.equal(env.NLU_CONFIDENCE_THRESHOLD, undefined);
    assert.deepEqual(toNluSettings(env), { provider: 'local', cloudTimeoutMs: 1500, cloudMinConfidence: 0.5 });
  });

  it('treats empty strings as unset', () => {
    const env = nluEnvSchema.parse({ NLU_PROVIDER: '', NLU_CLOUD_TIMEOUT_MS: '', CLU_API_KEY: '  ', NLU_CONFIDENCE_THRESHOLD: '' });
    assert.equal(env.NLU_PROVIDER, 'local');
    assert.equal(env.NLU_CLOUD_TIMEOUT_MS, 1500);
    assert.equal(env.CLU_API_KEY, undefined);
  });

  it('parses numbers and provider names', () => {
    const env = nluEnvSchema.parse({ NLU_PROVIDER: 'Local', NLU_CLOUD_TIMEOUT_MS: '800', NLU_CONFIDENCE_THRESHOLD: '0.6' });
    assert.equal(env.NLU_CLOUD_TIMEOUT_MS, 800);
    assert.equal(toNluSettings(env).confidenceThreshold, 0.6);
  });

  it('names every missing CLU setting when NLU_PROVIDER=clu', () => {
    const r = nluEnvSchema.safeParse({ NLU_PROVIDER: 'clu', CLU_ENDPOINT: 'https://lang.example.com/' });
    assert.equal(r.success, false);
    const messages = r.error!.issues.map((i) => i.message);
    assert.deepEqual(messages, [
      'CLU_API_KEY is required when NLU_PROVIDER=clu',
      'CLU_PROJECT_NAME is required when NLU_PROVIDER=clu',
      'CLU_DEPLOYMENT_NAME is required when NLU_PROVIDER=clu',
    ]);
  });

  it('builds CLU and LUIS settings, trimming a trailing slash', () => {
    const clu = toNluSettings(
      nluEnvSchema.parse({ NLU_PROVIDER: 'clu', CLU_ENDPOINT: 'https://lang.example.com/', CLU_API_KEY: 'k', CLU_PROJECT_NAME: 'p', CLU_DEPLOYMENT_NAME: 'd' }),
    );
    assert.deepEqual(clu.clu, { endpoint: 'https://lang.example.com', apiKey: 'k', projectName: 'p', deploymentName: 'd', apiVersion: '2023-04-01' });
    const luis = toNluSettings(nluEnvSchema.parse({ NLU_PROVIDER: 'luis', LUIS_ENDPOINT: 'https://westus.example.com', LUIS_APP_ID: '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d', LUIS_API_KEY: 'k' }));
    assert.deepEqual(luis.luis, { endpoint: 'https://westus.example.com', appId: '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d', apiKey: 'k', slot: 'production' });
  });

  it('rejects bad values with the variable name in the path', () => {
    const r = nluEnvSchema.safeParse({ NLU_PROVIDER: 'watson', NLU_CLOUD_TIMEOUT_MS: 'soon', NLU_CONFIDENCE_THRESHOLD: '2', CLU_ENDPOINT: 'not a url', LUIS_APP_ID: 'my-app' });
    assert.equal(r.success, false);
    const paths = r.error!.issues.map((i) => i.path[0]).sort();
    assert.deepEqual(paths, ['CLU_ENDPOINT', 'LUIS_APP_ID', 'NLU_CLOUD_TIMEOUT_MS', 'NLU_CONFIDENCE_THRESHOLD', 'NLU_PROVIDER']);
  });

  it('can be merged into a larger env schema with the same checks', () => {
    const merged = z.object({ PORT: z.coerce.number().default(3978), ...nluEnvShape }).superRefine(checkNluEnv);
    assert.equal(merged.parse({}).PORT, 3978);
    assert.equal(merged.safeParse({ NLU_PROVIDER: 'luis' }).success, false);
  });

  it('documents every variable on its schema, secrets marked', () => {
    const docs = Object.entries(nluEnvShape).map(([name, schema]) => ({ name, ...settingDocOf(name, schema) }));
    assert.deepEqual(
      docs.filter((d) => d.secret).map((d) => d.name),
      ['CLU_API_KEY', 'LUIS_API_KEY'],
    );
  });
});
