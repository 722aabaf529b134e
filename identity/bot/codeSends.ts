import type { StoreItem } from 'botbuilder';
import { allowSend, DEFAULT_CODE_POLICY, type CodePolicy } from '../core/codes';
import type { AssistantStorage } from '../../storage/types';
import { updateItem } from '../../storage/update';

const KEY_PREFIX = 'identity/code-sends/';

interface SendsItem extends StoreItem {
  sentAt: number[];
}

/**
 * When verification codes were sent, per member (the one the sender's number is on file for), in
 * the configured store: the limit holds however the number is written ("+1 503-555-0101",
 * "5035550101" are one member), in every conversation, on every instance, and across "forget me".
 */
export class CodeSendLog {
  constructor(
    private readonly storage: AssistantStorage,
    private readonly policy: CodePolicy = DEFAULT_CODE_POLICY,
  ) {}

  /** Whether a code may be sent at `now` (the member is under the limit), recording nothing: a code is offered only then. */
  async allowed(memberId: string, now: number): Promise<boolean> {
    const key = KEY_PREFIX + encodeURIComponent(memberId);
    const item = (await this.storage.read([key]))[key] as SendsItem | undefined;
    return allowSend(Array.isArray(item?.sentAt) ? item.sentAt : [], now, this.policy).allowed;
  }

  /** Records a send at `now` if the member is under the limit; false (nothing recorded) if not. */
  async take(memberId: string, now: number): Promise<boolean> {
    let allowed = false;
    await updateItem<SendsItem>(this.storage, KEY_PREFIX + encodeURIComponent(memberId), (item) => {
      const sends = allowSend(Array.isArray(item?.sentAt) ? item.sentAt : [], now, this.policy);
      allowed = sends.allowed;
      return { sentAt: sends.sentAt };
    });
    return allowed;
  }
}
