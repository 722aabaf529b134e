/** The languages the assistant speaks (responses/<locale>.json, the intents' data). */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
