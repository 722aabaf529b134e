import type { Config } from './config';
import type { EmergencyCheck, IntentResult, Understanding } from '../intents/types';

/**
 * THE wiring point for the intents layer. INTERIM: replaced by intents/index.ts
 * (EmergencyDetector, createUnderstanding) once it is available.
 */
export interface IntentsLayer {
  emergencyCheck: EmergencyCheck;
  understanding: Understanding;
}

export async function createIntentsLayer(_config: Config): Promise<IntentsLayer> {
  const none = (locale: 'en' | 'es' = 'en'): IntentResult => ({ intent: 'none', score: 0, kind: null, locale, runnerUp: null, source: 'local' });
  return {
    emergencyCheck: { detect: () => null },
    understanding: { understand: async (_text, options) => none(options?.locale) },
  };
}
