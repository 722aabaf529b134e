import assert from 'node:assert/strict';
import { loadPortalProfile } from '../../services/portal/profile';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * Follow-up run 9, item 3 (Web Chat, the real recognizer and triage): a class about a mood ("are
 * there classes for stress?") is a wellness request, answered without the 988 note; a member who
 * speaks of their own distress beside it still gets 988.
 */
const profile = loadPortalProfile('default');

describe('classes about a mood, and a member in distress asking for them (follow-up run 9)', function () {
  this.timeout(120_000);

  const calm: Array<['en' | 'es', string, RegExp]> = [
    ['en', 'are there classes for stress?', /Managing stress/],
    ['es', 'clases para el estrés', /Manejo del estrés/],
  ];
  for (const [locale, say, answer] of calm) {
    it(`(${locale}) "${say}": the classes, no 988 note`, async () => {
      const chat = await realChat('webchat', { locale });
      const text = textOf(await chat.say(say));
      assert.match(text, answer);
      assert.ok(!text.includes('988'), text);
    });
  }

  const distress: Array<['en' | 'es', string]> = [
    ['en', "I'm so stressed I can't cope, where are the classes"],
    ['en', 'are there classes for my stress, i feel awful'],
    ['es', 'estoy muy estresada y no puedo más, hay clases?'],
  ];
  for (const [locale, say] of distress) {
    it(`(${locale}) "${say}": 988 is there`, async () => {
      const chat = await realChat('webchat', { locale });
      const text = textOf(await chat.say(say));
      assert.ok(text.includes('988') || text.includes(profile.phone('behavioralHealth', locale).number), text);
    });
  }
});
