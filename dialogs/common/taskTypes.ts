import type { TaskIntentId } from '../../intents/types';
import type { EscalationReason } from '../escalation';
import type { TopicTrail } from '../memory';
import type { Interruption } from '../phrases';

/**
 * How a task dialog ended, for MainDialog to act on. Task dialogs never talk about the
 * interruption themselves: MainDialog answers a cancel, a start over, a request for a person or a
 * change of topic the same way for every topic.
 */
export type TaskOutcome =
  /** `reroute`: the member's last message was not an answer but a new request. */
  | { kind: 'completed'; reroute?: boolean }
  | { kind: 'interrupted'; by: Exclude<Interruption, 'help'> }
  /** `paused`: this task had made progress; MainDialog offers to go back to it after the new topic. */
  | { kind: 'switch'; to: TaskIntentId; paused?: PausedTask; answers?: Record<string, string> }
  | { kind: 'stuck' }
  /** "ok thanks" to a question: the member is done. */
  | { kind: 'closed' }
  | { kind: 'person'; reason: EscalationReason };

/** What MainDialog passes when it starts a task: the member's opening message, to pre-fill answers. */
export interface TaskOptions {
  text?: string;
  /** Going back to a paused task: the answers already given (step → option id), not asked again. */
  answers?: Readonly<Record<string, string>>;
  /**
   * Going back to a paused task with words of its own ("ok back to cancelling, the lab one"): an
   * option they name wins over the answer given before.
   */
  added?: string;
  /**
   * The topic trail of the task just before this one (option ids, never the member's words): when
   * it was this topic, the answers that still hold (`carries`) are not asked again.
   */
  previous?: TopicTrail;
}

/**
 * A task the member left for another topic after it had made progress (a question answered, or
 * one waiting): what it takes to go back to it. Only what the conversation already held while the
 * task ran: the opening message (the task's own dialog state) and the topic trail's answers (option
 * ids and markers, never the member's words); kept in MainDialog's dialog state, for one detour.
 */
export interface PausedTask {
  intent: TaskIntentId;
  text?: string;
  answers: Record<string, string>;
  /** Words said to go back to it ("ok back to cancelling, the lab one"), for that one turn only. */
  added?: string;
}

/** A task's flow (waterfall) state: how it was started and the answers so far. */
export interface LaterFlow {
  options?: TaskOptions;
  values?: Record<string, unknown>;
}
