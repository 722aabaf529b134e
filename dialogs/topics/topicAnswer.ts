import type { TurnContext } from 'botbuilder';
import type { DialogKit } from '../common/kit';
import type { TopicAnswer } from './topicTable';

/** Sends a sub-topic's answer (`<intent>.answer.<id>`) with its portal pages and phone line. */
export async function sendTopicAnswer(kit: DialogKit, context: TurnContext, intent: string, id: string, answer: TopicAnswer): Promise<void> {
  const phone = answer.phone ? kit.profile.phone(answer.phone, kit.locale(context)) : undefined;
  const offered = !answer.benefit || kit.profile.offers(answer.benefit);
  const text = kit.text(context, offered ? `${intent}.answer.${id}` : `${intent}.notOffered.${id}`, {
    number: phone?.number ?? '',
    hours: phone?.hours ?? '',
    tty: kit.profile.phones.tty,
    days: kit.profile.data.careTeam.messageReplyBusinessDays,
  });
  await kit.send(context, { text, links: answer.links.map((key) => kit.link(context, key)) });
}
