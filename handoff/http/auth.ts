import type { IncomingMessage } from 'node:http';
import { HttpError } from '../../http/errors';
import type { RateLimiter } from '../../http/rateLimit';
import type { Logger } from '../../common/logger';
import type { AgentAccounts } from '../core/accounts';
import type { AgentRef } from '../core/model';
import type { AgentPresence } from '../core/presence';
import type { AgentSession, AgentSessions } from '../core/sessions';

/**
 * Who may use the agent endpoints: a request must carry `Authorization: Bearer <agent session
 * token>` (from POST /api/agent/login or the OIDC sign-in). Anything else — no header, a member's
 * Direct Line token, a forged, revoked or expired token — gets 401. Tokens are never logged.
 */

const BEARER = /^Bearer\s+(\S{1,512})\s*$/i;
const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="agent console"' };

export interface Authenticated {
  session: AgentSession;
  token: string;
}

export class AgentAuth {
  constructor(
    private readonly deps: {
      accounts: AgentAccounts;
      sessions: AgentSessions;
      presence: AgentPresence;
      limiter: RateLimiter;
      logger: Logger;
    },
  ) {}

  get passwordSignIn(): boolean {
    return this.deps.accounts.size > 0;
  }

  static tokenOf(req: IncomingMessage): string | undefined {
    return BEARER.exec(String(req.headers.authorization ?? ''))?.[1];
  }

  async authenticate(req: IncomingMessage): Promise<Authenticated> {
    const token = AgentAuth.tokenOf(req);
    if (!token) {
      throw new HttpError(401, 'unauthorized', 'Agents only: sign in (POST /api/agent/login) and send Authorization: Bearer <token>.', CHALLENGE);
    }
    const check = await this.deps.sessions.check(token);
    if (!check.ok && check.reason === 'expired') throw new HttpError(401, 'session_expired', 'Your session has expired: sign in again.', CHALLENGE);
    if (!check.ok) throw new HttpError(401, 'unauthorized', 'This is not a valid agent session: sign in again.', CHALLENGE);
    const { session } = check;
    // An account removed from AGENT_ACCOUNTS loses its sessions at once.
    if (session.via === 'password' && !this.deps.accounts.has(session.agent.id)) {
      await this.deps.sessions.revoke(token);
      throw new HttpError(401, 'unauthorized', 'This agent account no longer exists.', CHALLENGE);
    }
    await this.deps.presence.seen(session.agent);
    return { session, token };
  }

  /**
   * Password sign-in, rate limited per client address (every attempt counts), and per user name
   * from that address (wrong passwords count): a client that guesses gets 429, but someone else's
   * guesses never lock the real agent out — a lockout per user name alone would let anyone refuse
   * an agent's sign-in with five wrong passwords.
   */
  async login(clientAddress: string, username: string, password: string): Promise<{ token: string; session: AgentSession }> {
    this.take(`ip:${clientAddress}`);
    if (!this.passwordSignIn) {
      throw new HttpError(400, 'password_sign_in_off', "Password sign-in is off on this assistant: use your organisation's sign-in on /agent.");
    }
    const guesses = `user:${username.toLowerCase()}|${clientAddress}`;
    this.refuseIfOver(this.deps.limiter.peek?.(guesses) ?? 0);
    const account = await this.deps.accounts.verify(username, password);
    if (!account) {
      this.deps.limiter.charge?.(guesses);
      this.deps.logger.warn({ client: clientAddress }, 'agent sign-in refused: wrong user name or password');
      throw new HttpError(401, 'invalid_credentials', 'The user name or password is wrong.');
    }
    return this.start({ id: account.username, name: account.name }, 'password');
  }

  /** A new session for an agent the OIDC provider signed in, or a password account. */
  async start(agent: AgentRef, via: AgentSession['via']): Promise<{ token: string; session: AgentSession }> {
    const created = await this.deps.sessions.create(agent, via);
    await this.deps.presence.seen(agent, true);
    this.deps.logger.info({ agentId: agent.id, via }, 'agent signed in');
    return created;
  }

  async logout(auth: Authenticated): Promise<void> {
    await this.deps.sessions.revoke(auth.token);
    await this.deps.presence.left(auth.session.agent.id);
    this.deps.logger.info({ agentId: auth.session.agent.id }, 'agent signed out');
  }

  private take(key: string): void {
    this.refuseIfOver(this.deps.limiter.take(key));
  }

  private refuseIfOver(wait: number): void {
    if (wait > 0) {
      throw new HttpError(429, 'too_many_attempts', `Too many sign-in attempts: wait ${wait} seconds and try again.`, { 'Retry-After': String(wait) });
    }
  }
}
