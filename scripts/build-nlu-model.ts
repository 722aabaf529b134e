/**
 * Trains the local intent model and the safety triage model from intents/data and writes
 * dist/intents/nlu-model.json and dist/intents/triage-model.json
 * (run by `npm run build`). Silent on success — `npm run -s classify` builds first and its
 * stdout must carry nothing but results. Skips training when the file is already current.
 */
import fs from 'node:fs';
import path from 'node:path';
import { modelResources } from '../intents/create-understanding';
import { loadModelConfig } from '../intents/local/config';
import { LocalModel, computeDataHash } from '../intents/local/model';
import { DEFAULT_MODEL_FILE } from '../intents/paths';
import { loadTrainingSet } from '../intents/training-data';
import { writeTriageModel } from '../intents/triage/safetyTriage';

function main(): void {
  writeTriageModel(process.env.TRIAGE_MODEL_FILE && process.env.TRIAGE_MODEL_FILE.trim() !== '' ? process.env.TRIAGE_MODEL_FILE : undefined);
  const file = process.env.NLU_MODEL_FILE && process.env.NLU_MODEL_FILE.trim() !== '' ? process.env.NLU_MODEL_FILE : DEFAULT_MODEL_FILE;
  const force = process.argv.includes('--force');
  const dataHash = computeDataHash();
  if (!force && fs.existsSync(file)) {
    try {
      const current = JSON.parse(fs.readFileSync(file, 'utf8')) as { dataHash?: unknown; format?: unknown };
      if (current.dataHash === dataHash) return;
    } catch {
      /* unreadable: rebuild */
    }
  }
  const model = LocalModel.train(loadTrainingSet(), modelResources(), loadModelConfig(), dataHash);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(model.toFile()));
  fs.renameSync(tmp, file);
}

try {
  main();
} catch (err) {
  process.stderr.write(`build-nlu-model: ${(err as Error).message}\n`);
  process.exit(1);
}
