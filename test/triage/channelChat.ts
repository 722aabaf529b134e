import { MemberChat } from '../support/identity';

/** The channels a triage answer is checked on. */
export const CHANNELS = ['webchat', 'msteams', 'sms'] as const;
const TEAMS_GUEST = { id: '29:guest', aadObjectId: '00000000-0000-4000-8000-0000000000aa' };

/** A guest on a channel, with the real triage and recognizer (SMS carries no locale; Teams a guest's ids). */
export function chatOn(channelId: (typeof CHANNELS)[number], locale: 'en' | 'es'): MemberChat {
  return new MemberChat({
    channelId,
    ...(channelId === 'sms' ? {} : { locale: locale === 'es' ? 'es-US' : 'en-US' }),
    ...(channelId === 'msteams' ? { from: TEAMS_GUEST } : {}),
    overrides: { understanding: undefined, emergencyCheck: undefined },
  });
}
