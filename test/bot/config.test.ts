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
});
