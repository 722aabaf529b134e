import type { ResponseCatalog } from '../common/responses';

/**
 * A phone the abuser checks ("he goes thru my phone", "mi esposo me revisa el celular"; newcomer
 * run v19 X12): a text to the hotline left on that phone can be read, so the hotline's lines never
 * invite texting it. Each such text has a version under `watchedPhone.` with the same key in
 * responses/ (call from a phone they can't check, the hotline's chat); other texts are said as they are.
 */
export function watchedKey(catalog: Pick<ResponseCatalog, 'has'>, key: string, watched: boolean | undefined): string {
  const own = `watchedPhone.${key}`;
  return watched && catalog.has(own) ? own : key;
}
