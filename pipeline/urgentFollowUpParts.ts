import type { ClauseTaskReader } from './clauseTask';
import type { VisitModeNotPerson } from '../dialogs/main/visitModeNotPerson';
import type { TriageResponder } from '../dialogs/triage';
import type { CrisisVisit } from './crisisVisit';
import type { TaskAfterUrgent } from './taskAfterUrgent';
import type { UrgentInItsLight } from './urgentInItsLight';
import type { UrgentReply } from './urgentReply';
import type { UrgentWindow } from './urgentWindow';
import type { UrgentWords } from './urgentWords';

/** What the follow-up after an urgent answer is made of (composed in bot/compose/urgentFollowUp.ts). */
export interface UrgentFollowUpParts {
  /** The window after an urgent answer and its memory (pipeline/urgentWindow.ts). */
  window: UrgentWindow;
  /** A follow-up said and remembered (pipeline/urgentReply.ts). */
  reply: UrgentReply;
  /** An urgent message read in an earlier answer's light (pipeline/urgentInItsLight.ts). */
  inItsLight: Pick<UrgentInItsLight, 'answer'>;
  /** The task that goes on after the call (pipeline/taskAfterUrgent.ts). */
  tasks: TaskAfterUrgent;
  /** Signs and words (pipeline/urgentWords.ts, pipeline/data/urgent-follow-up.json). */
  words: UrgentWords;
  /** The number of an urgent answer in one line (dialogs/triage.ts). */
  responder: Pick<TriageResponder, 'urgentLine'>;
  /** After a crisis answer, a visit asked for: a mental-health visit for the member (pipeline/crisisVisit.ts). */
  visit?: CrisisVisit;
  /** "mañana, en persona" read as a person: the visit task (dialogs/main/visitModeNotPerson.ts). */
  visitMode?: Pick<VisitModeNotPerson, 'read'>;
  /** After a call made, the task one clause asks for when the whole message reads as none (pipeline/clauseTask.ts). */
  clauses?: Pick<ClauseTaskReader, 'read'>;
}
