import type { TurnContext } from 'botbuilder';
import { noteOutcome, turnTriage, type RoutedIntent, type TurnInfo } from '../turn';
import type { Decision } from './routeDecider';

/** For the transcript (and the analytics report): the intent a new request was routed on. */
export function noteRouted(context: TurnContext, turn: TurnInfo, decision: Decision): void {
  const { intent, score } = turn.result;
  const routed: RoutedIntent =
    decision.kind === 'agent' || decision.kind === 'nurseInChat'
      ? 'agent'
      : decision.kind === 'followUp'
        ? decision.topic
      : decision.kind === 'rescue'
        ? 'refill'
      : decision.kind === 'unclear' || decision.kind === 'safetyNet'
        ? intent
        : decision.kind === 'triage'
          ? turnTriage(context).match!.intent
          : decision.intent;
  noteOutcome(context, {
    intent: routed,
    ...(routed === intent ? { score: Math.round(score * 1000) / 1000 } : {}),
    ...(decision.kind === 'unclear' ? { fallback: true as const } : {}),
  });
}
