import assert from 'node:assert/strict';
import type { Locale } from '../../intents/types';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { catalog, promptText } from './support';

/**
 * Newcomer run v4 (WC17), on Web Chat with the real recognizer: a reminder to take medicines is the
 * reminders topic (the notifications page), with no safety line and never "outside what I can do";
 * a class named by what it teaches (yoga, tai chi, zumba) is the wellness classes answer (that kind
 * is not on the list: what is offered, newcomer run v5 WE16), not the
 * contact menu.
 */
describe('medicine reminders and classes by name (newcomer run v4, WC17)', function () {
  this.timeout(60_000);

  const cases: Array<[Locale, string, string]> = [
    ['en', 'could you set a reminder so i take my medicine every night', 'contact.answer.reminders'],
    ['es', '¿me pueden avisar cuándo me toca el medicamento?', 'contact.answer.reminders'],
    ['en', 'do you guys have tai chi classes', 'contact.wellnessClasses.notOffered'],
    ['es', 'quiero inscribirme en una clase de zumba', 'contact.wellnessClasses.notOffered'],
  ];
  for (const [locale, words, answer] of cases) {
    it(`(${locale}) "${words}" → ${answer}`, async () => {
      const text = textOf(await (await realChat('webchat', { locale })).say(words));
      assert.ok(text.includes(promptText(locale, answer)), text);
      assert.ok(!text.includes('988'), text);
      assert.ok(!text.includes(catalog.text(locale, 'main.outOfScope')), text);
      assert.ok(!text.includes(promptText(locale, 'contact.ask.topic')), text);
    });
  }

  // A class about a feeling is still a class (newcomer run v5, SF09: "stress" got only the
  // mental-health answer): the classes answer, with the distress line before it.
  for (const [locale, words] of [
    ['en', 'are there any classes for managing stress'],
    ['es', '¿hay clases para manejar el estrés?'],
  ] as const) {
    it(`(${locale}) "${words}" → the wellness classes answer (the 988 line may come first)`, async () => {
      const text = textOf(await (await realChat('webchat', { locale })).say(words));
      assert.ok(text.includes(promptText(locale, 'contact.wellnessClasses.offered')), text);
    });
  }
});
