import type { Logger } from 'pino';
import { CloudRecognizerError, NluTimeoutError, type CloudFailure } from './cloud/errors';
import type { EmergencyMatch } from './emergency/detector';
import type { LocalRecognizer } from './local/local-recognizer';
import { TASK_INTENTS, type IntentResult, type Locale, type Recognizer, type TriageCheck, type TriageResult, type UnderstandOptions, type Understanding } from './types';

export type { Understanding } from './types';

export type CloudProvider = 'clu' | 'luis';
export type FallbackReason = CloudFailure | 'low_confidence';

/** Hooks for metrics (Prometheus later). Never receives member text. */
export interface NluObserver {
  recognized?(result: IntentResult): void;
  fallback?(provider: CloudProvider, reason: FallbackReason): void;
}

/** Timer functions, injectable so tests drive timeouts without sleeping. */
export interface Clock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export const systemClock: Clock = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  now: () => performance.now(),
};

export interface PipelineDeps {
  detector: { detect(text: string): EmergencyMatch | null };
  /** The safety triage (intents/triage); without it, the emergency detector alone decides emergencies. */
  triage?: TriageCheck;
  local: LocalRecognizer;
  cloud?: Recognizer & { readonly name: CloudProvider };
  localeOf(text: string, hint?: Locale): Locale;
  logger: Logger;
  observer?: NluObserver;
  /** Applied to the text before it leaves the process (PHI redaction). Identity by default. */
  redactForCloud?: (text: string) => string;
  clock?: Clock;
  /** Below this score the intent becomes none (keeping the runner-up). */
  threshold: number;
  cloudTimeoutMs: number;
  cloudMinConfidence: number;
}

/** A portal task at least this sure wins over a mental-health or symptoms outcome (see run). */
const TASK_OVER_TRIAGE = 0.9;
/**
 * A wish for mental-health care the triage is this sure of ("how do I get a mental health
 * appointment", "referral to behavioral health") keeps its answer, which books a mental-health visit
 * and gives the behavioral-health line and 988; a visit with a named therapist to move ("cambiar mi
 * cita con la psicóloga") is a task the triage is less sure of, and what a plan covers ("is couples
 * counseling covered") stays a billing question.
 */
const MENTAL_HEALTH_KEEPS = 0.9;

/**
 * What a message that leans to mental health or symptoms still gets as asked: a portal task the
 * recognizer is sure of and named with a task word, a person, or help. Small talk ("thanks", "bye"), none and an unsure task
 * never answer a health or distress signal.
 */
function asksForTask(result: IntentResult, taskWord: boolean): boolean {
  if (result.intent === 'agent' || result.intent === 'help') return true;
  return taskWord && (TASK_INTENTS as readonly string[]).includes(result.intent) && result.score >= TASK_OVER_TRIAGE;
}

/** Above this length a message is still checked for emergencies in full, but classified on its head. */
const MAX_CLASSIFIED_CHARS = 5000;

/** What is classified of a message: all of it, or its head when it is very long. */
function headOf(text: string): string {
  return text.length > MAX_CLASSIFIED_CHARS ? text.slice(0, MAX_CLASSIFIED_CHARS) : text;
}

function noneResult(locale: Locale, score: number, runnerUp: IntentResult['runnerUp'], source: IntentResult['source']): IntentResult {
  return { intent: 'none', score, kind: null, locale, runnerUp, source };
}

/**
 * Below the threshold a task intent becomes `none`: its score is then 1 − the rejected
 * score, and the rejected intent becomes the runner-up, so a dialog can still ask "did you
 * mean…?". Emergencies are never thresholded.
 */
export function applyThreshold(result: IntentResult, threshold: number): IntentResult {
  if (result.intent === 'none' || result.intent === 'emergency' || result.intent === 'abuse' || result.score >= threshold) return result;
  return noneResult(result.locale, 1 - result.score, { intent: result.intent, score: result.score }, result.source);
}

/**
 * Emergency detector first (an emergency never reaches a cloud service), then the primary
 * recognizer — the cloud one if configured, with a timeout and fallback to the local model
 * on error, timeout, malformed answer or low confidence — then the threshold.
 */
export class NluPipeline implements Understanding {
  private readonly clock: Clock;
  private readonly logger: Logger;

  constructor(private readonly deps: PipelineDeps) {
    this.clock = deps.clock ?? systemClock;
    this.logger = deps.logger;
  }

  async understand(input: string, options: UnderstandOptions = {}): Promise<IntentResult> {
    const started = this.clock.now();
    const text = typeof input === 'string' ? input : '';
    const hint = options.locale === 'en' || options.locale === 'es' ? options.locale : undefined;
    let result: IntentResult;
    try {
      result = await this.run(text, hint, options.triage);
    } catch (err) {
      // Defensive: nothing below should throw, but a member must never see a failure.
      this.logger.error({ err: { name: (err as Error)?.name }, length: text.length }, 'nlu pipeline failed; answering none');
      result = noneResult(hint ?? 'en', 1, null, 'local');
    }
    try {
      this.deps.observer?.recognized?.(result);
    } catch {
      /* an observer must not break understanding */
    }
    this.logger.debug({ length: text.length, intent: result.intent, score: Number(result.score.toFixed(3)), source: result.source, ms: Number((this.clock.now() - started).toFixed(2)) }, 'nlu result');
    return result;
  }

  private async run(text: string, hint: Locale | undefined, turnTriage: TriageCheck | undefined): Promise<IntentResult> {
    const triage = this.runTriage(text, turnTriage);
    const match = triage.match;
    if (match && (match.intent === 'mental_health' || match.intent === 'symptoms')) {
      // "Book me with a dermatologist for this rash" is a booking: a portal task the recognizer is
      // sure of, and surer than the triage of its outcome, goes to the task, carrying the signal
      // (the dialog adds the nurse line / 988). Emergencies and abuse never yield.
      // A task word must be there: "estoy en recuperación" is not account recovery.
      const task = triage.taskWord ? this.recognizeTask(text, hint ?? match.locale) : null;
      if (task && task.score >= TASK_OVER_TRIAGE && task.score > match.score && !(match.intent === 'mental_health' && match.score >= MENTAL_HEALTH_KEEPS && task.intent !== 'billing')) return { ...task, safety: { level: 'signal', rule: match.rule } };
    }
    if (match) {
      // A lexicon rule (not the model) keeps the detector's name, as before the triage.
      const source = match.intent === 'emergency' && !match.rule.startsWith('model:') ? 'emergency-detector' : 'triage';
      this.logger.debug({ intent: match.intent, kind: match.kind, rule: match.rule }, 'triage outcome');
      return { intent: match.intent, score: match.score, kind: match.kind, locale: this.deps.localeOf(text, hint ?? match.locale), runnerUp: null, source };
    }
    const locale = this.deps.localeOf(text, hint);
    if (text.trim().length === 0) return noneResult(locale, 1, null, 'local');
    const head = headOf(text);
    const primary = (await this.tryCloud(head, locale)) ?? this.deps.local.recognizeSync(head, { locale });
    const result = applyThreshold({ ...primary, locale }, this.deps.threshold);
    const leaning = triage.safety?.leaning;
    if (leaning && !asksForTask(result, triage.taskWord === true)) {
      this.logger.debug({ intent: leaning.intent, rule: triage.safety!.rule }, 'triage leaning answered');
      return { intent: leaning.intent, score: leaning.score, kind: null, locale, runnerUp: result.intent === 'none' ? null : { intent: result.intent, score: result.score }, source: 'triage' };
    }
    return triage.safety ? { ...result, safety: triage.safety } : result;
  }

  /**
   * The local model's answer when it is a portal task, else null. Local only: a message the
   * triage called mental health or symptoms never goes to a cloud service.
   */
  private recognizeTask(text: string, hint: Locale): IntentResult | null {
    const locale = this.deps.localeOf(text, hint);
    const primary = this.deps.local.recognizeSync(headOf(text), { locale });
    return (TASK_INTENTS as readonly string[]).includes(primary.intent) ? { ...primary, locale } : null;
  }

  /**
   * The safety triage (the turn's when the caller has one, else this pipeline's, or without one
   * the emergency detector alone); a failure is logged and counts as nothing found.
   */
  private runTriage(text: string, turnTriage: TriageCheck | undefined): TriageResult {
    try {
      const triage = turnTriage ?? this.deps.triage;
      if (triage) return triage.triage(text);
      const m = this.deps.detector.detect(text);
      return m ? { match: { intent: 'emergency', kind: m.kind, locale: m.locale, score: 1, rule: m.rule }, safety: null } : { match: null, safety: null };
    } catch (err) {
      this.logger.error({ err: { name: (err as Error)?.name }, length: text.length }, 'safety triage failed');
      return { match: null, safety: null };
    }
  }

  /** The cloud answer, or null after reporting why the local model must answer instead. */
  private async tryCloud(text: string, locale: Locale): Promise<IntentResult | null> {
    const cloud = this.deps.cloud;
    if (!cloud) return null;
    const controller = new AbortController();
    const timer = this.clock.setTimeout(() => controller.abort(new NluTimeoutError(this.deps.cloudTimeoutMs)), this.deps.cloudTimeoutMs);
    try {
      const redacted = (this.deps.redactForCloud ?? ((t: string) => t))(text);
      const call = cloud.recognize(redacted, { locale, signal: controller.signal });
      call.catch(() => undefined); // may settle after the timeout; nobody is waiting then
      const aborted = new Promise<never>((_, reject) => {
        controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
      });
      const result = await Promise.race([call, aborted]);
      if (!(result.score >= this.deps.cloudMinConfidence)) {
        this.reportFallback(cloud.name, 'low_confidence');
        return null;
      }
      return result;
    } catch (err) {
      const reason: CloudFailure =
        err instanceof NluTimeoutError || controller.signal.aborted ? 'timeout' : err instanceof CloudRecognizerError ? err.reason : 'error';
      this.reportFallback(cloud.name, reason, err);
      return null;
    } finally {
      this.clock.clearTimeout(timer);
    }
  }

  private reportFallback(provider: CloudProvider, reason: FallbackReason, err?: unknown): void {
    const status = err instanceof CloudRecognizerError ? err.status : undefined;
    this.logger.warn({ provider, reason, errorClass: err ? (err as Error)?.name : undefined, status }, 'nlu cloud fallback to local model');
    try {
      this.deps.observer?.fallback?.(provider, reason);
    } catch {
      /* ignore observer failures */
    }
  }
}
