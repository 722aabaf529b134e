import type { FollowUpMode } from '../dialogs/triage';
import type { UrgentMemory } from './urgentWindow';

/**
 * Phone safety after a disclosure ("he checks my phone", "pls dont text me back"): in full, then in
 * short when just given (never the same text twice in a row).
 */
export function phoneSafety(kept: Pick<UrgentMemory, 'kind' | 'last'>): FollowUpMode {
  if (kept.last !== 'phone') return 'phone';
  return kept.kind === 'dv' ? 'phoneAgain' : 'ack';
}
