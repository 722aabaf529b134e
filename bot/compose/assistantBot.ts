import type { ConversationState, TurnContext, UserState } from 'botbuilder';
import type { ReplySender } from '../../channels/replySender';
import type { ResponseCatalog } from '../../common/responses';
import type { DialogKit } from '../../dialogs/common/kit';
import { SubTopicRouter } from '../../dialogs/topics/subTopicRouter';
import { DeniedTopic } from '../../dialogs/deniedTopic';
import { TopicNames } from '../../dialogs/topicNames';
import type { Understanding } from '../../intents/types';
import type { AssistantMetrics } from '../../ops/metrics';
import type { CareFollowUp } from '../../pipeline/careFollowUp';
import type { DialogRunner } from '../../pipeline/dialogRunner';
import { SecretMasking } from '../../pipeline/secretMasking';
import { SmsKeywordGate } from '../../pipeline/smsKeywords';
import { TextLimit } from '../../pipeline/textLimit';
import { TriageGate } from '../../pipeline/triageGate';
import type { TurnFactsSource } from '../../pipeline/turnFacts';
import { RequestAfterChange } from '../../pipeline/requestAfterChange';
import { TurnUnderstanding } from '../../pipeline/understandTurn';
import type { UrgentFollowUp } from '../../pipeline/urgentFollowUp';
import type { PortalProfile } from '../../services/portal/profile';
import type { TurnGuard } from '../../storage/state/turnGuard';
import { AssistantBot } from '../assistantBot';
import type { Config } from '../config';
import type { HandoffCore } from './handoff';
import type { IdentityFeature } from './identity';
import { operationsMetrics } from './operations';

interface AssistantBotParts {
  config: Config;
  metrics: AssistantMetrics;
  conversationState: ConversationState;
  userState: UserState;
  sender: ReplySender;
  catalog: ResponseCatalog;
  profile: PortalProfile;
  kit: DialogKit;
  turnGuard: TurnGuard;
  identity: IdentityFeature;
  endDialogs: (context: TurnContext) => Promise<void>;
  turnFacts: TurnFactsSource;
  followUp: UrgentFollowUp;
  careFollowUp: CareFollowUp;
  understanding: Understanding;
  dialogs: DialogRunner;
  handoff: HandoffCore;
}

/**
 * The bot's turn (bot/assistantBot.ts) and the steps it runs in order: the safety triage's gate
 * (with the SMS keywords), secrets masked, the message understood, the length limit, the dialogs,
 * and the hand-off to a person.
 */
export function createAssistantBot(parts: AssistantBotParts): AssistantBot {
  const { config, metrics, conversationState, userState, sender, catalog, profile, kit, turnGuard, identity, endDialogs, turnFacts, followUp, careFollowUp, understanding, dialogs, handoff } = parts;
  const { memory, phrases, options, triage } = kit;
  const smsKeywords = new SmsKeywordGate({
    sender,
    catalog,
    profile,
    memory,
    optedOut: userState.createProperty<boolean>('smsOptedOut'),
    endDialogs,
  });
  const triageGate = new TriageGate(triage, followUp, smsKeywords, dialogs);
  return new AssistantBot({
    conversationState,
    userState,
    sender,
    catalog,
    profile,
    turnGuard,
    identity: identity.handler(endDialogs),
    identityGate: identity.gate(endDialogs, (context) => triageGate.answerAside(context)),
    facts: turnFacts,
    triage: triageGate,
    followUp,
    careFollowUp,
    secrets: new SecretMasking({ memory, sender, catalog, codeAwaited: (context) => identity.codeAwaited(context) }),
    smsKeywords,
    understanding: new TurnUnderstanding({ understanding, memory, catalog, subTopics: new SubTopicRouter(options), shortAnswers: phrases, denied: new DeniedTopic(TopicNames.load()), changedMind: new RequestAfterChange(phrases.changeOfMind) }),
    dialogs,
    textLimit: new TextLimit({ maxChars: config.operations.maxMessageChars, sender, catalog, metrics: operationsMetrics(metrics) }),
    handoff: handoff.relay,
    recorder: handoff.recorder,
    handoffStatus: handoff.eventHandoff,
  });
}
