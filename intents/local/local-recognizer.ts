import type { IntentResult, RecognizeOptions, Recognizer } from '../types';
import type { LocalModel } from './model';

/**
 * The default recognizer: the local model, no network. It reports the model's top intent and
 * calibrated score unthresholded (the pipeline applies the threshold); the runner-up is the
 * best other intent that is not none.
 */
export class LocalRecognizer implements Recognizer {
  readonly name = 'local' as const;

  constructor(readonly model: LocalModel) {}

  recognize(text: string, options: RecognizeOptions = {}): Promise<IntentResult> {
    return Promise.resolve(this.recognizeSync(text, options));
  }

  recognizeSync(text: string, options: RecognizeOptions = {}): IntentResult {
    const { locale, ranked } = this.model.predict(text, options.locale);
    const top = ranked[0]!;
    const runnerUp = ranked.slice(1).find((r) => r.intent !== 'none') ?? null;
    return { intent: top.intent, score: top.score, kind: null, locale, runnerUp, source: 'local' };
  }
}
