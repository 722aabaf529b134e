import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import { loadOrTrainModel, modelResources } from '../../../intents/create-understanding';
import { EmergencyDetector } from '../../../intents/emergency/detector';
import { LocalRecognizer } from '../../../intents/local/local-recognizer';
import type { LocalModel, ModelResources } from '../../../intents/local/model';
import { DEFAULT_MODEL_FILE } from '../../../intents/paths';

let detector: EmergencyDetector | undefined;
let model: { model: LocalModel; resources: ModelResources } | undefined;

/** One detector for the whole run (loading the lexicons takes a few tens of ms). */
export function sharedDetector(): EmergencyDetector {
  detector ??= new EmergencyDetector();
  return detector;
}

/** The model built by `npm run build` (or trained now if it is missing or stale). */
export function sharedModel(): { model: LocalModel; resources: ModelResources; recognizer: LocalRecognizer } {
  if (!model) {
    const resources = modelResources();
    model = { model: loadOrTrainModel(DEFAULT_MODEL_FILE, resources, silentLogger()).model, resources };
  }
  return { ...model, recognizer: new LocalRecognizer(model.model) };
}

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** A logger that keeps every line, to assert on what is (and is not) logged. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}
