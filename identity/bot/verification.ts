import type { TurnContext } from 'botbuilder';
import type { Logger } from '../../common/logger';
import { localeOf, type ResponseCatalog } from '../../common/responses';
import type { CodeCheck, IdentityVerification, PendingRequest, VerifyRoute } from '../../dialogs/identity/verification';
import type { ConversationMemory } from '../../dialogs/memory';
import { DEFAULT_CODE_POLICY, issueCode, type CodePolicy } from '../core/codes';
import type { PortalAssertionVerifier } from '../core/portalAssertion';
import type { MemberDirectory, VerifiedMember } from '../../services/member';
import type { PortalProfile } from '../../services/portal/profile';
import type { ReplySender } from '../../channels/replySender';
import { profileOf } from '../../channels/capabilities';
import { requestOrigin } from '../../channels/requestOrigin';
import type { CodeSendLog } from './codeSends';
import { channelUser, isGroupChat, type IdentitySessions } from './sessions';

const CODE_VERDICT = Symbol('identity.codeVerdict');
const PENDING_MS = 30 * 60_000;

/** The gate records the verdict on a typed code for the dialog waiting for it. */
export function setCodeVerdict(context: TurnContext, verdict: CodeCheck): void {
  context.turnState.set(CODE_VERDICT, verdict);
}

export interface ChannelVerificationDeps {
  sessions: IdentitySessions;
  directory: MemberDirectory;
  sender: ReplySender;
  catalog: ResponseCatalog;
  profile: PortalProfile;
  memory: ConversationMemory;
  /** Times codes were sent to this number (user state: per phone number), for the rate limit. */
  /** Codes sent per member (the limit). */
  codeSends: Pick<CodeSendLog, 'take' | 'allowed'>;
  clock: () => number;
  logger: Logger;
  /** Web Chat can verify with the portal's assertion. */
  portal: boolean;
  /**
   * The channel's own identity (Teams' Entra ID user, the SMS sender's number) can be believed:
   * activities are authenticated (MicrosoftAppId set) — `true` — or it is the sample data in
   * development — `'loopback'`: only for turns whose request came straight from this machine
   * (never through a proxy, never from another host), since anyone can write those ids.
   */
  trustChannelIdentity: boolean | 'loopback';
  smsCodes: boolean;
  oauthConnection?: string;
  /** Verifies tokens from the Teams sign-in (OAuthPrompt). */
  oauthVerifier?: PortalAssertionVerifier;
  codePolicy?: CodePolicy;
}

/**
 * How a member proves who they are, per channel (IdentityVerification for the dialogs):
 * - Teams: the Entra ID object id the channel vouches for, mapped to a member; otherwise the
 *   OAuthPrompt sign-in when TEAMS_OAUTH_CONNECTION is set;
 * - SMS: a one-time code to the number on file, sent in the same conversation (a spoofed sender
 *   never sees the reply); the number alone proves nothing;
 * - Web Chat and others: the portal's signed assertion (the member signs in on the portal).
 * Never in a group chat.
 */
export class ChannelVerification implements IdentityVerification {
  private readonly policy: CodePolicy;

  constructor(private readonly deps: ChannelVerificationDeps) {
    this.policy = deps.codePolicy ?? DEFAULT_CODE_POLICY;
  }

  private trusted(context: TurnContext): boolean {
    const trust = this.deps.trustChannelIdentity;
    return trust === 'loopback' ? requestOrigin(context) !== 'remote' : trust;
  }

  async route(context: TurnContext): Promise<VerifyRoute> {
    if (isGroupChat(context)) return { kind: 'none', reason: 'groupChat' };
    const current = await this.deps.sessions.current(context);
    if (current) return { kind: 'verified', member: current };
    const { channelId, from } = context.activity;
    const how = profileOf(channelId).verification;
    if (how === 'teams') {
      const oid = from?.aadObjectId;
      if (oid && this.trusted(context)) {
        const found = await this.deps.directory.findByTeamsUser(oid);
        if (!found.ok) return { kind: 'none', reason: 'unavailable' };
        if (found.value) return { kind: 'verified', member: await this.deps.sessions.establish(context, found.value.memberId, 'teams') };
      }
      return this.deps.oauthConnection ? { kind: 'oauth', connectionName: this.deps.oauthConnection } : { kind: 'none', reason: 'notConfigured' };
    }
    if (how === 'smsCode') {
      if (!this.deps.smsCodes || !this.trusted(context)) return { kind: 'none', reason: 'notConfigured' };
      const found = await this.deps.directory.findByPhone(from?.id ?? '');
      if (!found.ok) return { kind: 'none', reason: 'unavailable' };
      if (!found.value?.phone) return { kind: 'none', reason: 'notOnFile' };
      return { kind: 'smsCode', hint: found.value.phone.slice(-4) };
    }
    return this.deps.portal ? { kind: 'portal' } : { kind: 'none', reason: 'notConfigured' };
  }

  async canSendCode(context: TurnContext): Promise<boolean> {
    const found = await this.deps.directory.findByPhone(context.activity.from?.id ?? '');
    if (!found.ok || !found.value?.phone) return true;
    return this.deps.codeSends.allowed(found.value.memberId, this.deps.clock());
  }

  async sendCode(context: TurnContext): Promise<'sent' | 'throttled' | 'unavailable'> {
    if (profileOf(context.activity.channelId).verification !== 'smsCode' || !this.deps.smsCodes || !this.trusted(context)) return 'unavailable';
    const found = await this.deps.directory.findByPhone(context.activity.from?.id ?? '');
    if (!found.ok || !found.value?.phone) return 'unavailable';
    const now = this.deps.clock();
    // Counted for the member the number belongs to, not for the sender id as written.
    if (!(await this.deps.codeSends.take(found.value.memberId, now))) {
      this.deps.logger.warn({ channelId: 'sms' }, 'verification code not sent: too many codes for this number');
      return 'throttled';
    }
    const { code, challenge } = await issueCode(found.value.memberId, now, this.policy);
    await this.deps.sessions.update(context, (s) => (s.challenge = { ...challenge, user: channelUser(context) }));
    const locale = (await this.deps.memory.locale(context)) ?? localeOf(context.activity.locale);
    const text = this.deps.catalog.text(locale, 'identity.sms.codeMessage', {
      planName: this.deps.profile.planName,
      code,
      minutes: Math.round(this.policy.ttlMs / 60_000),
    });
    await this.deps.sender.send(context, { text }, locale);
    return 'sent';
  }

  codeCheck(context: TurnContext): CodeCheck {
    return (context.turnState.get(CODE_VERDICT) as CodeCheck | undefined) ?? 'notACode';
  }

  async dropCode(context: TurnContext): Promise<void> {
    await this.deps.sessions.update(context, (s) => delete s.challenge);
  }

  async completeSignIn(context: TurnContext, token: string): Promise<VerifiedMember | null> {
    if (!this.deps.oauthVerifier || isGroupChat(context)) return null;
    const verified = await this.deps.oauthVerifier.verify(token);
    if (!verified.ok) {
      this.deps.logger.info({ channelId: context.activity.channelId, outcome: verified.reason }, 'sign-in token refused');
      return null;
    }
    const found = await this.deps.directory.get(verified.memberId);
    if (!found.ok || !found.value) return null;
    return this.deps.sessions.establish(context, found.value.memberId, 'oauth');
  }

  async rememberPending(context: TurnContext, request: PendingRequest): Promise<void> {
    await this.deps.sessions.update(context, (s) => (s.pending = { request, until: this.deps.clock() + PENDING_MS }));
  }
}
