import type { ConversationState } from 'botbuilder';
import type { ResponseCatalog } from '../../common/responses';
import { localeOf } from '../../common/responses';
import type { ReplySender } from '../../channels/replySender';
import type { Understanding } from '../../intents/types';
import type { OptionMatcher } from '../../dialogs/common/options';
import type { PhraseBook } from '../../dialogs/phrases';
import type { TriageResponder } from '../../dialogs/triage';
import { VisitModeNotPerson } from '../../dialogs/main/visitModeNotPerson';
import { ClauseTaskReader } from '../../pipeline/clauseTask';
import { CrisisVisit } from '../../pipeline/crisisVisit';
import { TaskAfterUrgent } from '../../pipeline/taskAfterUrgent';
import { UrgentFollowUp } from '../../pipeline/urgentFollowUp';
import { UrgentInItsLight } from '../../pipeline/urgentInItsLight';
import { UrgentReply } from '../../pipeline/urgentReply';
import { DEFAULT_FOLLOW_UP, UrgentWindow, type UrgentMemory } from '../../pipeline/urgentWindow';
import { UrgentWords } from '../../pipeline/urgentWords';

export interface UrgentFollowUpDeps {
  conversationState: ConversationState;
  triage: TriageResponder;
  clock: () => number;
  options: OptionMatcher;
  phrases: PhraseBook;
  sender: ReplySender;
  catalog: ResponseCatalog;
  /** The recognizer, for the task one clause of a message asks for after a call made (pipeline/clauseTask.ts). */
  understanding?: Pick<Understanding, 'understand'>;
}

/**
 * What follows an emergency or abuse answer (pipeline/urgentFollowUp.ts and its parts): the window
 * and its memory, the words read in it, the reply, the urgent message read in the earlier
 * answer's light, the task resumed after the call, and the crisis visit.
 */
export function createUrgentFollowUp(deps: UrgentFollowUpDeps): UrgentFollowUp {
  const { conversationState, triage, clock, options, phrases, sender, catalog, understanding } = deps;
  const crisisVisit = new CrisisVisit(options, (context, key, vars) => {
    const locale = localeOf(context.activity.locale);
    return sender.send(context, { text: catalog.text(locale, key, vars) }, locale);
  });
  const window = new UrgentWindow(conversationState.createProperty<UrgentMemory | undefined>('urgentFollowUp'), clock, DEFAULT_FOLLOW_UP);
  const words = UrgentWords.load();
  const reply = new UrgentReply(window, triage);
  const clauses = understanding ? new ClauseTaskReader(understanding) : undefined;
  return new UrgentFollowUp({
    window,
    reply,
    inItsLight: new UrgentInItsLight(window, reply, words, clauses),
    tasks: new TaskAfterUrgent(words),
    words,
    responder: triage,
    visit: crisisVisit,
    visitMode: new VisitModeNotPerson(options, phrases),
    ...(clauses ? { clauses } : {}),
  });
}
