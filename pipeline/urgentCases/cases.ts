import { aside } from './aside';
import { alone, calmer, coverage } from './barriers';
import { called, helpCame, onTheWay } from './callMade';
import { goesOn } from './goesOn';
import { dangerAfterDisclosure, drowsyAfterPoison, firstAidAfterPoison, injuryAfterDisclosure } from './newSign';
import { mailElsewhere, safeNow, watched, whoWillKnow } from './afterDisclosure';
import { goodbye, refusal, seemsFine, thanks, visitInstead } from './notCalling';
import { ack, means, noCall, personAsked } from './shortReplies';
import type { UrgentCase } from './urgentCase';

/**
 * The cases of a message within the window of an urgent answer, in order: the first one whose
 * message it is answers it. A new case is one entry here (and its own small module).
 */
export const URGENT_CASES: readonly UrgentCase[] = [
  // The call made, help come, or on the way.
  helpCame,
  called,
  onTheWay,
  // What to do meanwhile after Poison Control (no vomiting, nothing to drink unless told), then a new sign, read in the answer's light.
  firstAidAfterPoison,
  drowsyAfterPoison,
  injuryAfterDisclosure,
  dangerAfterDisclosure,
  // After a disclosure: a watched phone, mail sent elsewhere, who will know.
  watched,
  mailElsewhere,
  whoWillKnow,
  means,
  // After a crisis answer, a calmer word ("just tired of all of it"): 988 in a few words.
  calmer,
  safeNow,
  ack,
  noCall,
  personAsked,
  // After 911: no car, no ride, alone (911 comes to you).
  alone,
  // Reasons not to call, and goodbyes.
  goodbye,
  thanks,
  refusal,
  visitInstead,
  seemsFine,
  // After 911 or Poison Control: what it costs (covered), in one line.
  coverage,
  // A task or a health need goes on, with the line first; anything else gets the follow-up.
  goesOn,
  aside,
];
