import type { ConversationState, TurnContext, UserState } from 'botbuilder';
import pino from 'pino';
import { StartupError } from '../../common/errors';
import type { Logger } from '../../common/logger';
import { noMetrics } from '../../ops/metrics';
import type { ResponseCatalog } from '../../common/responses';
import type { DialogKit } from '../../dialogs/common/kit';
import { NO_RECORDS, type MemberRecords } from '../../dialogs/common/memberRecords';
import { NO_VERIFICATION, type IdentityVerification } from '../../dialogs/identity/verification';
import type { ConversationMemory } from '../../dialogs/memory';
import type { AppointmentLookup } from '../../services/appointments/appointmentLookup';
import { auditFile, JsonLinesAuditLog, MemoryAuditLog, type AuditLog } from '../../services/audit/auditLog';
import { FhirClient } from '../../services/fhir/client';
import { FhirAppointments, loadCareCodes } from '../../services/fhir/fhirAppointments';
import { FhirDirectory } from '../../services/fhir/fhirDirectory';
import { FhirPharmacy } from '../../services/fhir/fhirPharmacy';
import { ClientCredentialsToken } from '../../services/fhir/token';
import { DevelopmentPortal } from '../../identity/core/devPortal';
import { AssertionKeyError, parsePublicKey, PortalAssertionVerifier, remoteKeys, type AssertionSettings } from '../../identity/core/portalAssertion';
import { loadTeamsMap, MappedTeamsDirectory } from '../../identity/core/teamsMap';
import type { MemberDirectory } from '../../services/member';
import type { PrescriptionLookup } from '../../services/pharmacy/prescriptionLookup';
import type { PortalProfile } from '../../services/portal/profile';
import { CircuitBreaker } from '../../services/resilience/circuitBreaker';
import { SampleBackend } from '../../services/sample/sampleBackend';
import type { AssistantOverrides } from './overrides';
import type { ReplySender } from '../../channels/replySender';
import type { Config } from '../config';
import type { Route } from '../../http/server';
import type { IdentityAssertionHandler } from '../../identity/bot/assertionEvent';
import { IdentityCommands } from '../../identity/bot/commands';
import { demoPortalRoutes } from '../../identity/bot/demoPortal';
import { CodeSendLog } from '../../identity/bot/codeSends';
import { OneTimeIds } from '../../storage/oneTimeIds';
import type { AssistantStorage } from '../../storage/types';
import { Forgetter, type EscalationEraser, type TranscriptDeleter } from '../../identity/bot/forget';
import { IdentityGate } from '../../identity/bot/gate';
import { PortalIdentityHandler } from '../../identity/bot/portalHandler';
import { GatedMemberRecords } from '../../identity/bot/records';
import { IdentitySessions, type IdentityState } from '../../identity/bot/sessions';
import { TurnAudit } from '../../identity/bot/turnAudit';
import { ChannelVerification } from '../../identity/bot/verification';
import { WidgetPage } from '../../channels/webchat/widget';

export class IdentityConfigError extends StartupError {}

export interface IdentityFeature {
  records: MemberRecords;
  verification: IdentityVerification;
  oauthConnection?: string;
  timeZone: string;
  /** The turn pipeline's identity step (sign out, forget me, one-time codes). */
  gate(endDialogs: (context: TurnContext) => Promise<void>, answerAside?: (context: TurnContext) => Promise<void>): IdentityGate;
  /** A one-time code sent to the member is awaited (IdentitySessions). */
  codeAwaited(context: TurnContext): Promise<boolean>;
  /** Verifies the portal's assertion (Web Chat); undefined when web sign-in is off. */
  handler(endDialogs: (context: TurnContext) => Promise<void>): IdentityAssertionHandler | undefined;
  /** The development portal's pages (development only). */
  routes: Route[];
  /** Development only: signs assertions for the sample members (the demo portal; tests). */
  developmentPortal?: DevelopmentPortal;
  audit: AuditLog;
  /** Who the member is, for an escalation to a person: the verified member's id and first name, or anonymous. */
  escalationMember(context: TurnContext): Promise<{ verified: boolean; id?: string; name?: string }>;
  /** For the start-up log line. */
  description: string;
  close(): Promise<void>;
}

export interface IdentityDeps {
  logger: Logger;
  catalog: ResponseCatalog;
  profile: PortalProfile;
  sender: ReplySender;
  memory: ConversationMemory;
  kit: DialogKit;
  conversationState: ConversationState;
  userState: UserState;
  clock: () => number;
  overrides: AssistantOverrides;
  /** The configured store (the verification-code send log, used portal assertions). */
  storage: AssistantStorage;
  /** Deletes a conversation's transcript on "forget me" (the hand-off's transcript store). */
  transcripts?: TranscriptDeleter;
  /** Deletes a conversation's escalation records on "forget me" (the hand-off's escalation store). */
  escalations?: EscalationEraser;
}

interface Backends {
  directory: MemberDirectory;
  prescriptions: PrescriptionLookup;
  appointments: AppointmentLookup;
  members?: Array<{ memberId: string; name: string }>;
}

/**
 * Member identity and PHI, wired: where member records come from (MEMBER_DATA: the synthetic
 * sample, a FHIR R4 server, or off), how members are verified per channel (the portal's
 * assertion, Teams, SMS codes), the gate every record goes through, the audit log, and — in
 * development only — the demo portal that signs in sample members.
 */
export function createIdentity(config: Config, deps: IdentityDeps): IdentityFeature {
  const settings = config.identity;
  const { logger, overrides, clock } = deps;
  const audit = overrides.audit ?? auditLog(settings.audit, config.dataDir);
  const turnAudit = new TurnAudit(audit, clock);
  const sessions = new IdentitySessions({
    accessor: deps.conversationState.createProperty<IdentityState>('identity'),
    clock,
    ttlMs: settings.ttlMinutes * 60_000,
    audit: turnAudit,
  });
  // Per member in the store, not per sender id in user state: reformatting the number gets no fresh codes.
  const codeSends = new CodeSendLog(deps.storage);
  const commands = IdentityCommands.load();
  const forgetter = new Forgetter({
    sessions,
    conversationState: deps.conversationState,
    userState: deps.userState,
    kept: [deps.userState.createProperty<unknown>('smsOptedOut')],
    ...(deps.transcripts ? { transcripts: deps.transcripts } : {}),
    ...(deps.escalations ? { escalations: deps.escalations } : {}),
    ...(deps.storage.purge ? { purge: () => deps.storage.purge!() } : {}),
    audit: turnAudit,
    logger,
  });
  const gate = (endDialogs: (context: TurnContext) => Promise<void>, answerAside?: (context: TurnContext) => Promise<void>) =>
    new IdentityGate({ sessions, commands, forgetter, memory: deps.memory, sender: deps.sender, catalog: deps.catalog, endDialogs, clock, ...(answerAside ? { answerAside } : {}) });

  const backends = memberBackends(config, deps);
  if (!backends) {
    return {
      records: NO_RECORDS,
      verification: NO_VERIFICATION,
      timeZone: settings.timeZone,
      gate,
      codeAwaited: (context) => sessions.codeAwaited(context),
      handler: () => overrides.identity,
      routes: [],
      escalationMember: async () => ({ verified: false }),
      audit,
      description: 'member data off (MEMBER_DATA=off): members are told to sign in to the portal',
      close: () => audit.close(),
    };
  }

  const production = config.env === 'production';
  let developmentPortal: DevelopmentPortal | undefined;
  let assertion: AssertionSettings | undefined;
  if (settings.portal) {
    let key: AssertionSettings['key'];
    try {
      key = settings.portal.publicKey ? parsePublicKey(settings.portal.publicKey) : remoteKeys(settings.portal.jwksUrl!);
    } catch (err) {
      if (err instanceof AssertionKeyError) throw new IdentityConfigError(`Configuration error: IDENTITY_PUBLIC_KEY ${err.message}.`);
      throw err;
    }
    assertion = { issuer: settings.portal.issuer, audience: settings.portal.audience, key, algorithms: settings.portal.algorithms, maxAgeSeconds: settings.portal.maxAgeSeconds };
  } else if (!production) {
    developmentPortal = new DevelopmentPortal(undefined, undefined, clock);
    assertion = { issuer: developmentPortal.issuer, audience: developmentPortal.audience, key: developmentPortal.publicKey, algorithms: ['ES256'], maxAgeSeconds: settings.maxAgeSeconds };
  }
  const verifier = assertion ? new PortalAssertionVerifier(assertion, clock) : undefined;
  // A portal assertion signs in one conversation, on every instance that shares the store and after a restart.
  const usedAssertions = new OneTimeIds({ storage: deps.storage, kind: 'portal-assertion', clock, logger });
  // A token from the Teams sign-in may be reused from the token store for its whole lifetime.
  const oauthVerifier = assertion && settings.teams.oauthConnection ? new PortalAssertionVerifier({ ...assertion, maxAgeSeconds: 24 * 3600 }, clock) : undefined;

  // Development with the sample data: believed only from this machine (see ChannelVerification).
  const trustChannelIdentity: boolean | 'loopback' =
    overrides.trustChannelIdentity ?? (config.auth.enabled ? true : settings.memberData === 'sample' && !production ? 'loopback' : false);
  const records = new GatedMemberRecords({ sessions, ...backends, audit: turnAudit, clock });
  const verification = new ChannelVerification({
    sessions,
    directory: backends.directory,
    sender: deps.sender,
    catalog: deps.catalog,
    profile: deps.profile,
    memory: deps.memory,
    codeSends,
    clock,
    logger,
    portal: Boolean(verifier),
    trustChannelIdentity,
    smsCodes: settings.sms.codes,
    ...(settings.teams.oauthConnection && oauthVerifier ? { oauthConnection: settings.teams.oauthConnection, oauthVerifier } : {}),
  });

  const routes: Route[] =
    developmentPortal && backends.members && config.directLine.mode !== 'off'
      ? demoPortalRoutes({ portal: developmentPortal, page: new WidgetPage({ catalog: deps.catalog, profile: deps.profile, frameAncestors: config.operations.frameAncestors }), members: backends.members })
      : [];
  if (!trustChannelIdentity) logger.info('identity: Teams users and SMS numbers are not trusted without Bot Framework authentication (MicrosoftAppId): Teams mapping and SMS codes are off');
  if (trustChannelIdentity === 'loopback') {
    logger.warn('identity: development identities (sample data, no MicrosoftAppId): Teams users and SMS numbers are believed only for activities sent to /api/messages from this machine (loopback, no proxy); from anywhere else Teams mapping and SMS codes are off');
  }
  if (developmentPortal) logger.warn('identity: no IDENTITY_PUBLIC_KEY or IDENTITY_JWKS_URL; Web Chat sign-in uses a development key made at start (demo portal at /demo/portal)');

  const web = developmentPortal ? 'development portal key (/demo/portal)' : verifier ? 'portal assertions' : 'off';
  return {
    records,
    verification,
    ...(settings.teams.oauthConnection && oauthVerifier ? { oauthConnection: settings.teams.oauthConnection } : {}),
    timeZone: settings.timeZone,
    gate,
    codeAwaited: (context) => sessions.codeAwaited(context),
    handler: (endDialogs) =>
      overrides.identity ??
      (verifier
        ? new PortalIdentityHandler({
            verifier,
            sessions,
            directory: backends.directory,
            records,
            kit: deps.kit,
            memory: deps.memory,
            logger,
            ttlMinutes: settings.ttlMinutes,
            timeZone: settings.timeZone,
            endDialogs,
            clock,
            usedAssertions,
          })
        : undefined),
    routes,
    escalationMember: async (context) => {
      const member = await sessions.current(context);
      if (!member) return { verified: false };
      const profile = await backends.directory.get(member.memberId);
      const name = profile.ok ? profile.value?.givenName : undefined;
      return { verified: true, id: member.memberId, ...(name ? { name } : {}) };
    },
    ...(developmentPortal ? { developmentPortal } : {}),
    audit,
    description: `member data ${settings.memberData}; web sign-in ${web}; SMS codes ${settings.sms.codes && trustChannelIdentity ? (trustChannelIdentity === 'loopback' ? 'on (loopback only)' : 'on') : 'off'}; Teams ${trustChannelIdentity ? (trustChannelIdentity === 'loopback' ? 'mapping (loopback only)' : 'mapping') : 'no mapping'}${settings.teams.oauthConnection ? ' + sign-in' : ''}; audit ${settings.audit}`,
    close: () => audit.close(),
  };
}

function auditLog(kind: Config['identity']['audit'], dataDir: string): AuditLog {
  if (kind === 'memory') return new MemoryAuditLog();
  if (kind === 'stdout') return new JsonLinesAuditLog(pino.destination({ dest: 1, sync: true }));
  try {
    return new JsonLinesAuditLog(auditFile(dataDir).destination);
  } catch (err) {
    throw new IdentityConfigError(`The PHI audit log cannot be written under ${dataDir}/audit (${(err as NodeJS.ErrnoException).code ?? 'error'}); set DATA_DIR to a writable folder, or AUDIT_LOG=stdout.`);
  }
}

function memberBackends(config: Config, deps: IdentityDeps): Backends | null {
  const settings = config.identity;
  const { overrides, logger, clock } = deps;
  let backends: Backends | null;
  if (overrides.directory && overrides.prescriptions && overrides.appointments) {
    backends = { directory: overrides.directory, prescriptions: overrides.prescriptions, appointments: overrides.appointments };
  } else if (settings.memberData === 'sample') {
    const sample = new SampleBackend(undefined, clock);
    backends = { directory: sample, prescriptions: sample, appointments: sample, members: sample.members() };
  } else if (settings.memberData === 'fhir' && settings.fhir) {
    const fhir = settings.fhir;
    const fetchImpl = overrides.fetch ?? globalThis.fetch;
    const metrics = overrides.metrics ?? noMetrics;
    const client = new FhirClient({
      baseUrl: fhir.baseUrl,
      timeoutMs: fhir.timeoutMs,
      retries: fhir.retries,
      ...(fhir.token ? { token: new ClientCredentialsToken(fhir.token, { fetch: fetchImpl, timeoutMs: fhir.timeoutMs, clock }) } : {}),
      breaker: new CircuitBreaker({
        failureThreshold: 5,
        cooldownMs: 30_000,
        clock,
        onStateChange: (state) => logger.warn({ service: 'fhir', breaker: state }, 'FHIR circuit breaker changed state'),
      }),
      fetch: fetchImpl,
      metrics,
      logger,
    });
    if (!fhir.token) logger.warn('FHIR_TOKEN_URL is not set: FHIR requests are sent without a token');
    backends = {
      directory: new FhirDirectory(client, { logger }),
      prescriptions: new FhirPharmacy(client, { logger, clock }),
      appointments: new FhirAppointments(client, { logger, careCodes: loadCareCodes() }),
    };
  } else {
    backends = null;
  }
  if (backends && settings.teams.memberMap) backends = { ...backends, directory: new MappedTeamsDirectory(backends.directory, loadTeamsMap(settings.teams.memberMap)) };
  return backends;
}
