import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationError, type BotFrameworkAuthentication } from 'botframework-connector';

/**
 * botbuilder's CloudAdapter with the HTTP handling taken out: our own route reads, limits and
 * validates the request (and never lets an error message reach the client), then hands the
 * activity here. Keeping the framework behind this one class is what makes a later move to the
 * Microsoft 365 Agents SDK a small change.
 */
export class AssistantAdapter extends CloudAdapter {
  constructor(auth: BotFrameworkAuthentication) {
    super(auth);
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
