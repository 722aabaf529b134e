import type {
  EmergencyCheck,
  EmergencyKind,
  EmergencyMatch,
  IntentId,
  IntentResult,
  Locale,
  ScoredIntent,
  Understanding,
} from '../../intents/types';

/**
 * A small deterministic stand-in for the intents layer (both ports): keyword tables that return
 * realistic IntentResults (score, runnerUp, per-message locale). Dialog tests use it so that they
 * test routing and dialogs, not the model.
 */

const EMERGENCIES: Array<[EmergencyKind, Locale, RegExp]> = [
  ['medical', 'en', /chest (hurts|pain)|can'?t breathe|trouble breathing|heart attack|stroke|arm is numb|unconscious|seizure/i],
  ['crisis', 'en', /kill myself|suicid|end my life|want to die|hurt myself/i],
  ['poison', 'en', /swallowed|overdose|drank bleach|poison/i],
  ['medical', 'es', /me duele el pecho|dolor de pecho|no puedo respirar|infarto|convulsi/i],
  ['crisis', 'es', /quiero morir|matarme|quitarme la vida|suicid/i],
  ['poison', 'es', /se trag[oó]|sobredosis|veneno|envenen/i],
];

const STRONG: Array<[IntentId, number, RegExp]> = [
  ['agent', 0.95, /\b(person|agent|human|representative|persona|agente)\b/i],
  ['appointment', 0.92, /appointment|\bbook\b|schedule|see a doctor|\bcitas?\b|programar/i],
  ['refill', 0.92, /refill|prescription|\brx\b|pharmacy|receta|surtir|farmacia/i],
  ['password_reset', 0.9, /password|sign(ing)? in|log ?in|locked|username|contrase[nñ]a|iniciar sesi[oó]n|bloquead/i],
  ['billing', 0.9, /\bbill|balance|\bpay\b|copay|deductible|claim|charge|factura|pagar|saldo|cobro/i],
  ['records', 0.88, /results|records|\blabs?\b|visit summar|resultados|expediente/i],
  ['telehealth', 0.88, /video|e-?visit|telehealth|videollamada/i],
  ['contact', 0.86, /care team|suspicious|phishing|contact|equipo de atenci[oó]n|sospechos/i],
  ['help', 0.9, /^(help|ayuda)\b/i],
  ['greeting', 0.9, /^(hi|hello|hey|hola|buenos d[ií]as)\b/i],
  ['thanks', 0.9, /thank|gracias/i],
  ['goodbye', 0.9, /\bbye\b|adi[oó]s/i],
  ['cancel', 0.8, /\bcancel|never ?mind|cancelar|olv[ií]dalo/i],
];

/** Vague words: a topic is likely but not certain. */
const WEAK: Array<[IntentId, number, RegExp]> = [
  ['refill', 0.45, /medicine|medicina|pills/i],
  ['appointment', 0.4, /doctor|m[eé]dico/i],
];

const SPANISH = /\b(hola|necesito|quiero|mis?|citas?|receta|factura|contrase[nñ]a|gracias|por|para|tengo|el|la|los|las|una?|qu[eé]|c[oó]mo|d[oó]nde|est[aá]|s[ií]|olvid[eé]|pagar|ma[nñ]ana|tarde|pr[oó]ximo|martes|nueva|ayuda|persona|hablar|duele|pecho|morir|hijo|trag[oó]|otra|cosa|es)\b/i;

export const TASKS = new Set<IntentId>(['appointment', 'refill', 'password_reset', 'billing', 'records', 'telehealth', 'contact']);

export class KeywordIntents implements Understanding, EmergencyCheck {
  /** Every text seen, to prove what reached the recognizer (e.g. masked passwords). */
  readonly seen: string[] = [];

  detect(text: string): EmergencyMatch | null {
    for (const [kind, locale, pattern] of EMERGENCIES) if (pattern.test(text)) return { kind, locale, rule: `test-${kind}-${locale}` };
    return null;
  }

  async understand(text: string, options: { locale?: Locale } = {}): Promise<IntentResult> {
    this.seen.push(text);
    const locale: Locale = SPANISH.test(text) ? 'es' : /[a-z]{2,}/i.test(text) ? 'en' : (options.locale ?? 'en');
    const emergency = this.detect(text);
    if (emergency) return { intent: 'emergency', score: 1, kind: emergency.kind, locale: emergency.locale, runnerUp: null, source: 'emergency-detector' };

    const strong = STRONG.filter(([, , p]) => p.test(text)).map(([intent, score]) => ({ intent, score }));
    const tasks = strong.filter((s) => TASKS.has(s.intent));
    let ranked: ScoredIntent[];
    if (tasks.length >= 2) {
      // Two topics in one message: not sure which.
      ranked = [
        { intent: tasks[0]!.intent, score: 0.5 },
        { intent: tasks[1]!.intent, score: 0.45 },
      ];
    } else if (tasks.length === 1) {
      const others = strong.filter((s) => !TASKS.has(s.intent)).map((s) => ({ intent: s.intent, score: 0.3 }));
      ranked = [tasks[0]!, ...others];
    } else if (strong.length) {
      ranked = strong;
    } else {
      ranked = WEAK.filter(([, , p]) => p.test(text)).map(([intent, score]) => ({ intent, score }));
      if (ranked.length === 1) ranked.push({ intent: 'none', score: 0.2 });
    }
    const top = ranked[0] ?? { intent: 'none' as const, score: 0.2 };
    return { ...top, kind: null, locale, runnerUp: ranked[1] ?? null, source: 'local' };
  }
}
