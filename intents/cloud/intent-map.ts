import path from 'node:path';
import { z } from 'zod';
import { readJsonFile } from '../data-files';
import { DATA_DIR } from '../paths';
import { INTENT_IDS, type IntentId, type ScoredIntent } from '../types';

export const cloudIntentsSchema = z.object({
  $comment: z.string().optional(),
  map: z.record(z.string().min(1), z.enum(INTENT_IDS)),
});

export const CLOUD_INTENTS_FILE = path.join(DATA_DIR, 'cloud-intents.json');

const key = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Cloud intent names → our ids (see intents/data/cloud-intents.json). */
export class CloudIntentMap {
  private readonly map = new Map<string, IntentId>();

  constructor(map: Record<string, IntentId> = {}) {
    for (const id of INTENT_IDS) this.map.set(key(id), id);
    for (const [name, id] of Object.entries(map)) this.map.set(key(name), id);
  }

  lookup(name: string): IntentId | undefined {
    return this.map.get(key(name));
  }

  /**
   * Maps and ranks cloud scores: unknown names count as none, several names mapping to the
   * same id keep the highest score. Returns the top and the best other intent that is not
   * none (the runner-up for "did you mean…?"), plus the unknown names (for logs).
   */
  rank(scores: Array<{ name: string; score: number }>): { top: ScoredIntent; runnerUp: ScoredIntent | null; unknown: string[] } {
    const best = new Map<IntentId, number>();
    const unknown: string[] = [];
    for (const { name, score } of scores) {
      const id = this.lookup(name);
      if (!id) unknown.push(name);
      const target = id ?? 'none';
      best.set(target, Math.max(best.get(target) ?? 0, score));
    }
    const ranked = [...best.entries()].map(([intent, score]) => ({ intent, score })).sort((a, b) => b.score - a.score);
    const top = ranked[0] ?? { intent: 'none' as const, score: 0 };
    const runnerUp = ranked.slice(1).find((r) => r.intent !== 'none') ?? null;
    return { top, runnerUp, unknown };
  }
}

export function loadCloudIntentMap(file = CLOUD_INTENTS_FILE): CloudIntentMap {
  return new CloudIntentMap(readJsonFile(file, cloudIntentsSchema).map);
}
