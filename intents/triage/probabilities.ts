import type { EmergencyKind } from '../types';
import { TRIAGE_LABELS, type TriageLabel } from './labels';

/**
 * Reading the triage model's probabilities (one per label of labels.ts): by label, summed over
 * labels, the likeliest of a few labels, and the kind of an emergency.
 */

const at = (label: TriageLabel): number => TRIAGE_LABELS.indexOf(label);
export const I = Object.fromEntries(TRIAGE_LABELS.map((l) => [l, at(l)])) as Record<TriageLabel, number>;

export function sum(p: Float64Array, labels: readonly TriageLabel[]): number {
  let s = 0;
  for (const l of labels) s += p[I[l]]!;
  return s;
}

export function argmax<L extends TriageLabel>(p: Float64Array, labels: readonly L[]): L {
  let best = labels[0]!;
  for (const l of labels) if (p[I[l]]! > p[I[best]]!) best = l;
  return best;
}

/**
 * The kind of an emergency (DESIGN.md): crisis wins when it carries a fair share of the emergency
 * probability (an overdose on purpose is crisis; the crisis reply still names 911 and Poison
 * Control), then the most likely of medical and poison.
 */
export function emergencyKind(p: Float64Array, pe: number): EmergencyKind {
  if (p[I.crisis]! >= 0.35 * pe) return 'crisis';
  return argmax(p, ['medical', 'poison'] as const);
}
