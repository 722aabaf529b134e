import assert from 'node:assert/strict';
import type { Locale } from '../../intents/types';
import { loadPortalProfile } from '../../services/portal/profile';
import { linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';
import { catalog, promptText } from './support';

/**
 * Newcomer run v5 on Web Chat, with the real recognizer (WE16): a class named by its kind is
 * answered with whether that kind is offered (its page) or, when it is not, what is offered and
 * the classes page, from the portal profile's list of classes.
 */
const profile = loadPortalProfile('default');

describe('a class named by its kind is answered on that kind (newcomer run v5, WE16)', function () {
  this.timeout(60_000);

  const classes = (locale: Locale) => profile.wellnessClasses(locale);
  const titled = (locale: Locale, id: string) => classes(locale).find((c) => c.id === id)!;

  const offered: Array<[Locale, string, string]> = [
    ['en', 'any classes for expecting moms?', 'prenatal'],
    ['es', 'dan clases para diabeticos?', 'diabetes'],
  ];
  for (const [locale, words, id] of offered) {
    it(`Web Chat (${locale}): "${words}" says that class is offered, with its page`, async () => {
      const replies = await (await realChat('webchat', { locale })).say(words);
      const text = textOf(replies);
      assert.ok(text.includes(promptText(locale, 'contact.wellnessClasses.offered')) && text.includes(titled(locale, id).title), text);
      assert.ok(linksOf(replies).includes(titled(locale, id).url), linksOf(replies).join(' '));
    });
  }

  const notOffered: Array<[Locale, string]> = [
    ['en', 'do you run pilates classes'],
    ['es', 'hay clases de baile?'],
  ];
  for (const [locale, words] of notOffered) {
    it(`Web Chat (${locale}): "${words}" says that kind is not on the list, lists what is offered and the classes page`, async () => {
      const replies = await (await realChat('webchat', { locale })).say(words);
      const text = textOf(replies);
      assert.ok(text.includes(promptText(locale, 'contact.wellnessClasses.notOffered')), text);
      for (const c of classes(locale)) assert.ok(text.includes(c.title), `${c.title} listed:\n${text}`);
      assert.ok(linksOf(replies).includes(profile.link('wellness.classes')), linksOf(replies).join(' '));
    });
  }

  it('Web Chat (en): one kind offered and one not, in one question: both are answered', async () => {
    const replies = await (await realChat('webchat')).say('do you have zumba or quit smoking classes');
    const text = textOf(replies);
    assert.ok(text.includes(titled('en', 'smoking').title), text);
    assert.ok(text.includes(promptText('en', 'contact.wellnessClasses.alsoNotOffered')), text);
    assert.ok(linksOf(replies).includes(titled('en', 'smoking').url), linksOf(replies).join(' '));
  });

  it('the texts exist in both languages', () => {
    for (const key of ['offered', 'notOffered', 'alsoNotOffered']) {
      assert.ok(catalog.has(`contact.wellnessClasses.${key}`), key);
    }
  });
});
