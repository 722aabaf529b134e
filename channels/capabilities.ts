/** What each channel can show. Unknown channels get the conservative Web Chat-like defaults. */
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

const TABLE: Record<string, ChannelCapabilities> = {
  webchat: WEB,
  directline: WEB,
  emulator: WEB,
  test: WEB,
  msteams: { suggestedActions: false, adaptiveCards: '1.5', maxCardActions: 3, plainText: false, maxMessageLength: null, typing: true },
  sms: { suggestedActions: false, adaptiveCards: null, maxCardActions: 0, plainText: true, maxMessageLength: 320, typing: false },
};

export function capabilitiesOf(channelId: string | undefined): ChannelCapabilities {
  return TABLE[(channelId ?? '').toLowerCase()] ?? WEB;
}
