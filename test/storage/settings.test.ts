import assert from 'node:assert/strict';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../bot/config';
import { AzureBlobStorage } from '../../storage/blobStorage';
import { AzureCosmosStorage, type CosmosContainerLike } from '../../storage/cosmosStorage';
import { createStorage } from '../../storage/factory';
import { FileStorage } from '../../storage/fileStorage';
import { JournalStorage } from '../../storage/journalStorage';
import { SplitStorage } from '../../storage/splitStorage';
import { LockedStorage } from '../../storage/lockedStorage';
import { isStorageConflict, StorageConflictError, StorageStartupError } from '../../storage/types';
import { silentLogger } from '../../common/logger';
import { AZURITE_ACCOUNT, startAzurite, type Azurite } from '../support/azurite';
import { LogCapture } from '../support/logs';

function problem(env: Record<string, string>): string {
  try {
    loadConfig(env, '/srv/app');
  } catch (err) {
    assert.ok(err instanceof ConfigError, String(err));
    assert.ok(!err.message.includes('\n'));
    return err.message;
  }
  assert.fail('expected a configuration error');
}

const deps = { logger: silentLogger(), idleMinutes: 60 };
const COSMOS_KEY = Buffer.from('not-a-real-key-'.repeat(4)).toString('base64');

describe('storage settings', () => {
  it('defaults to files under DATA_DIR, and to memory under NODE_ENV=test', () => {
    assert.deepEqual(loadConfig({}, '/srv/app').storage, { kind: 'file', dataDir: path.resolve('/srv/app', '.data') });
    // Production also needs the chat token signing key (or DIRECTLINE_MODE=azure / off).
    const production = { NODE_ENV: 'production', DIRECTLINE_TOKEN_SECRET: 'k'.repeat(40) };
    assert.deepEqual(loadConfig({ ...production, DATA_DIR: '/var/lib/assistant' }, '/srv/app').storage, {
      kind: 'file',
      dataDir: '/var/lib/assistant',
    });
    assert.deepEqual(loadConfig({ NODE_ENV: 'test' }, '/srv/app').storage, { kind: 'memory' });
    assert.equal(loadConfig({ NODE_ENV: 'test', STORAGE: 'file' }, '/srv/app').storage.kind, 'file');
  });

  it('refuses memory outside tests', () => {
    assert.match(problem({ STORAGE: 'memory' }), /STORAGE memory is for tests only \(NODE_ENV=test\)/);
    assert.match(problem({ STORAGE: 'memory', NODE_ENV: 'production' }), /STORAGE memory is for tests only/);
    assert.match(problem({ STORAGE: 'redis' }), /STORAGE expected one of file, blob, cosmos, memory \(got "redis"\)/);
  });

  it('blob needs a connection string, which is never echoed', () => {
    assert.match(problem({ STORAGE: 'blob' }), /AZURE_STORAGE_CONNECTION_STRING required when STORAGE is blob/);
    const config = loadConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }, '/srv/app');
    assert.deepEqual(config.storage, { kind: 'blob', connectionString: 'UseDevelopmentStorage=true', container: 'member-assistant-state' });
    const bad = problem({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: 'AccountKey=top-secret', AZURE_STORAGE_CONTAINER: 'Bad_Name' });
    assert.match(bad, /AZURE_STORAGE_CONTAINER expected a blob container name/);
    assert.ok(!bad.includes('top-secret'));
  });

  it('cosmos needs an endpoint and a key, and the key is never echoed', () => {
    const message = problem({ STORAGE: 'cosmos' });
    assert.match(message, /COSMOS_ENDPOINT required when STORAGE is cosmos; COSMOS_KEY required when STORAGE is cosmos/);
    assert.match(problem({ STORAGE: 'cosmos', COSMOS_ENDPOINT: 'not a url', COSMOS_KEY: 'k' }), /COSMOS_ENDPOINT expected the https URL/);
    assert.match(problem({ COSMOS_DATABASE: 'a/b', COSMOS_KEY: 'hush-hush' }), /COSMOS_DATABASE expected a database id/);
    assert.ok(!problem({ COSMOS_DATABASE: 'a/b', COSMOS_KEY: 'hush-hush' }).includes('hush-hush'));
    const config = loadConfig({ STORAGE: 'cosmos', COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/', COSMOS_KEY: 'k' }, '/srv/app');
    assert.deepEqual(config.storage, {
      kind: 'cosmos',
      endpoint: 'https://acct.documents.azure.com:443/',
      key: 'k',
      database: 'member-assistant',
      container: 'bot-state',
    });
  });

  it('CONVERSATION_IDLE_MINUTES: 60 by default, from 1 minute to a week', () => {
    assert.equal(loadConfig({}, '/srv/app').conversation.idleMinutes, 60);
    assert.equal(loadConfig({ CONVERSATION_IDLE_MINUTES: '15' }, '/srv/app').conversation.idleMinutes, 15);
    assert.match(problem({ CONVERSATION_IDLE_MINUTES: '0' }), /CONVERSATION_IDLE_MINUTES expected a whole number from 1 to 10080/);
  });

  it('the factory makes the configured store', () => {
    const file = createStorage({ kind: 'file', dataDir: '/tmp/x' }, deps);
    assert.ok(file instanceof SplitStorage, 'STORAGE=file: conversations in the journal, the rest one file per key');
    assert.ok(file.journal instanceof JournalStorage && file.files instanceof FileStorage);
    assert.equal(file.journal.dir, file.files.dir, 'both under DATA_DIR/state');
    assert.ok(createStorage({ kind: 'memory' }, deps) instanceof LockedStorage);
    const blob = createStorage({ kind: 'blob', connectionString: 'UseDevelopmentStorage=true', container: 'c' }, deps);
    assert.equal(blob.kind, 'blob');
    const cosmos = createStorage({ kind: 'cosmos', endpoint: 'https://acct.documents.azure.com/', key: COSMOS_KEY, database: 'd', container: 'c' }, deps);
    assert.ok(cosmos instanceof AzureCosmosStorage);
  });

  describe('Azure Blob Storage', function () {
    this.timeout(30_000);
    let azurite: Azurite;
    before(async () => {
      azurite = await startAzurite();
    });
    after(async () => azurite?.stop());

    it('a connection string the SDK cannot parse stops start-up without showing it', () => {
      assert.throws(
        () => new AzureBlobStorage('AccountKey=super-secret-value;Nonsense', 'c'),
        (err: unknown) => {
          assert.ok(err instanceof StorageStartupError);
          assert.match(err.message, /AZURE_STORAGE_CONNECTION_STRING is not a usable Azure Storage connection string/);
          assert.ok(!err.message.includes('super-secret-value'));
          return true;
        },
      );
    });

    it('a wrong account key stops start-up with one line naming the container, never the key', async () => {
      const wrongKey = Buffer.from('wrong-key-'.repeat(6)).toString('base64');
      const connection = `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${wrongKey};BlobEndpoint=${azurite.url}/${AZURITE_ACCOUNT};`;
      await assert.rejects(new AzureBlobStorage(connection, 'refused').ready(), (err: unknown) => {
        assert.ok(err instanceof StorageStartupError);
        assert.match(err.message, /^Azure Blob Storage container "refused" could not be reached or created \(403 AuthorizationFailure\)/);
        assert.ok(!err.message.includes(wrongKey) && !err.message.includes('\n'));
        return true;
      });
    });

    it('ready() creates the container', async () => {
      const storage = new AzureBlobStorage(azurite.connectionString, 'created-at-start');
      await storage.ready();
      await storage.put('k', { v: 1 }, null);
      assert.equal((await storage.read(['k'])).k.v, 1);
      await storage.close();
    });

    it('records that carry their own expiry are swept after it (the time is blob metadata); nothing else is', async () => {
      let now = Date.UTC(2025, 0, 6, 9, 0);
      const logs = new LogCapture();
      const storage = new AzureBlobStorage(azurite.connectionString, 'expiring', { logger: logs.logger, clock: () => now });
      await storage.ready();
      try {
        const used = 'expiring/one-time/directline-stream/abc';
        await storage.put(used, { owner: null, expiresAt: now + 360_000 }, null);
        await storage.put('expiring/one-time/directline-stream/no-time', { owner: null }, null);
        await storage.put('escalations/queue', { expiresAt: now }, null);
        await storage.write({ 'webchat/conversations/c1/': { v: 1 } });
        now += 359_999;
        assert.equal(await storage.sweep(), 0, 'never before its time');
        now += 1;
        assert.equal(await storage.sweep(), 1);
        const left = await storage.read([used, 'expiring/one-time/directline-stream/no-time', 'escalations/queue', 'webchat/conversations/c1/']);
        assert.deepEqual(Object.keys(left).sort(), ['escalations/queue', 'expiring/one-time/directline-stream/no-time', 'webchat/conversations/c1/']);
        await storage.put(used, { owner: null, expiresAt: now + 1 }, null); // create-only: the blob is really gone
        assert.ok(logs.entries.some((e) => e.msg === 'records past their own expiry removed' && e.removed === 1));
      } finally {
        await storage.close();
      }
    });
  });

  describe('Azure Cosmos DB (no emulator here: settings, errors and conditions with a stand-in container)', () => {
    const settings = { endpoint: 'https://127.0.0.1:9/', key: COSMOS_KEY, database: 'db', container: 'state' };

    it('passes the settings to botbuilder-azure', () => {
      const storage = new AzureCosmosStorage(settings);
      const options = (storage.cosmos as unknown as { cosmosDbStorageOptions: Record<string, unknown> }).cosmosDbStorageOptions;
      assert.equal(options.cosmosDbEndpoint, settings.endpoint);
      assert.equal(options.databaseId, 'db');
      assert.equal(options.containerId, 'state');
      assert.equal(options.compatibilityMode, true);
    });

    it('an account that cannot be reached stops start-up with one line, never the key', async () => {
      await assert.rejects(new AzureCosmosStorage(settings).ready(), (err: unknown) => {
        assert.ok(err instanceof StorageStartupError);
        assert.match(err.message, /^Cosmos DB database "db" \/ container "state" could not be reached or created \(ECONNREFUSED\)/);
        assert.ok(!err.message.includes(COSMOS_KEY));
        return true;
      });
    });

    it('put: create-only, replace with If-Match, upsert; 409 / 412 / a vanished document are conflicts', async () => {
      const calls: Array<[string, unknown, unknown?]> = [];
      let fail: { code: number } | undefined;
      const answer = async (what: string, body: unknown, options?: unknown) => {
        calls.push([what, body, options]);
        if (fail) throw Object.assign(new Error('cosmos says no'), fail);
        return { resource: { _etag: `"etag-${calls.length}"` } };
      };
      const container: CosmosContainerLike = {
        items: { create: (body) => answer('create', body), upsert: (body) => answer('upsert', body) },
        item: (id, partitionKey) => ({ replace: (body, options) => answer(`replace ${id} ${partitionKey}`, body, options) }),
        read: async () => ({ resource: { defaultTtl: -1 } }),
      };
      const storage = new AzureCosmosStorage(settings);
      (storage.cosmos as unknown as { container: CosmosContainerLike }).container = container;

      assert.equal(await storage.put('webchat/conversations/c1/', { v: 1, eTag: 'ignored' }, null), '"etag-1"');
      assert.deepEqual(calls[0], ['create', { id: 'webchat*2fconversations*2fc1*2f', realId: 'webchat/conversations/c1/', document: { v: 1 } }, undefined]);
      await storage.put('webchat/conversations/c1/', { v: 2 }, '"etag-1"');
      assert.equal(calls[1]![0], 'replace webchat*2fconversations*2fc1*2f webchat*2fconversations*2fc1*2f');
      assert.deepEqual(calls[1]![2], { accessCondition: { type: 'IfMatch', condition: '"etag-1"' } });
      await storage.put('k', { v: 3 }, '*');
      assert.equal(calls[2]![0], 'upsert');

      for (const [code, expected] of [[409, null], [412, '"old"'], [404, '"old"']] as const) {
        fail = { code };
        await assert.rejects(storage.put('k', { v: 4 }, expected), (err) => err instanceof StorageConflictError && isStorageConflict(err));
      }
      fail = { code: 503 };
      await assert.rejects(storage.put('k', { v: 5 }, null), /cosmos says no/);
    });

    it('a record that carries its own expiry gets a per-document ttl; start-up warns when the container\'s time to live is off', async () => {
      const now = Date.UTC(2025, 0, 6, 9, 0);
      const created: Array<Record<string, unknown>> = [];
      let defaultTtl: number | undefined;
      const container: CosmosContainerLike = {
        items: {
          create: async (body) => (created.push(body as Record<string, unknown>), { resource: { _etag: '"e"' } }),
          upsert: async () => ({ resource: { _etag: '"e"' } }),
        },
        item: () => ({ replace: async () => ({ resource: { _etag: '"e"' } }) }),
        read: async () => ({ resource: { ...(defaultTtl !== undefined ? { defaultTtl } : {}) } }),
      };
      const logs = new LogCapture();
      const storage = new AzureCosmosStorage(settings, { logger: logs.logger, clock: () => now });
      (storage.cosmos as unknown as { container: CosmosContainerLike }).container = container;

      await storage.put('expiring/one-time/portal-assertion/abc', { owner: null, expiresAt: now + 660_500 }, null);
      await storage.put('expiring/one-time/portal-assertion/no-time', { owner: null }, null);
      await storage.put('escalations/queue', { expiresAt: now + 1000 }, null);
      assert.equal(created[0]!.ttl, 661, 'seconds, rounded up: never removed before its time');
      assert.deepEqual(created[0]!.document, { owner: null, expiresAt: now + 660_500 });
      assert.ok(!('ttl' in created[1]!) && !('ttl' in created[2]!), 'only records under the prefix, with a time');

      await storage.ready();
      const warning = logs.entries.find((e) => /time to live off/.test(String(e.msg)));
      assert.ok(warning, 'warned');
      assert.ok(!logs.all.includes(COSMOS_KEY));
      defaultTtl = -1;
      const quiet = new LogCapture();
      const on = new AzureCosmosStorage(settings, { logger: quiet.logger });
      (on.cosmos as unknown as { container: CosmosContainerLike }).container = container;
      await on.ready();
      assert.equal(quiet.entries.length, 0);
    });
  });
});
