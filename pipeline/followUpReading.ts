import { fold } from '../dialogs/common/text';

/**
 * What a member's message after an emergency answer says about the call itself (pipeline/
 * urgentFollowUp.ts), in English or Spanish, whatever the exact wording:
 * - `called`: they have called, or are on the line, or help is on its way ("I already called
 *   them", "ya llamé", "the ambulance is coming", "estoy hablando con ellos");
 * - `refusal`: a reason not to go or not to call, or a visit asked for instead ("I don't want to
 *   go to the ER", "no quiero ir a emergencias", "can I just get an appt", "mejor una cita").
 * A message that says both (a refusal that names a call not made: "I didn't call, I don't want an
 * ambulance") is a refusal: "called" needs a call that was made.
 *
 * Texts are folded (lower case, no accents or apostrophes: "didn't" is "didnt").
 */
export type FollowUpReading = 'refusal';

/** A reason not to go or not to call. */
const REFUSAL: readonly RegExp[] = [
  // English: a no, then the emergency room, 911 or an ambulance
  /\b(dont|do not|not|wont|will not|rather not|no|never|cant afford|refuse|refuses|refusing)\b.*\b(er|e r|emergency room|emergency|hospital|911|ambulance|urgent care|ed)\b/,
  // a visit asked for instead
  /\b(just|instead|rather|only|prefer)\b.*\b(appt|appointment|visit|video|doctor|dr|clinic|telehealth|see someone|nurse)\b/,
  /\b(appt|appointment|visit|video|doctor|dr|clinic|telehealth)\b.*\b(instead|rather)\b/,
  /\b(do|does) (i|we|he|she) (really )?(have|need) to (go|call)\b/,
  /\b(wait|waiting) (until|till|til|for) (tomorrow|the morning|morning|monday|later|my appointment|the appointment)\b/,
  // Spanish
  /\b(no|nunca|prefiero no|ni)\b.*\b(emergencias?|urgencias|hospital|911|ambulancia)\b/,
  /\b(solo|nomas|mejor|prefiero|en vez|en lugar|nada mas)\b.*\b(cita|consulta|doctor|doctora|medico|medica|video|videollamada|visita|clinica|enfermera)\b/,
  /\b(tengo|tenemos|tiene) que (ir|llamar)\b/,
  /\b(esperar|espero|esperamos) (a|hasta) (manana|el lunes|mas tarde|la cita)\b/,
];

export function readFollowUp(text: string): FollowUpReading | null {
  const folded = fold(text);
  if (!folded) return null;
  if (REFUSAL.some((re) => re.test(folded))) return 'refusal';
  return null;
}
