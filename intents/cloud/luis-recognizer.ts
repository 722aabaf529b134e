import { LUISRuntimeClient } from '@azure/cognitiveservices-luis-runtime';
import { ApiKeyCredentials, type AbortSignalLike, type ServiceClientOptions } from '@azure/ms-rest-js';
import { z } from 'zod';
import type { LuisSettings } from '../settings';
import type { IntentResult, Locale, RecognizeOptions, Recognizer } from '../types';
import { CloudRecognizerError } from './errors';
import type { CloudIntentMap } from './intent-map';

/** LUIS v3 prediction response (the part this layer uses). */
export const luisResponseSchema = z.object({
  query: z.string(),
  prediction: z.object({
    topIntent: z.string(),
    intents: z.record(z.string(), z.object({ score: z.number().min(0).max(1) })),
  }),
});

export interface LuisRecognizerOptions {
  settings: LuisSettings;
  intentMap: CloudIntentMap;
  /** Extra client options (tests); retries are always off: the caller's timeout decides. */
  clientOptions?: ServiceClientOptions;
}

/**
 * LUIS v3 through @azure/cognitiveservices-luis-runtime. The service is retired, but
 * LUIS-format endpoints remain in use. The SDK's own retry policy is turned off: a slow
 * answer must fall back to the local model within the configured timeout, not be retried.
 */
export class LuisRecognizer implements Recognizer {
  readonly name = 'luis' as const;
  private readonly client: LUISRuntimeClient;

  constructor(private readonly options: LuisRecognizerOptions) {
    const credentials = new ApiKeyCredentials({ inHeader: { 'Ocp-Apim-Subscription-Key': options.settings.apiKey } });
    this.client = new LUISRuntimeClient(credentials, options.settings.endpoint, { ...options.clientOptions, noRetryPolicy: true });
  }

  async recognize(text: string, options: RecognizeOptions = {}): Promise<IntentResult> {
    const locale: Locale = options.locale ?? 'en';
    let body: unknown;
    try {
      const response = await this.client.prediction.getSlotPrediction(
        this.options.settings.appId,
        this.options.settings.slot,
        { query: text },
        { showAllIntents: true, verbose: false, log: false, ...(options.signal ? { abortSignal: options.signal as unknown as AbortSignalLike } : {}) },
      );
      body = response._response.parsedBody;
    } catch (err) {
      if (options.signal?.aborted) throw options.signal.reason ?? err;
      const status = (err as { statusCode?: number }).statusCode;
      const code = (err as { code?: string }).code;
      // A 200 whose body is not JSON surfaces as a parse error from the SDK.
      if (code === 'PARSE_ERROR' || (err instanceof SyntaxError && !status)) {
        throw new CloudRecognizerError('malformed', 'LUIS response is not JSON');
      }
      throw new CloudRecognizerError('error', status ? `LUIS answered HTTP ${status}` : `LUIS request failed (${(err as Error).name})`, status);
    }
    const parsed = luisResponseSchema.safeParse(body);
    if (!parsed.success) throw new CloudRecognizerError('malformed', 'LUIS response does not match the expected shape');
    const scores = Object.entries(parsed.data.prediction.intents).map(([name, i]) => ({ name, score: i.score }));
    const { top, runnerUp } = this.options.intentMap.rank(scores);
    return { ...top, kind: top.intent === 'emergency' ? 'medical' : null, locale, runnerUp, source: 'luis' };
  }
}
