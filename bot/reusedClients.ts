import {
  BotFrameworkAuthentication,
  ConnectorFactory,
  JwtTokenValidation,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { LruCache } from '../common/lru';

/**
 * botbuilder builds a new ConnectorClient (an HTTP pipeline with its credential, retry, proxy and
 * user-agent policies) and a new UserTokenClient for every turn, through factories it also builds
 * per turn. Both clients hold only configuration (app id, service URL, audience, credentials with
 * their token cache), no per-request state, so this reuses them per (app id, service URL,
 * audience) and per app id. Authentication itself is untouched: every request is still checked.
 */
export class ReusedClientsAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = new LruCache<string, Promise<ConnectorClient>>(256);
  private readonly userTokenClients = new LruCache<string, Promise<UserTokenClient>>(64);

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.inner.authenticateRequest(activity, authHeader);
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity) };
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = appIdOf(claimsIdentity);
    let client = this.userTokenClients.get(key);
    if (!client) {
      client = this.inner.createUserTokenClient(claimsIdentity);
      client.catch(() => this.userTokenClients.delete(key));
      this.userTokenClients.set(key, client);
    }
    return client;
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(factory, appIdOf(claimsIdentity), this.connectors);
  }
}

/**
 * The turn's connector factory, answering from the shared clients. One class for every turn (a
 * class expression in `reusing` made a new class, prototype and methods on every turn).
 */
class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly factory: ConnectorFactory,
    private readonly appId: string,
    private readonly connectors: LruCache<string, Promise<ConnectorClient>>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = `${this.appId}\u0000${serviceUrl}\u0000${audience ?? ''}`;
    let client = this.connectors.get(key);
    if (!client) {
      client = this.factory.create(serviceUrl, audience);
      // A failed creation is not remembered.
      client.catch(() => this.connectors.delete(key));
      this.connectors.set(key, client);
    }
    return client;
  }
}

function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return JwtTokenValidation.getAppIdFromClaims(claimsIdentity?.claims ?? []) ?? '';
}
