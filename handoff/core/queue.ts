/**
 * The wait a member is told: their place in line times the minutes an agent usually spends on a
 * chat, shared among the agents on duty. "Usually" is the median of the last chats when there are
 * a few, else the profile's `agentChat.averageHandleMinutes`. Always at least a minute: an
 * estimate, said as one ("about 4 minutes").
 */
export function waitMinutes(input: {
  position: number;
  agentsOnline: number;
  recentHandleMinutes: readonly number[];
  defaultHandleMinutes: number;
}): number {
  const samples = input.recentHandleMinutes.filter((m) => Number.isFinite(m) && m >= 0).sort((a, b) => a - b);
  const typical = samples.length >= 3 ? median(samples) : input.defaultHandleMinutes;
  const minutes = (Math.max(1, input.position) * Math.max(0.5, typical)) / Math.max(1, input.agentsOnline);
  return Math.max(1, Math.ceil(minutes));
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The response key and variables that say a wait in words. */
export function waitWords(minutes: number): { key: string; vars?: Record<string, number> } {
  if (minutes <= 1) return { key: 'handoff.waitOne' };
  if (minutes >= 60) return { key: 'handoff.waitLong' };
  return { key: 'handoff.waitMinutes', vars: { minutes } };
}
