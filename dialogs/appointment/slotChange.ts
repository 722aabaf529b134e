import { IN_PERSON_ONLY, type Slot, type VisitMode } from '../../services/appointments/appointmentLookup';
import type { DialogKit } from '../common/kit';
import { containsPhrase, fold } from '../common/text';

/**
 * Changes asked for at "Book …?" ("can it be by video instead", "no, with Dr. Haddad", "a later
 * time please"): which changes the confirmation offers, what the member's words change, and which
 * open times fit that change.
 */

/** A change to the slot being confirmed: the same time (another mode or clinician), or a later or earlier one. */
export interface SlotChange {
  start: string;
  /** The clinician asked for ("with Dr. Haddad instead"), or kept when only the mode changes. */
  clinician?: string;
  /** Only this clinician fits (named in the change), not just preferred. */
  onlyClinician: boolean;
  direction?: 'later' | 'earlier';
  /** The clinicians of the times offered before, so that one can be named. */
  clinicians: string[];
}

const MODES: readonly VisitMode[] = ['inPerson', 'video', 'phone'];

/** A clinician's last name ("Dr. Omar Haddad": "Haddad"), the way members name them. */
function surname(clinician: string): string {
  return clinician.trim().split(/\s+/).at(-1) ?? clinician;
}

/**
 * The changes "Book …?" offers for a slot: another way to be seen (none for a blood draw, an x-ray
 * or a shot), a later or earlier time, and the other clinicians offered, by last name.
 */
export function offeredChanges(target: Slot, clinicians: readonly string[]) {
  const others = clinicians.filter((c) => c !== target.clinician);
  return {
    changes: [
      { question: 'appointment.mode' as const, ids: IN_PERSON_ONLY.includes(target.care) ? [] : MODES.filter((m) => m !== target.mode) },
      { question: 'confirm.change' as const },
    ],
    changeNames: others.map(surname),
  };
}

/**
 * What the member's words change in the slot: the way to be seen named (the last one, else the
 * slot's), a clinician named by last name (only that one then), or a later or earlier time.
 */
export function readSlotChange(kit: DialogKit, text: string, target: Slot, clinicians: string[]): { mode: VisitMode; change: SlotChange } {
  const mode = kit.options.mentioned(text, 'appointment.mode', MODES.filter((m) => m !== target.mode)).at(-1) as VisitMode | undefined;
  const named = clinicians.find((c) => c !== target.clinician && containsPhrase(fold(text), fold(surname(c))));
  const direction = kit.options.mentioned(text, 'confirm.change').at(-1) as SlotChange['direction'];
  const clinician = named ?? target.clinician;
  const change: SlotChange = { start: target.start, onlyClinician: !!named, clinicians, ...(clinician ? { clinician } : {}), ...(direction ? { direction } : {}) };
  return { mode: mode ?? target.mode, change };
}

/** A slot that fits a change asked for: the clinician named, and later or earlier than the one it replaces. */
export function fitsChange(slot: Slot, change: SlotChange): boolean {
  if (change.onlyClinician && slot.clinician !== change.clinician) return false;
  if (change.direction === 'later') return slot.start > change.start;
  if (change.direction === 'earlier') return slot.start < change.start;
  return true;
}
