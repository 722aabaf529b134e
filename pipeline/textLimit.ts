import type { TurnContext } from 'botbuilder';
import type { ResponseCatalog } from '../common/responses';
import type { Locale } from '../intents/types';
import type { ReplySender } from '../channels/replySender';
import type { OperationsMetrics } from '../ops/observability/prometheus';
import type { TurnFacts } from './turnFacts';

/**
 * Long messages (over MAX_MESSAGE_CHARS) are cut to that length after the emergency check — which
 * reads the whole text, so nothing at the end of a long message can hide an emergency — and
 * before anything else reads them (password masking, understanding, dialogs). The member is told,
 * in their language, once the language of the turn is known. Never an error.
 */
export class TextLimit {
  constructor(
    private readonly deps: { maxChars: number; sender: ReplySender; catalog: ResponseCatalog; metrics: Pick<OperationsMetrics, 'messageTruncated'> },
  ) {}

  /** A cut is noted in the turn's facts (`truncated`). */
  truncate(context: TurnContext, facts: TurnFacts): void {
    const text = context.activity.text;
    if (typeof text !== 'string' || text.length <= this.deps.maxChars) return;
    let cut = text.slice(0, this.deps.maxChars);
    // Never leave half of a surrogate pair (an emoji) at the end.
    if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
    context.activity.text = cut;
    facts.truncated = true;
    this.deps.metrics.messageTruncated(context.activity.channelId);
  }

  async noteIfTruncated(context: TurnContext, facts: TurnFacts, locale: Locale): Promise<void> {
    if (!facts.truncated) return;
    const max = this.deps.maxChars.toLocaleString(locale === 'es' ? 'es-US' : 'en-US');
    await this.deps.sender.send(context, { text: this.deps.catalog.text(locale, 'limits.truncated', { max }) }, locale, { keepOfferedChoices: true });
  }
}
