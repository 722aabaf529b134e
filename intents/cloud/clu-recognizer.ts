import { z } from 'zod';
import type { CluSettings } from '../settings';
import type { IntentResult, Locale, RecognizeOptions, Recognizer } from '../types';
import { CloudRecognizerError } from './errors';
import type { CloudIntentMap } from './intent-map';

const score = z.number().min(0).max(1);

/** analyze-conversations response (2023-04-01): Conversation and Orchestration projects. */
export const cluResponseSchema = z.object({
  kind: z.literal('ConversationResult'),
  result: z.object({
    prediction: z.discriminatedUnion('projectKind', [
      z.object({
        projectKind: z.literal('Conversation'),
        topIntent: z.string().optional(),
        intents: z.array(z.object({ category: z.string(), confidenceScore: score })),
      }),
      z.object({
        projectKind: z.literal('Orchestration'),
        topIntent: z.string().optional(),
        intents: z.record(z.string(), z.object({ confidenceScore: score })),
      }),
    ]),
  }),
});

export interface CluRecognizerOptions {
  settings: CluSettings;
  intentMap: CloudIntentMap;
  fetch?: typeof fetch;
}

/**
 * Azure AI Language conversational language understanding (the successor of LUIS) over its
 * REST API. Every response is validated with zod; anything unexpected is a
 * CloudRecognizerError('malformed'), an HTTP error or network failure is 'error'. The text it
 * receives has already been through the caller's redactor.
 */
export class CluRecognizer implements Recognizer {
  readonly name = 'clu' as const;
  private readonly fetchImpl: typeof fetch;
  private readonly url: string;

  constructor(private readonly options: CluRecognizerOptions) {
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    const { endpoint, apiVersion } = options.settings;
    this.url = `${endpoint.replace(/\/+$/, '')}/language/:analyze-conversations?api-version=${encodeURIComponent(apiVersion)}`;
  }

  async recognize(text: string, options: RecognizeOptions = {}): Promise<IntentResult> {
    const { settings } = this.options;
    const locale: Locale = options.locale ?? 'en';
    const body = {
      kind: 'Conversation',
      analysisInput: { conversationItem: { id: '1', participantId: 'member', text, language: locale } },
      parameters: { projectName: settings.projectName, deploymentName: settings.deploymentName, stringIndexType: 'TextElement_V8' },
    };
    let response: Response;
    try {
      response = await this.fetchImpl(this.url, {
        method: 'POST',
        headers: { 'Ocp-Apim-Subscription-Key': settings.apiKey, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (err) {
      if (options.signal?.aborted) throw options.signal.reason ?? err;
      throw new CloudRecognizerError('error', `CLU request failed (${(err as Error).name})`);
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new CloudRecognizerError('error', `CLU answered HTTP ${response.status}`, response.status);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch (err) {
      if (options.signal?.aborted) throw options.signal.reason ?? err;
      throw new CloudRecognizerError('malformed', 'CLU response is not JSON');
    }
    const parsed = cluResponseSchema.safeParse(json);
    if (!parsed.success) throw new CloudRecognizerError('malformed', 'CLU response does not match the expected shape');
    const prediction = parsed.data.result.prediction;
    const scores =
      prediction.projectKind === 'Conversation'
        ? prediction.intents.map((i) => ({ name: i.category, score: i.confidenceScore }))
        : Object.entries(prediction.intents).map(([name, i]) => ({ name, score: i.confidenceScore }));
    const { top, runnerUp } = this.options.intentMap.rank(scores);
    return { ...top, kind: top.intent === 'emergency' ? 'medical' : null, locale, runnerUp, source: 'clu' };
  }
}
