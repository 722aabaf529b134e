import assert from 'node:assert/strict';
import {
  BotFrameworkAuthentication,
  ClaimsIdentity,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { ReusedClientsAuthentication } from '../../bot/reusedClients';
import { LruCache } from '../../common/lru';

/** Counts how often botbuilder's factories would build a client. */
class CountingAuthentication extends BotFrameworkAuthentication {
  connectorsBuilt = 0;
  tokenClientsBuilt = 0;
  authentications = 0;
  failNext = false;

  async authenticateRequest(activity: Activity): Promise<AuthenticateRequestResult> {
    this.authentications++;
    const identity = new ClaimsIdentity([{ type: 'appid', value: String(activity.from?.id ?? '') }], true);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the connector factory below counts on this double
    const self = this;
    return {
      audience: 'aud',
      callerId: undefined,
      claimsIdentity: identity,
      connectorFactory: new (class extends ConnectorFactory {
        async create(serviceUrl: string): Promise<ConnectorClient> {
          self.connectorsBuilt++;
          if (self.failNext) {
            self.failNext = false;
            throw new Error('cannot build');
          }
          return { serviceUrl } as unknown as ConnectorClient;
        }
      })(),
    } as AuthenticateRequestResult;
  }
  authenticateStreamingRequest(): Promise<AuthenticateRequestResult> {
    throw new Error('not used');
  }
  createConnectorFactory(): ConnectorFactory {
    throw new Error('not used');
  }
  async createUserTokenClient(): Promise<UserTokenClient> {
    this.tokenClientsBuilt++;
    return {} as UserTokenClient;
  }
}

const activity = (appId: string) => ({ from: { id: appId } }) as unknown as Activity;

describe('reusing Bot Connector clients across turns', () => {
  it('authenticates every request but builds one connector per app, service URL and audience', async () => {
    const inner = new CountingAuthentication();
    const auth = new ReusedClientsAuthentication(inner);
    for (let i = 0; i < 5; i++) {
      const result = await auth.authenticateRequest(activity('app-1'), 'Bearer x');
      await result.connectorFactory!.create('https://smba.example/amer/', 'aud');
      await auth.createUserTokenClient(result.claimsIdentity);
    }
    assert.equal(inner.authentications, 5, 'every request is still authenticated');
    assert.equal(inner.connectorsBuilt, 1);
    assert.equal(inner.tokenClientsBuilt, 1);

    const other = await auth.authenticateRequest(activity('app-1'), 'Bearer x');
    await other.connectorFactory!.create('https://smba.example/emea/', 'aud');
    const otherApp = await auth.authenticateRequest(activity('app-2'), 'Bearer x');
    await otherApp.connectorFactory!.create('https://smba.example/amer/', 'aud');
    await auth.createUserTokenClient(otherApp.claimsIdentity);
    assert.equal(inner.connectorsBuilt, 3, 'another service URL or another app gets its own client');
    assert.equal(inner.tokenClientsBuilt, 2);
  });

  it('does not remember a client that could not be built', async () => {
    const inner = new CountingAuthentication();
    const auth = new ReusedClientsAuthentication(inner);
    inner.failNext = true;
    const first = await auth.authenticateRequest(activity('app-1'), '');
    await assert.rejects(first.connectorFactory!.create('https://smba.example/', 'aud'));
    await new Promise((resolve) => setImmediate(resolve));
    const second = await auth.authenticateRequest(activity('app-1'), '');
    assert.ok(await second.connectorFactory!.create('https://smba.example/', 'aud'));
    assert.equal(inner.connectorsBuilt, 2);
  });

  it('the LRU forgets the least recently used entry past its size', () => {
    const lru = new LruCache<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    assert.equal(lru.get('a'), 1);
    lru.set('c', 3);
    assert.equal(lru.get('b'), undefined);
    assert.equal(lru.get('a'), 1);
    assert.equal(lru.get('c'), 3);
    assert.equal(lru.size, 2);
  });
});
