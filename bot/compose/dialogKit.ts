import { LOCALES } from '../../intents/types';
import type { ConversationState, TurnContext } from 'botbuilder';
import type { ReplySender } from '../../channels/replySender';
import type { Logger } from '../../common/logger';
import type { ResponseCatalog } from '../../common/responses';
import { AnswerEcho, type EchoState } from '../../dialogs/answerEcho';
import { DialogKit, type RoutingPolicy } from '../../dialogs/common/kit';
import { MedicineNames } from '../../dialogs/common/medicineNames';
import { OptionMatcher } from '../../dialogs/common/options';
import { CareQuestionWords } from '../../dialogs/careQuestion';
import { LabQuestionWords } from '../../dialogs/labQuestion';
import { LongStandingWords } from '../../dialogs/longStanding';
import { ConversationMemory, type MemoryState } from '../../dialogs/memory';
import { PhraseBook } from '../../dialogs/phrases';
import { RepeatReply } from '../../dialogs/repeatReply';
import { TriageResponder } from '../../dialogs/triage';
import { loadShorthand, ShorthandExpander } from '../../intents';
import type { AssistantMetrics } from '../../ops/metrics';
import type { PortalProfile } from '../../services/portal/profile';

interface DialogKitDeps {
  sender: ReplySender;
  catalog: ResponseCatalog;
  profile: PortalProfile;
  logger: Logger;
  metrics: AssistantMetrics;
  conversationState: ConversationState;
  /** Ends every dialog in progress (the dialog runner is built after the kit). */
  endDialogs: (context: TurnContext) => Promise<void>;
  /** Told after a safety answer is out (the care follow-up and the hand-off, built after the kit). */
  onAnswered: ConstructorParameters<typeof TriageResponder>[0]['onAnswered'];
  policy?: RoutingPolicy;
}

/**
 * What every dialog shares (dialogs/common/kit.ts): the phrases, the conversation's memory, the
 * option matcher (shorthand written out, medicine names), and the safety triage's answers.
 */
export function createDialogKit(deps: DialogKitDeps): DialogKit {
  const { sender, catalog, profile, logger, metrics, conversationState, endDialogs, onAnswered, policy } = deps;
  const phrases = PhraseBook.load();
  const memory = new ConversationMemory(conversationState.createProperty<MemoryState>('memory'));
  // Shorthand ("appt", "rx"; "q" for "que" in Spanish): the options' phrases are written out in full.
  const shorthand = new ShorthandExpander(loadShorthand());
  const medicines = MedicineNames.load();
  const echo = new AnswerEcho(conversationState.createProperty<EchoState>('answerEcho'), RepeatReply.load(profile));
  const options = new OptionMatcher(catalog, phrases, LOCALES.map((locale) => (words: readonly string[]) => shorthand.expand(words, locale)), medicines);
  const triage = new TriageResponder({
    sender,
    catalog,
    profile,
    options,
    logger,
    endDialogs,
    metrics,
    labQuestion: LabQuestionWords.load(),
    longStanding: LongStandingWords.load(),
    careQuestion: CareQuestionWords.load(),
    // A safety answer: what was said before it is not compared with what comes after.
    onAnswered: async (context, match, answer) => {
      await echo.forget(context);
      // A disclosure answered: a person asked for next is about it (Member Services, the chat
      // team), never the line of a topic answered before it (an ID card question is Billing's, v20).
      if (match.intent === 'abuse' && !match.rule.startsWith('followUp:')) {
        await memory.forgetTopic(context);
        await memory.takePrior(context);
      }
      await onAnswered?.(context, match, answer);
    },
  });
  return new DialogKit(sender, catalog, profile, options, phrases, memory, triage, medicines, echo, policy);
}
