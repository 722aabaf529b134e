import type { TurnContext } from 'botbuilder';
import type { Reply } from '../../channels/reply';

/**
 * A sub-topic whose answer is built from data and from what the member asked (which class,
 * which pharmacy), instead of one fixed text: given the member's message (when one named the
 * sub-topic), the reply to send.
 */
export interface SpecialAnswer {
  reply(context: TurnContext, text: string | undefined): Promise<Reply>;
}
