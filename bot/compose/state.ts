import type { ConversationState, UserState } from 'botbuilder';
import type { Logger } from '../../common/logger';
import { createStorage } from '../../storage/factory';
import { asAssistantStorage } from '../../storage/lockedStorage';
import { CheckedConversationState, CheckedUserState } from '../../storage/state/checkedState';
import type { AssistantStorage } from '../../storage/types';
import type { Config } from '../config';
import type { AssistantOverrides } from './overrides';

interface State {
  storage: AssistantStorage;
  conversationState: ConversationState;
  userState: UserState;
}

/**
 * The configured store (or the one a test hands in, wrapped for one process) and the conversation
 * and user state kept in it (eTag-checked saves).
 */
export function createState(config: Config, overrides: AssistantOverrides, logger: Logger): State {
  const storage = overrides.storage
    ? asAssistantStorage(overrides.storage)
    : createStorage(config.storage, { logger, idleMinutes: config.conversation.idleMinutes, clock: overrides.clock });
  return { storage, conversationState: new CheckedConversationState(storage), userState: new CheckedUserState(storage) };
}
