/**
 * What the assistant wants to say, independent of the channel. Dialogs build Replies; the
 * channel renderer turns them into Bot Framework activities (cards and buttons on Web Chat and
 * Teams, plain numbered text on SMS).
 */

export interface Choice {
  /** What the member sees on the button / in the numbered list. */
  title: string;
  /** What comes back as the member's message when they pick it. */
  value: string;
  /**
   * Its number in a numbered list (SMS) when that is not its place: a shorter list asked from a
   * longer one ("which of these?") keeps the numbers the member first saw, so "3" stays option 3.
   */
  number?: number;
}

export interface Link {
  title: string;
  url: string;
}

export interface Reply {
  text: string;
  /** Quick replies: suggested actions, card buttons or a numbered list. */
  choices?: Choice[];
  /** Deep links: openUrl buttons, or plain URLs on SMS. */
  links?: Link[];
  /** Optional heading for card-capable channels. */
  title?: string;
}
