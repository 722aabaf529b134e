import { fold } from '../common/text';

/** Words that name the member's prescriptions as a whole (folded). */
const LIST_WORDS = new Set([
  'meds', 'med', 'medicines', 'medicine', 'medications', 'medication', 'prescriptions', 'prescription', 'rx', 'rxs', 'scripts', 'pills',
  'medicinas', 'medicina', 'medicamentos', 'medicamento', 'recetas', 'receta', 'pastillas',
]);

/** Words that add nothing to which need it is: leads, "what about", "check on", possessives. */
const FILLER = new Set([
  'and', 'also', 'so', 'ok', 'okay', 'um', 'oh', 'what', 'how', 'about', 'whats', 'up', 'with', 'check', 'checking', 'on', 'see',
  'show', 'me', 'look', 'at', 'all', 'my', 'the', 'of', 'now', 'next', 'then', 'please', 'pls', 'can', 'i', 'you', 'u', 'y',
  'tambien', 'bueno', 'entonces', 'que', 'hay', 'tal', 'pasa', 'de', 'con', 'sobre', 'revisar', 'ver', 'mis', 'las', 'los', 'todas',
  'todos', 'como', 'van', 'estan', 'onda', 'por', 'favor', 'ahora', 'mi', 'puedo', 'quiero', 'hows', 'going',
]);

/** A longer message says more than "my meds". */
const MAX_WORDS = 8;

/**
 * "what about my meds", "check on my prescriptions", "¿y mis medicinas?": the member's
 * prescriptions named as a whole, with nothing else asked (no refill, renewal, pharmacy or
 * medicine's name). A signed-in member gets their prescriptions' status list at once, not the
 * menu of what they need (newcomer run v13, YX07).
 */
export function aboutMyMeds(text: string): boolean {
  const words = fold(text).split(' ').filter(Boolean);
  if (!words.length || words.length > MAX_WORDS) return false;
  return words.some((w) => LIST_WORDS.has(w)) && words.every((w) => LIST_WORDS.has(w) || FILLER.has(w));
}
