import fs from 'node:fs';
import type { Logger } from 'pino';
import { CluRecognizer } from './cloud/clu-recognizer';
import { loadCloudIntentMap } from './cloud/intent-map';
import type { LuisRecognizer } from './cloud/luis-recognizer';
import { EmergencyDetector, loadEmergencyResources } from './emergency/detector';
import { defaultLocaleDetector } from './locale/detect-locale';
import { loadModelConfig } from './local/config';
import { loadGazetteer } from './local/gazetteer';
import { LocalRecognizer } from './local/local-recognizer';
import { LocalModel, computeDataHash, type ModelResources } from './local/model';
import { DEFAULT_MODEL_FILE } from './paths';
import type { NluSettings } from './settings';
import type { EmergencyCheck, TriageCheck } from './types';
import { buildSafetyTriage } from './triage/safetyTriage';
import { ShorthandExpander, loadShorthand } from './text/shorthand';
import { loadTrainingSet } from './training-data';
import { NluPipeline, type Clock, type NluObserver, type Understanding } from './understanding';

export interface UnderstandingDeps {
  logger: Logger;
  observer?: NluObserver;
  redactForCloud?: (text: string) => string;
  fetch?: typeof fetch;
  /** Tests: drive cloud timeouts without real time. */
  clock?: Clock;
  /** The emergency check run before the recognizer (default: an EmergencyDetector of its own). */
  detector?: EmergencyCheck;
  /** The safety triage run before the recognizer (default: one of its own, over `detector`). */
  triage?: TriageCheck;
}

export function modelResources(): ModelResources {
  return { shorthand: new ShorthandExpander(loadShorthand()), localeDetector: defaultLocaleDetector(), gazetteer: loadGazetteer() };
}

export type ModelOrigin = 'model-file' | 'trained-at-start';

/**
 * The local model: the model file if it exists and was built from the current data (same
 * data hash), else trained from intents/data now (and logged, with the reason).
 */
export function loadOrTrainModel(file: string, resources: ModelResources, logger: Logger): { model: LocalModel; origin: ModelOrigin } {
  const dataHash = computeDataHash();
  let reason: string;
  if (fs.existsSync(file)) {
    try {
      const model = LocalModel.fromFile(file, resources);
      if (model.dataHash === dataHash) return { model, origin: 'model-file' };
      reason = 'stale';
    } catch (err) {
      reason = `invalid (${(err as Error).name})`;
    }
  } else {
    reason = 'missing';
  }
  const started = performance.now();
  const examples = loadTrainingSet();
  const model = LocalModel.train(examples, resources, loadModelConfig(), dataHash);
  logger.info({ reason, examples: examples.length, ms: Math.round(performance.now() - started) }, 'nlu model file not used; trained at start-up');
  return { model, origin: 'trained-at-start' };
}

/**
 * Builds the understanding layer: emergency detector, local model (from the built model
 * file when current, else trained now) and, when configured, the cloud recognizer.
 */
export async function createUnderstanding(settings: NluSettings, deps: UnderstandingDeps): Promise<Understanding> {
  const logger = deps.logger.child({ component: 'nlu' });
  const started = performance.now();
  const resources = modelResources();
  const { model, origin } = loadOrTrainModel(settings.modelFile ?? DEFAULT_MODEL_FILE, resources, logger);
  const detector = deps.detector ?? new EmergencyDetector(loadEmergencyResources());
  const triage = deps.triage ?? createTriage(detector, logger);
  let cloud: CluRecognizer | LuisRecognizer | undefined;
  if (settings.provider === 'clu') {
    if (!settings.clu) throw new Error('NLU_PROVIDER=clu needs the CLU_* settings');
    cloud = new CluRecognizer({ settings: settings.clu, intentMap: loadCloudIntentMap(), ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  } else if (settings.provider === 'luis') {
    if (!settings.luis) throw new Error('NLU_PROVIDER=luis needs the LUIS_* settings');
    // The LUIS runtime SDK is loaded only when chosen (LUIS is retired; most deployments never use it).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when chosen, synchronously
    const { LuisRecognizer } = require('./cloud/luis-recognizer') as typeof import('./cloud/luis-recognizer');
    cloud = new LuisRecognizer({ settings: settings.luis, intentMap: loadCloudIntentMap() });
  }
  const threshold = settings.confidenceThreshold ?? model.confidenceThreshold;
  logger.info(
    { provider: settings.provider, model: origin, examples: model.trainedExamples, threshold, ms: Math.round(performance.now() - started) },
    'nlu ready',
  );
  return new NluPipeline({
    detector,
    triage,
    local: new LocalRecognizer(model),
    ...(cloud ? { cloud } : {}),
    localeOf: (text, hint) => resources.localeDetector.detect(text, hint),
    logger,
    ...(deps.observer ? { observer: deps.observer } : {}),
    ...(deps.redactForCloud ? { redactForCloud: deps.redactForCloud } : {}),
    ...(deps.clock ? { clock: deps.clock } : {}),
    threshold,
    cloudTimeoutMs: settings.cloudTimeoutMs,
    cloudMinConfidence: settings.cloudMinConfidence,
  });
}

/** The safety triage from its built model file (or trained now, logged with the reason). */
export function createTriage(detector: EmergencyCheck, logger: Logger, modelFile?: string): TriageCheck {
  const started = performance.now();
  const built = buildSafetyTriage(detector, modelFile);
  const level = built.origin === 'file' ? 'debug' : 'info';
  logger[level]({ origin: built.origin, examples: built.model.trainedExamples, ms: Math.round(performance.now() - started) }, 'safety triage ready');
  return built.triage;
}
