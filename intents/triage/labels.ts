/**
 * The triage model's classes: one per emergency kind, one per abuse kind, mental health,
 * symptoms, and `other` (everything that is none of them: tasks, small talk, other domains).
 */
export const TRIAGE_LABELS = ['other', 'medical', 'crisis', 'poison', 'dv', 'sexual', 'child', 'elder', 'mental_health', 'symptoms'] as const;
export type TriageLabel = (typeof TRIAGE_LABELS)[number];

export const EMERGENCY_LABELS = ['medical', 'crisis', 'poison'] as const satisfies readonly TriageLabel[];
export const ABUSE_LABELS = ['dv', 'sexual', 'child', 'elder'] as const satisfies readonly TriageLabel[];

/** Training file name → label: emergency.medical.txt, abuse.dv.txt, mental_health.txt, symptoms.txt, other*.txt. */
export function labelOfFile(file: string): TriageLabel | null {
  const base = file.replace(/\.txt$/, '');
  if (base === 'other' || base.startsWith('other.')) return 'other';
  const m = /^(?:emergency|abuse)\.([a-z]+)$/.exec(base);
  const label = m ? m[1]! : base;
  return (TRIAGE_LABELS as readonly string[]).includes(label) && label !== 'other' ? (label as TriageLabel) : null;
}
