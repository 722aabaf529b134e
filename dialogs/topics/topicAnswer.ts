import type { TurnContext } from 'botbuilder';
import type { DialogKit } from '../common/kit';
import type { TopicAnswer } from './topicTable';

/**
 * Sends a sub-topic's answer (`<intent>.answer.<id>`) with its portal pages and phone line. A
 * member who is signed in gets `<intent>.answerSignedIn.<id>` where there is one: never "after
 * you sign in" to someone who already is. A page the portal profile does not have (an optional
 * one) is left out, and the text is `<intent>.answerNoPage.<id>` where there is one.
 */
export async function sendTopicAnswer(kit: DialogKit, context: TurnContext, intent: string, id: string, answer: TopicAnswer, signedIn = false): Promise<void> {
  const phone = answer.phone ? kit.profile.phone(answer.phone, kit.locale(context)) : undefined;
  const offered = !answer.benefit || kit.profile.offers(answer.benefit);
  const signedInKey = `${intent}.answerSignedIn.${id}`;
  const links = answer.links.filter((key) => kit.profile.hasLink(key));
  const noPageKey = `${intent}.answerNoPage.${id}`;
  const noPage = links.length < answer.links.length && kit.catalog.has(noPageKey);
  const key = !offered ? `${intent}.notOffered.${id}` : noPage ? noPageKey : signedIn && kit.catalog.has(signedInKey) ? signedInKey : `${intent}.answer.${id}`;
  const text = kit.text(context, key, {
    number: phone?.number ?? '',
    hours: phone?.hours ?? '',
    tty: kit.profile.phones.tty,
    days: kit.profile.data.careTeam.messageReplyBusinessDays,
  });
  await kit.sendAnswer(context, { text, links: links.map((key) => kit.link(context, key)) }, { subject: `${intent}.${id}`, ...(answer.phone ? { line: answer.phone } : {}) });
}
