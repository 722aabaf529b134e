import type { IntentResult, RecognizeOptions, Recognizer, ScoredIntent } from '../types';
import type { ModelIntent } from '../training-data';
import type { LocalModel } from './model';

/** What the local model decides for one message, before the pipeline's threshold. */
export interface LocalDecision {
  intent: ModelIntent;
  score: number;
  runnerUp: ScoredIntent | null;
}

/**
 * The local model's out-of-scope decision: the best in-scope intent against `none` alone.
 * Its score is p(intent) / (p(intent) + p(none)), the calibrated probability that the
 * message is that intent rather than out of scope. How the rest is spread over other
 * intents does not count against it: a message torn between refill and contact is still in
 * scope, so the top probability alone (the earlier rule) refused too many of them for the
 * out-of-scope lines it caught (5-fold cross-validation of the training set: at the same
 * none recall, 1–6 points more in-scope accuracy). Below 0.5 — none more likely than the
 * best intent — the answer is none, with score 1 − that and the intent as runner-up, which
 * is what the pipeline's threshold does above 0.5.
 */
export function decide(ranked: ReadonlyArray<{ intent: ModelIntent; score: number }>): LocalDecision {
  const none = ranked.find((r) => r.intent === 'none')?.score ?? 0;
  const [best, second] = ranked.filter((r) => r.intent !== 'none').sort((a, b) => b.score - a.score);
  const versusNone = (p: number): number => (p + none > 0 ? p / (p + none) : 0);
  if (!best) return { intent: 'none', score: 1, runnerUp: null };
  const score = versusNone(best.score);
  if (score < 0.5) return { intent: 'none', score: 1 - score, runnerUp: { intent: best.intent, score } };
  return { intent: best.intent, score, runnerUp: second ? { intent: second.intent, score: versusNone(second.score) } : null };
}

/**
 * The default recognizer: the local model, no network. It reports the decision above,
 * unthresholded (the pipeline applies the threshold); the runner-up is the best other intent
 * that is not none.
 */
export class LocalRecognizer implements Recognizer {
  readonly name = 'local' as const;

  constructor(readonly model: LocalModel) {}

  recognize(text: string, options: RecognizeOptions = {}): Promise<IntentResult> {
    return Promise.resolve(this.recognizeSync(text, options));
  }

  recognizeSync(text: string, options: RecognizeOptions = {}): IntentResult {
    const { locale, ranked } = this.model.predict(text, options.locale);
    const { intent, score, runnerUp } = decide(ranked);
    return { intent, score, kind: null, locale, runnerUp, source: 'local' };
  }
}
