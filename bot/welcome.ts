import type { ResponseCatalog } from '../common/responses';
import { TASK_INTENTS, type Locale } from '../intents/types';
import type { PortalProfile } from '../services/portal/profile';
import type { Reply } from '../channels/reply';
import { SMS_TEXT } from '../dialogs/common/kit';

/** The main topics as choices; the value is the title, so a pick reads naturally in transcripts. */
export function topicChoices(catalog: ResponseCatalog, locale: Locale) {
  return [...TASK_INTENTS, 'agent' as const].map((id) => {
    const title = catalog.text(locale, `topics.${id}`);
    return { title, value: title };
  });
}

/**
 * What a member sees first: what the assistant does and that it is not for emergencies. When they
 * join (Web Chat, Teams) it also asks what they need and offers the topics. On a first message
 * (SMS sends no join) the message itself is answered right after, so no menu competes with it.
 * `sms`: a channel with carrier keywords, where the welcome is one short text (one segment).
 */
export function welcomeReply(catalog: ResponseCatalog, profile: PortalProfile, locale: Locale, withMenu: boolean, sms = false): Reply {
  const vars = { planName: profile.planName };
  // By SMS (carrier keywords apply) one text message: what it does, 911, MENU and AGENT.
  const intro = sms ? [`${SMS_TEXT}.welcome.intro`] : ['welcome.intro', 'welcome.notForEmergencies'];
  const keys = withMenu ? [...intro, 'welcome.prompt'] : intro;
  return {
    text: keys.map((key) => catalog.text(locale, key, vars)).join('\n\n'),
    choices: withMenu ? topicChoices(catalog, locale) : undefined,
  };
}

/**
 * One line for a member welcomed in another language (they joined without a locale, then wrote
 * in this one): who the assistant is, that it speaks their language, and 911. No menu: their
 * message is answered right after.
 */
export function rewelcomeReply(catalog: ResponseCatalog, profile: PortalProfile, locale: Locale): Reply {
  return { text: catalog.text(locale, 'welcome.again', { planName: profile.planName }) };
}
