import type { SafetySignal, TriageCheck, TriageMatch, TriageResult } from '../../intents/types';

/**
 * A deterministic safety triage for dialog tests: answers keyed on the exact text (case-folded),
 * so a test decides what the triage says and tests the bot's side, not the model.
 */
export class FakeTriage implements TriageCheck {
  readonly seen: string[] = [];
  private readonly table = new Map<string, TriageResult>();

  on(text: string, match: Omit<TriageMatch, 'score' | 'rule'> & { score?: number; rule?: string }): this {
    this.table.set(text.toLowerCase(), { match: { score: 1, rule: 'fake', ...match }, safety: null });
    return this;
  }

  unsure(text: string, level: SafetySignal['level'] = 'unsure', abuseKind?: SafetySignal['abuseKind'], poisonDoubt = false): this {
    this.table.set(text.toLowerCase(), { match: null, safety: { level, rule: 'fake-signal', ...(abuseKind ? { abuseKind } : {}), ...(poisonDoubt ? { poisonDoubt: true as const } : {}) } });
    return this;
  }

  triage(text: string): TriageResult {
    this.seen.push(text);
    return this.table.get(text.trim().toLowerCase()) ?? { match: null, safety: null };
  }
}

/** One line per outcome, in both languages, with the numbers the reply must carry (default profile). */
export const TRIAGE_LINES = [
  { outcome: 'emergency/medical', en: 'my chest hurts and my arm is numb', es: 'me duele el pecho y tengo el brazo dormido', intent: 'emergency', kind: 'medical', numbers: ['911'] },
  { outcome: 'emergency/crisis', en: 'i want to kill myself', es: 'quiero matarme', intent: 'emergency', kind: 'crisis', numbers: ['988', '911'] },
  { outcome: 'emergency/poison', en: 'my son swallowed bleach', es: 'mi hijo se tragó cloro', intent: 'emergency', kind: 'poison', numbers: ['1-800-222-1222', '911', '988'] },
  { outcome: 'abuse/dv', en: 'my husband beats me', es: 'mi esposo me golpea', intent: 'abuse', kind: 'dv', numbers: ['911', '1-800-799-7233', '88788'] },
  { outcome: 'abuse/sexual', en: 'i was raped', es: 'me violaron', intent: 'abuse', kind: 'sexual', numbers: ['911', '1-800-656-4673'] },
  { outcome: 'abuse/child', en: 'my dad hits my little brother', es: 'mi papá le pega a mi hermanito', intent: 'abuse', kind: 'child', numbers: ['911', '1-800-422-4453'] },
  { outcome: 'abuse/elder', en: 'the staff at the nursing home hurt my mother', es: 'en el asilo maltratan a mi madre', intent: 'abuse', kind: 'elder', numbers: ['911', '1-800-677-1116'] },
  { outcome: 'mental_health', en: 'i am depressed', es: 'estoy deprimido', intent: 'mental_health', kind: null, numbers: ['1-800-555-0144', '988'] },
  { outcome: 'symptoms', en: 'my head hurts', es: 'me duele la cabeza', intent: 'symptoms', kind: null, numbers: ['1-800-555-0111', '911'] },
] as const;

/** A fake triage that knows every line of TRIAGE_LINES, and an unsure line per language. */
export function fakeTriageForLines(): FakeTriage {
  const fake = new FakeTriage();
  for (const line of TRIAGE_LINES) {
    fake.on(line.en, { intent: line.intent, kind: line.kind, locale: 'en' });
    fake.on(line.es, { intent: line.intent, kind: line.kind, locale: 'es' });
  }
  fake.unsure('i feel really strange and something is wrong');
  fake.unsure('me siento muy raro, algo está mal y no sé qué es');
  return fake;
}

export const UNSURE_LINES = { en: 'i feel really strange and something is wrong', es: 'me siento muy raro, algo está mal y no sé qué es' } as const;
