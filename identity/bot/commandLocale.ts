import { detectLocale } from '../../intents';
import type { Locale } from '../../intents/types';

/**
 * The language to answer a sign-out or forget-me in. The conversation keeps its language
 * (docs/conversation.md, step 5): "sign out", "log me out pls" or "sign out gracias" in a Spanish
 * conversation are answered in Spanish. Only a message clearly in the other language moves it: the
 * command is in a language whose commands switch (`switches`, from commands.json) and the message's
 * own words do not say otherwise ("cierra mi sesion" in an English conversation is answered in
 * Spanish). With no language kept yet, the command's language decides.
 */
export function commandLocale(text: string, command: Locale, known: Locale | undefined, switches: (locale: Locale) => boolean): Locale {
  if (!known || command === known) return command;
  return switches(command) && detectLocale(text, command) === command ? command : known;
}
