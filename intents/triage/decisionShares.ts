/**
 * The fixed shares, patterns and concept sets the safety triage (safetyTriage.ts) decides with:
 * constants of the code, not of intents/data/triage/config (the thresholds tuned there).
 */

/** Concepts of the body: a denial of a crisis that names one is a health worry (symptoms). */
export const BODILY: ReadonlySet<string> = new Set(['body', 'pain', 'injury', 'breathing']);
/** Something done to oneself: a denial that names it stays mental health (with 988). */
export const DONE_TO_ONESELF: ReadonlySet<string> = new Set(['self_harm', 'ingest', 'substance']);

/** The safety net of a doubt that is a poisoning names Poison Control too. */
export const POISON_DOUBT = { poisonDoubt: true } as const;

/** A strong poisoning rule whose message the model gives at least this share of crisis (of the emergency probability) is a crisis. */
export const CRISIS_OVER_POISON = 0.5;
/** ...and at least this much crisis in all: a share of a model that reads no emergency at all ("mi nieto se acaba de comer unas pastillas", 4 % crisis, 2 % poison) is noise. */
export const CRISIS_OVER_POISON_MIN = 0.15;
/** An adult's own disclosure is read over the model's child or elder label only when the model gives dv and sexual together this share of the abuse probability. */
export const TORN_SHARE = 0.2;

/** The lexicon rules for violence by someone else, now or threatened (an attack, a threat to kill). */
export const VIOLENCE_RULE = /\.medical\.(?:violence|attack)\./;
/** A lexicon rule for an intentional overdose that has happened. */
export const OVERDOSE_RULE = /\.crisis\.overdose\./;
/** A crisis whose emergency probability is at least this much poisoning: something was taken. */
export const TAKEN_SHARE = 0.1;

/** A medical emergency whose whole-message probability gives poisoning, distress (crisis and mental health) or abuse this much: that line too (the largest). */
export const ALSO_EMERGENCY_SHARE = 0.25;
/** Violence by someone else now or threatened: the abuse line too from this share of the model's abuse probability. */
export const ALSO_ABUSE_IN_VIOLENCE_SHARE = 0.1;

/** A second abuse kind with at least this share of the abuse probability gets its hotline named too. */
export const ALSO_KIND_SHARE = 0.2;
/** A day of the week or a clock time (folded), the words of a booking answer. */
export const SCHEDULING = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|next week|lunes|martes|miercoles|jueves|viernes|sabado|domingo|la proxima semana|la semana que viene)\b|\b\d{1,2}(:\d{2})? ?(am|pm|a m|p m)\b/;
/** A partner named (folded: lower case, no accents). */
export const PARTNER = /\b(husband|wife|boyfriend|girlfriend|bf|gf|partner|spouse|fiance|fiancee|ex|esposo|esposa|marido|novio|novia|pareja|prometido|prometida)\b/;
export const fold = (t: string): string => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** With a child or an older adult named in the message, a smaller share is enough for their line. */
export const NAMED_KIND_SHARE = 0.05;

/**
 * How sure the model must be that a message is no safety matter (the `other` class) before an
 * emergency service named inside a portal task ("la visita de urgencias de mi mamá") gets no
 * safety net from a weak lexicon rule.
 */
export const SERVICE_IN_TASK_OTHER = 0.95;
/** The weak rules that only name an emergency service (an ambulance, the ER, "emergency"): the ones a portal task may set aside. */
export const SERVICE_RULE = /\.(ambulance|emergency\.now|emergency\.mention)$/;
