import assert from 'node:assert/strict';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../bot/config';

function problem(env: Record<string, string>): string {
  try {
    loadConfig(env, '/srv/app');
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected ConfigError, got ${String(err)}`);
    assert.ok(!err.message.includes('\n'), 'the message is one line');
    return err.message;
  }
  assert.fail('expected a configuration error');
}

describe('configuration', () => {
  it('runs on embedded defaults with no settings at all', () => {
    const config = loadConfig({}, '/srv/app');
    assert.equal(config.env, 'development');
    assert.equal(config.server.port, 3978);
    assert.equal(config.server.maxBodyBytes, 256 * 1024);
    assert.equal(config.dataDir, path.resolve('/srv/app', '.data'));
    assert.equal(config.auth.enabled, false);
    assert.equal(config.server.host, '127.0.0.1', 'an unauthenticated bot listens on loopback only');
  });

  it('treats empty values (NAME= copied from .env.example) as unset', () => {
    const config = loadConfig({ PORT: '', MicrosoftAppId: '', MicrosoftAppPassword: ' ', LOG_LEVEL: '' }, '/srv/app');
    assert.equal(config.server.port, 3978);
    assert.equal(config.auth.enabled, false);
  });

  it('names the setting and what is expected for a bad number', () => {
    const message = problem({ PORT: 'abc' });
    assert.match(message, /^Configuration error: PORT expected a whole number from 0 to 65535 \(got "abc"\)/);
    assert.match(problem({ MAX_BODY_BYTES: '10' }), /MAX_BODY_BYTES expected a whole number from 1024 to/);
    assert.match(problem({ PORT: '3978.5' }), /PORT expected a whole number/);
  });

  it('names the allowed values for a bad choice', () => {
    assert.match(problem({ LOG_LEVEL: 'loud' }), /LOG_LEVEL expected one of fatal, error, warn, info, debug, trace, silent \(got "loud"\)/);
    assert.match(problem({ NODE_ENV: 'prod' }), /NODE_ENV expected one of development, production, test/);
  });

  it('reports every bad setting at once, on one line', () => {
    const message = problem({ PORT: '-1', LOG_LEVEL: 'x' });
    assert.match(message, /PORT .*; LOG_LEVEL /);
  });

  it('turns authentication on with an app id and password, and listens on all interfaces', () => {
    const config = loadConfig({ MicrosoftAppId: 'app-1', MicrosoftAppPassword: 's3cret' }, '/srv/app');
    assert.equal(config.auth.enabled, true);
    assert.equal(config.auth.botFramework.MicrosoftAppId, 'app-1');
    assert.equal(config.server.host, '0.0.0.0');
  });

  it('requires the password for a MultiTenant or SingleTenant app, and never echoes it', () => {
    assert.match(problem({ MicrosoftAppId: 'app-1' }), /MicrosoftAppPassword required when MicrosoftAppId is set and MicrosoftAppType is MultiTenant/);
    const message = problem({ MicrosoftAppPassword: 'hunter2-secret' });
    assert.match(message, /MicrosoftAppId required when MicrosoftAppPassword is set/);
    assert.ok(!message.includes('hunter2-secret'));
  });

  it('requires a tenant for SingleTenant and managed identity, and no secret for managed identity', () => {
    assert.match(
      problem({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }),
      /MicrosoftAppTenantId required when MicrosoftAppType is SingleTenant/,
    );
    assert.match(problem({ MicrosoftAppId: 'a', MicrosoftAppType: 'UserAssignedMSI' }), /MicrosoftAppTenantId required/);
    const message = problem({ MicrosoftAppId: 'a', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't', MicrosoftAppPassword: 'zzz-secret' });
    assert.match(message, /MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI/);
    assert.ok(!message.includes('zzz-secret'));
    const msi = loadConfig({ MicrosoftAppId: 'a', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' });
    assert.equal(msi.auth.enabled, true);
  });

  it('rejects a metadata URL that is not http(s)', () => {
    assert.match(problem({ ToBotFromChannelOpenIdMetadataUrl: 'ftp://x/y' }), /ToBotFromChannelOpenIdMetadataUrl expected an http\(s\) URL/);
  });

  describe('chat widget / Direct Line', () => {
    it('defaults to the local channel with 30-minute tokens', () => {
      const { directLine } = loadConfig({}, '/srv/app');
      assert.equal(directLine.mode, 'local');
      assert.equal(directLine.tokenSecret, undefined, 'a random key per start in development');
      assert.equal(directLine.tokenTtlSeconds, 1800);
      assert.equal(directLine.tokensPerMinute, 30);
      assert.equal(directLine.azure.endpoint, 'https://directline.botframework.com/v3/directline');
    });

    it('requires a token signing key in production with the local channel, and never echoes it', () => {
      assert.match(problem({ NODE_ENV: 'production' }), /DIRECTLINE_TOKEN_SECRET required when NODE_ENV is production and DIRECTLINE_MODE is local/);
      const key = 'k'.repeat(40);
      assert.equal(loadConfig({ NODE_ENV: 'production', DIRECTLINE_TOKEN_SECRET: key }).directLine.tokenSecret, key);
      assert.equal(loadConfig({ NODE_ENV: 'production', DIRECTLINE_MODE: 'off' }).directLine.mode, 'off');
      const message = problem({ DIRECTLINE_TOKEN_SECRET: 'short-but-secret' });
      assert.match(message, /DIRECTLINE_TOKEN_SECRET expected a random key of at least 32 characters/);
      assert.ok(!message.includes('short-but-secret'));
    });

    it('requires the Direct Line secret in azure mode, and never echoes it', () => {
      assert.match(problem({ DIRECTLINE_MODE: 'azure' }), /DIRECTLINE_SECRET required when DIRECTLINE_MODE is azure/);
      const config = loadConfig({ DIRECTLINE_MODE: 'azure', DIRECTLINE_SECRET: 's3cret', DIRECTLINE_ENDPOINT: 'https://europe.directline.botframework.com/v3/directline/' });
      assert.equal(config.directLine.azure.endpoint, 'https://europe.directline.botframework.com/v3/directline');
      assert.match(problem({ DIRECTLINE_MODE: 'cloud' }), /DIRECTLINE_MODE expected one of local, azure, off/);
    });

    it('checks the public URL and the numbers', () => {
      assert.match(problem({ DIRECTLINE_PUBLIC_URL: 'ftp://x' }), /DIRECTLINE_PUBLIC_URL expected the http\(s\) URL browsers reach the assistant at/);
      assert.equal(loadConfig({ DIRECTLINE_PUBLIC_URL: 'https://assistant.example.org/' }).directLine.publicUrl, 'https://assistant.example.org');
      assert.match(problem({ DIRECTLINE_TOKEN_TTL_SECONDS: '60' }), /DIRECTLINE_TOKEN_TTL_SECONDS expected a whole number from 1200 to 86400/);
    });
  });
});
