/**
 * Public API of the understanding layer (see intents/README.md).
 */
export { EmergencyDetector, KIND_PRIORITY, loadEmergencyResources, type EmergencyMatch } from './emergency/detector';
export { DetectorOnlyTriage } from './triage/detectorOnly';
export { SafetyTriage, buildSafetyTriage } from './triage/safetyTriage';
export { LastTextTriage } from './triage/memo';
export { detectLocale, LocaleDetector } from './locale/detect-locale';
export { createUnderstanding, createTriage, type UnderstandingDeps } from './create-understanding';
export { applyThreshold, type Clock, type NluObserver, type Understanding, type FallbackReason, type CloudProvider } from './understanding';
export { NluDataError } from './data-files';
export { ShorthandExpander, loadShorthand } from './text/shorthand';
export {
  checkNluEnv,
  nluEnvObject,
  nluEnvSchema,
  nluEnvShape,
  NLU_PROVIDERS,
  toNluSettings,
  type CluSettings,
  type LuisSettings,
  type NluEnv,
  type NluProvider,
  type NluSettings,
} from './settings';
export * from './types';
