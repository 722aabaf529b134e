/** What each channel can show (part of its profile, below). */
export interface ChannelCapabilities {
  /** Suggested actions (quick-reply chips under the message). */
  suggestedActions: boolean;
  /** Adaptive Cards, up to this schema version. */
  adaptiveCards: '1.5' | '1.6' | null;
  /** Most buttons one card may carry. */
  maxCardActions: number;
  /** Plain text only: no markdown, no attachments, choices as a numbered list. */
  plainText: boolean;
  /** Preferred longest message, in characters (longer text is split at sentence breaks). */
  maxMessageLength: number | null;
  /** Shows a typing indicator for `typing` activities. */
  typing: boolean;
}

const WEB: ChannelCapabilities = {
  suggestedActions: true,
  adaptiveCards: '1.5',
  maxCardActions: 6,
  plainText: false,
  maxMessageLength: null,
  typing: true,
};

/**
 * How a member proves who they are on a channel: Teams' Entra ID (or an OAuth sign-in), a code
 * texted to the number on file, or the portal's identity assertion (Web Chat in the portal).
 */
export type ChannelVerification = 'teams' | 'smsCode' | 'portal';

/**
 * Everything channel-specific, in one row per channel: adding a channel means adding a row here.
 * Every channel-specific rule reads it (rendering, transcript retention, verification, carrier
 * keywords in the SMS step, the hand-off relay and the dialogs' SMS texts).
 */
export interface ChannelProfile {
  capabilities: ChannelCapabilities;
  /** Its transcripts are kept for agents and deleted after TRANSCRIPT_RETENTION_DAYS. */
  keepsTranscripts: boolean;
  verification: ChannelVerification;
  /**
   * Carrier keywords apply (STOP, HELP, START; CTIA): answered by the SMS step, honoured while
   * waiting for a person, and texts with an `smsText.*` version (no opt-out word invited) use it.
   */
  carrierKeywords: boolean;
}

const WEB_PROFILE: ChannelProfile = { capabilities: WEB, keepsTranscripts: true, verification: 'portal', carrierKeywords: false };

const PROFILES: Record<string, ChannelProfile> = {
  webchat: WEB_PROFILE,
  directline: WEB_PROFILE,
  msteams: {
    capabilities: { suggestedActions: false, adaptiveCards: '1.5', maxCardActions: 3, plainText: false, maxMessageLength: null, typing: true },
    keepsTranscripts: true,
    verification: 'teams',
    carrierKeywords: false,
  },
  sms: {
    capabilities: { suggestedActions: false, adaptiveCards: null, maxCardActions: 0, plainText: true, maxMessageLength: 320, typing: false },
    keepsTranscripts: true,
    verification: 'smsCode',
    carrierKeywords: true,
  },
  emulator: WEB_PROFILE,
  test: { ...WEB_PROFILE, keepsTranscripts: false },
};

/** Unknown channels get the conservative Web Chat-like defaults, and no transcript sweep. */
const UNKNOWN: ChannelProfile = { ...WEB_PROFILE, keepsTranscripts: false };

export function profileOf(channelId: string | undefined): ChannelProfile {
  return PROFILES[(channelId ?? '').toLowerCase()] ?? UNKNOWN;
}

/** The channels whose transcripts the retention sweep visits, in the table's order. */
export const TRANSCRIPT_CHANNELS: readonly string[] = Object.keys(PROFILES).filter((id) => PROFILES[id]!.keepsTranscripts);

export function capabilitiesOf(channelId: string | undefined): ChannelCapabilities {
  return profileOf(channelId).capabilities;
}
