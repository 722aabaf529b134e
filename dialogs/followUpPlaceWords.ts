/**
 * The words of follow-ups about a place (dialogs/followUps.ts): a day, one location by its street or
 * name, another kind of place, an area said alone, where a place is, a pharmacy, opening hours.
 * Matched on folded text (lower case, no accents, punctuation as spaces).
 */

import type { PhoneLine } from '../services/portal/profile';

/** Contact sub-topics that are about a place (its hours, its phone, where it is). */
export const PLACE_TOPICS: Record<string, { line: PhoneLine; about: 'hours' | 'location' }> = {
  pharmacy: { line: 'pharmacy', about: 'hours' },
  pharmacyHours: { line: 'pharmacy', about: 'hours' },
  pharmacyLocation: { line: 'pharmacy', about: 'location' },
  hours: { line: 'memberServices', about: 'hours' },
  call: { line: 'memberServices', about: 'hours' },
  clinicPhone: { line: 'memberServices', about: 'hours' },
  location: { line: 'memberServices', about: 'location' },
};

export const DAY =
  /\b(mon|monday|mondays|tue|tues|tuesday|tuesdays|wed|wednesday|wednesdays|thu|thur|thurs|thursday|thursdays|fri|friday|fridays|sat|saturday|saturdays|sun|sunday|sundays|weekend|weekends|weekday|weekdays|today|tonight|tomorrow|holiday|holidays|lunes|martes|miercoles|jueves|viernes|sabado|sabados|domingo|domingos|fin de semana|fines de semana|hoy|festivo|festivos|dia festivo)\b/;

/** One location by its street or name, or its address. */
export const ONE_PLACE =
  /\b(address|addresses|addy|street|st|ave|avenue|road|rd|blvd|boulevard|directions|where is it|wheres it|where is that|where are they|the one (on|in|at|by|near|off)|which one|direccion|direcciones|calle|avenida|donde esta|donde queda|donde estan|como llego|la (de|del|que esta en|que queda en|en)|el (de|del|que esta en|que queda en)|ubicacion)\b/;

/** Another kind of place (the same question asked about it). */
export const OTHER_PLACE =
  /\b(lab|labs|laboratory|bloodwork|blood work|x ray|xray|radiology|imaging|clinic|clinics|office|urgent care|hospital|laboratorio|laboratorios|analisis|rayos x|radiologia|clinica|clinicas|consultorio|oficina|urgencias|hospital)\b/;

/** One location by a name of its own, said alone ("the downtown one", "la del centro"). */
export const NAMED_ONE = /^(and |y |what about |how about |que tal |ok )?(the|that|la|el) (\w+ ){1,2}one$|^(and |y |what about |ok )?(the )?(one|clinic|office|location) (downtown|uptown|in \w+|on \w+)$|^(y |ok )?(la|el|la clinica|el consultorio|la oficina) (del|de la|de) \w+( \w+)?$/;

/**
 * An area or a clinic's name said alone after the hours ("downtown", "y la del centro?", "the
 * eastside clinic", "la clinica downtown", "the clinic in midtown": v15 YX12).
 */
export const AREA_ALONE =
  /^(and |y |ok |what about |how about |que tal |i mean |digo |es )?(the |el |la |del |de la )?(clinic |clinica |office |location |consultorio |oficina |sede )?(in |en |at |del |de la |de )?(downtown|uptown|midtown|eastside|westside|northside|southside|north|south|east|west|centro|del centro|norte|sur|este|oeste)( one| clinic| location| office| clinica| consultorio)?$/;

/** Where a place is, or how to get there (not its hours). */
export const ADDRESS = /\b(address|addresses|addy|directions|where|wheres|direccion|direcciones|donde|como llego|ubicacion|map|mapa)\b/;

/** A pharmacy named (its opening hours are in the profile). */
export const PHARMACY = /\bpharmac|\bfarmacia/;

/** One pharmacy by its place ("the downtown pharmacy", "la farmacia del centro"). */
export const ONE_PHARMACY = /\b(downtown|uptown|eastside|westside|northside|southside|main st|the one)\b|\b\w+ (pharmacy|pharmacies)\b|\bfarmacia (del|de la|de|en) \w+/;

/** Where a place is, or the one nearest ("closest", "near me", a ZIP code). */
export const WHERE = /\b(where|wheres|closest|nearest|near|nearby|close to|zip|zipcode|\d{5}|donde|cerca|cercana|cercano|mas cerca|codigo postal)\b/;

/**
 * When a place is open ("what are their hours", "a que hora cierra"), not its phone: after an
 * answer whose line is the pharmacy's, these are the pharmacies' own opening hours.
 */
export const OPEN_HOURS =
  /\b(hours|open|opens|close|closes|closing|opening|horario|horarios|abre|abren|cierra|cierran|abierta|abierto)\b|\b(what time|a que hora|hasta que hora)\b/;

/** A phone number asked for (not the hours): "the number", "phone", "telefono". */
export const NUMBER_ASKED = /\b(number|phone|phone number|telefono|numero|num|#)\b/;

/** A clinic or a doctor's office: its own number is on the clinic page. */
export const CLINIC = /\b(clinic|clinics|office|doctors office|drs office|clinica|consultorio|oficina del doctor)\b/;
