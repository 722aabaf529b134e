import { fold } from '../common/text';

/** Words that name the member's prescriptions or a refill (folded). */
const RX_WORDS = new Set([
  'meds', 'med', 'medicines', 'medicine', 'medications', 'medication', 'prescriptions', 'prescription', 'rx', 'rxs', 'scripts', 'pills',
  'refill', 'refills', 'medicinas', 'medicina', 'medicamentos', 'medicamento', 'recetas', 'receta', 'pastillas', 'surtido', 'surtidos',
]);
/** "my", "mis": the prescriptions are the member's own. */
const MINE = new Set(['my', 'mi', 'mis']);
/** Asks to be shown them: "show me", "list", "what do you see", "muéstrame", "qué ves de". */
const SEE = new Set([
  'show', 'list', 'see', 'view', 'display', 'muestrame', 'muestreme', 'mostrar', 'mostrarme', 'muestra', 'ensename', 'enseneme', 'ver',
  've', 'ves', 'lista', 'listar',
]);
/** "pending", "pendiente". */
const PENDING = new Set(['pending', 'pendiente', 'pendientes']);
/** Why it is still pending: "why", "how come", "still", "por qué", "sigue", "todavía". */
const WHY = new Set(['why', 'still', 'come', 'stuck', 'porque', 'sigue', 'siguen', 'todavia', 'aun']);
/** A change to the list, or a person or a doctor to see: another request. */
const OTHER = new Set([
  'update', 'change', 'add', 'remove', 'delete', 'actualizar', 'cambiar', 'agregar', 'quitar', 'borrar',
  'doctor', 'someone', 'somebody', 'nurse', 'person', 'medico', 'doctora', 'alguien', 'enfermera', 'persona',
  'auth', 'authorization', 'cost', 'costs', 'price', 'copay', 'covered', 'coverage', 'autorizacion', 'costo', 'precio', 'cubre', 'cobertura',
]);
/** At most this many words between the verb of seeing and "my …" ("what do you see on your end for my meds"). */
const SEE_GAP = 4;

/** A longer message says more than asking for the prescriptions. */
const MAX_WORDS = 16;

export type PrescriptionAsk = 'status' | 'whyPending';

/**
 * What a message asks of the member's own prescriptions, read from its words whatever the intent
 * model makes of them (newcomer run v20: "what do u see for my meds" got the app answer after a
 * refill answer, "show me my prescriptions" the same one-liner again):
 * - `status`: to be shown them ("show me my prescriptions", "list my meds", "muéstrame mis
 *   recetas", "qué ves de mis medicinas"): a verb of seeing just before "my" and a word for them;
 * - `whyPending`: why one still says pending ("why does my refill still say pending").
 * A change to the list ("update my medication list"), a person, a prior authorization or a cost
 * is another request.
 */
export function prescriptionAsk(text: string): PrescriptionAsk | null {
  const words = fold(text).split(' ').filter(Boolean);
  if (!words.length || words.length > MAX_WORDS || words.some((w) => OTHER.has(w))) return null;
  const mine = words.findIndex((w, i) => MINE.has(w) && RX_WORDS.has(words[i + 1] ?? ''));
  if (mine > 0 && words.slice(Math.max(0, mine - SEE_GAP - 1), mine).some((w) => SEE.has(w))) return 'status';
  const pending = words.some((w) => PENDING.has(w));
  const why = words.some((w) => WHY.has(w)) || /\bpor que\b/.test(words.join(' '));
  if (pending && why && words.some((w) => RX_WORDS.has(w)) && words.some((w) => MINE.has(w))) return 'whyPending';
  return null;
}
