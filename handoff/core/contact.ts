import type { ResponseCatalog, Vars } from '../../common/responses';
import type { Locale } from '../../intents/types';
import type { LinkKey, PortalProfile } from '../../services/portal/profile';

/**
 * The other ways to reach a person, from the portal profile: the phone line that fits the topic
 * (with its hours and TTY), a secure message, a call back. What the member gets whenever a chat
 * with an agent is not possible (contact mode, outside agent hours, no agent signed in, a wait
 * that ran too long), so that nobody is left waiting on nobody.
 */

export interface ContactReply {
  text: string;
  links: Array<{ title: string; url: string }>;
}

/** Which phone line fits the topic. */
export function phoneFor(intent: string | null): 'billing' | 'pharmacy' | 'memberServices' {
  if (intent === 'billing') return 'billing';
  if (intent === 'refill') return 'pharmacy';
  return 'memberServices';
}

/**
 * Whether the member can be sent to portal pages behind sign-in (a secure message, a call-back
 * request): not someone asking for sign-in help, who cannot get into the portal (the phone line).
 */
function signsIn(intent: string | null): boolean {
  return intent !== 'password_reset';
}

export function contactOptions(
  catalog: ResponseCatalog,
  profile: PortalProfile,
  locale: Locale,
  /**
   * `discreet`: after a disclosure of abuse, the abuser may read the member's portal messages or
   * answer the phone: the phone line to call when it is safe, no call back or secure message.
   */
  request: { intent: string | null; reason?: string; discreet?: boolean; callBack?: boolean; line?: 'behavioralHealth' },
  /** Said after the intro: why no agent can chat now ("escalation.noAgents"…), with its variables. */
  preface?: { key: string; vars?: Vars },
): ContactReply {
  // Right after a crisis answer, the line open day and night for it (behavioral health), never the task's.
  const line = request.line ?? phoneFor(request.intent);
  const phone = profile.phone(line, locale);
  const parts: string[] = [];
  if (request.reason) parts.push(catalog.text(locale, `escalation.intro.${request.reason}`));
  if (preface) parts.push(catalog.text(locale, preface.key, preface.vars));
  // A call back asked for ("can someone just call me back"): answered once, never lost. Where this
  // hand-off cannot arrange one (sign-in help, a discreet hand-off), said plainly before the line.
  const callBackOffered = !request.discreet && signsIn(request.intent);
  if (request.callBack) parts.push(catalog.text(locale, callBackOffered ? 'escalation.callbackAsked' : 'escalation.noCallback'));
  parts.push(
    catalog.text(locale, 'escalation.call', {
      line: catalog.text(locale, `phones.${line}`),
      number: phone.number,
      hours: phone.hours,
      tty: profile.phones.tty,
    }),
    // The secure message and the call-back request are portal pages behind sign-in: someone who
    // cannot sign in gets the phone line only.
    ...(request.discreet ? [catalog.text(locale, 'escalation.discreet')] : callBackOffered ? [catalog.text(locale, 'escalation.message'), ...(request.callBack ? [] : [catalog.text(locale, 'escalation.callback')])] : []),
  );
  const pages: LinkKey[] = !callBackOffered ? [] : request.callBack ? ['messaging.requestCallback', 'messaging.messageCareTeam'] : ['messaging.messageCareTeam', 'messaging.requestCallback'];
  return {
    text: parts.join('\n\n'),
    links: pages.map((key) => ({ title: catalog.text(locale, `links.${key}`), url: profile.link(key) })),
  };
}
