import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  type BotFrameworkAuthentication,
  type ClaimsIdentity,
  type ConnectorFactory,
} from 'botframework-connector';
import { currentCorrelationId, newCorrelationId, runWithCorrelationId } from '../common/correlation';

/** A channel hosted in this process (the local Direct Line channel): replies go to it directly. */
export interface InProcessChannel {
  /** The serviceUrl its activities carry; conversation references with it are routed here. */
  readonly serviceUrl: string;
  readonly connectorFactory: ConnectorFactory;
}

/**
 * botbuilder's CloudAdapter with the HTTP handling taken out: our own route reads, limits and
 * validates the request (and never lets an error message reach the client), then hands the
 * activity here. Keeping the framework behind this one class is what makes a later move to the
 * Microsoft 365 Agents SDK a small change.
 */
export class AssistantAdapter extends CloudAdapter {
  private readonly inProcess = new Map<string, InProcessChannel>();

  constructor(
    auth: BotFrameworkAuthentication,
    /** The bot's Microsoft App ID (empty when authentication is off). */
    private readonly appId = '',
  ) {
    super(auth);
  }

  /** Routes replies (and proactive messages) for activities carrying `channel.serviceUrl` to it. */
  addInProcessChannel(channel: InProcessChannel): void {
    this.inProcess.set(channel.serviceUrl, channel);
  }

  /**
   * Runs one turn for an activity from an in-process channel: the same middleware, bot logic and
   * turn-error handler as /api/messages, with the channel's own connector for the replies. The
   * channel has authenticated its client itself, so no Bot Connector token is involved and this
   * works whether or not MicrosoftAppId is set.
   */
  async processInProcess(
    channel: InProcessChannel,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(this.inProcessAuth(channel), withDates(activity), logic);
  }

  /**
   * Proactive messages (continueConversationAsync) to an in-process channel use its connector.
   * A proactive turn started outside any request (a timer, an agent's action elsewhere) gets its
   * own correlation id, so its log lines can be told apart and grouped like any turn's.
   */
  protected override async processProactive(
    claimsIdentity: ClaimsIdentity,
    continuationActivity: Partial<Activity>,
    audience: string | undefined,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    if (!currentCorrelationId()) {
      return runWithCorrelationId(newCorrelationId(), () => this.processProactive(claimsIdentity, continuationActivity, audience, logic));
    }
    const channel = continuationActivity.serviceUrl ? this.inProcess.get(continuationActivity.serviceUrl) : undefined;
    if (!channel) return super.processProactive(claimsIdentity, continuationActivity, audience, logic);
    await this.processActivity({ ...this.inProcessAuth(channel), claimsIdentity }, continuationActivity as Activity, logic);
  }

  private inProcessAuth(channel: InProcessChannel) {
    return {
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      claimsIdentity: this.createClaimsIdentity(this.appId),
      connectorFactory: channel.connectorFactory,
    };
  }

  /** Authenticates the request (when credentials are configured) and runs one turn. */
  async processInbound(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, withDates(activity), logic);
  }
}

/** What CloudAdapter.process does to an inbound activity: ISO strings become Dates, raw kept. */
function withDates(activity: Activity): Activity {
  const a = activity as Activity & Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = a[field];
    if (typeof value === 'string') {
      a[raw] = value;
      a[field] = new Date(value);
    }
  }
  return activity;
}

const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * 'unauthorized' for a missing, forged, expired or wrongly addressed token (botframework-connector
 * rethrows jsonwebtoken's own errors for a bad signature); 'unavailable' when the signing keys
 * could not be loaded; null for anything that is not about authentication.
 */
export function classifyAuthError(err: unknown): 'unauthorized' | 'unavailable' | null {
  if (err instanceof AuthenticationError) {
    return err.statusCode === 401 || err.statusCode === 403 ? 'unauthorized' : 'unavailable';
  }
  if (err instanceof Error && TOKEN_ERRORS.has(err.name)) return 'unauthorized';
  return null;
}
