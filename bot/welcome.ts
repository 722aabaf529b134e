import type { ResponseCatalog } from '../common/responses';
import { TASK_INTENTS, type Locale } from '../intents/types';
import type { PortalProfile } from '../services/portal/profile';
import type { Reply } from './channels/reply';

/** The main topics as choices; the value is the title, so a pick reads naturally in transcripts. */
export function topicChoices(catalog: ResponseCatalog, locale: Locale) {
  return [...TASK_INTENTS, 'agent' as const].map((id) => {
    const title = catalog.text(locale, `topics.${id}`);
    return { title, value: title };
  });
}

/** What a member sees first: what the assistant does, that it is not for emergencies, the topics. */
export function welcomeReply(catalog: ResponseCatalog, profile: PortalProfile, locale: Locale): Reply {
  const vars = { planName: profile.planName };
  return {
    text: ['welcome.intro', 'welcome.notForEmergencies', 'welcome.prompt'].map((key) => catalog.text(locale, key, vars)).join('\n\n'),
    choices: topicChoices(catalog, locale),
  };
}
