import { HttpHeaders } from '@azure/ms-rest-js';
import { ConnectorClient, ConnectorFactory, MicrosoftAppCredentials, type ConnectorClientOptions } from 'botframework-connector';
import type { ActivityJson } from './store';

/**
 * Where the bot's outgoing activities go: botbuilder's own ConnectorClient (so the activities
 * are serialized exactly as they would be for Azure's Bot Connector), with an HTTP client that
 * hands each request to the local channel instead of the network — the way botbuilder's
 * StreamingConnectorFactory does for Direct Line App Service Extension.
 */

export interface BotOutbox {
  /** Stores / streams one activity from the bot; resolves with its id. */
  fromBot(conversationId: string, activity: ActivityJson): Promise<string>;
}

export class OutboxError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'OutboxError';
  }
}

/** The parts of a request the connector sends that we read. */
interface ConnectorRequest {
  url: string;
  method: string;
  body?: unknown;
}

type ConnectorHttpClient = NonNullable<ConnectorClientOptions['httpClient']>;

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

class InProcessHttpClient {
  constructor(private readonly outbox: BotOutbox) {}

  async sendRequest(request: ConnectorRequest) {
    const respond = (status: number, body: unknown) => ({
      request,
      status,
      headers: new HttpHeaders({ 'content-type': 'application/json' }),
      bodyAsText: JSON.stringify(body),
    });
    const match = ACTIVITIES.exec(new URL(request.url).pathname);
    // sendToConversation and replyToActivity; the assistant does not update or delete activities.
    if (!match || request.method.toUpperCase() !== 'POST') {
      return respond(405, { error: { code: 'NotSupported', message: 'The local Direct Line channel accepts new activities only.' } });
    }
    try {
      const activity = JSON.parse(typeof request.body === 'string' ? request.body : '{}') as ActivityJson;
      const id = await this.outbox.fromBot(decodeURIComponent(match[1]!), activity);
      return respond(200, { id });
    } catch (err) {
      const status = err instanceof OutboxError ? err.status : 500;
      return respond(status, { error: { code: 'ChannelError', message: err instanceof OutboxError ? err.message : 'delivery failed' } });
    }
  }
}

export class InProcessConnectorFactory extends ConnectorFactory {
  private readonly httpClient: InProcessHttpClient;

  constructor(outbox: BotOutbox) {
    super();
    this.httpClient = new InProcessHttpClient(outbox);
  }

  override async create(serviceUrl: string): Promise<ConnectorClient> {
    return new ConnectorClient(MicrosoftAppCredentials.Empty, {
      baseUri: serviceUrl,
      // One cast at the seam: our client implements the sendRequest the connector calls.
      httpClient: this.httpClient as unknown as ConnectorHttpClient,
    });
  }
}
