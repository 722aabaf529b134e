import assert from 'node:assert/strict';
import { ResponseCatalog } from '../../common/responses';
import { negatedWords } from '../../dialogs/common/negatedWords';
import { OptionMatcher } from '../../dialogs/common/options';
import { PhraseBook } from '../../dialogs/phrases';

/**
 * Newcomer run v21: an option the member says no to is never picked from their words ("no, nada de
 * video" never books a video visit; "not by phone", "sin video", "no quiero cita"), in a clause of
 * its own ("no, video" says no to nothing), and an option that is itself a no stays pickable.
 */
const phrases = PhraseBook.load();
const options = new OptionMatcher(ResponseCatalog.load(), phrases);
const negators = phrases.shortAnswerWords('option.negator');

describe('options said no to (newcomer run v21)', () => {
  const said: Array<[string, string[]]> = [
    ['no, nada de video. como pido el acceso de representante para mi mamá?', ['video']],
    ['no, not video. how do I get proxy access for my mom?', ['video']],
    ['not by phone, in person', ['phone']],
    ['sin video por favor', ['video']],
    ['no quiero una cita, solo saber cómo funciona', ['cita']],
    ['no video', ['video']],
    ['nothing about video', ['video']],
  ];
  for (const [text, words] of said) {
    it(`"${text}" says no to ${words.join(', ')}`, () => {
      const negated = negatedWords(text, negators);
      for (const word of words) assert.ok(negated.has(word), [...negated].join(' '));
    });
  }

  for (const text of ['no, video please', 'video, not in person', 'i want video not phone, video']) {
    it(`"${text}" says no to no video`, () => assert.ok(!negatedWords(text, negators).has('video')));
  }

  it('the video visit booked is the option said no to; the others are not', () => {
    assert.ok(options.negated('no, nada de video. como pido el acceso', 'telehealth.topic', 'book'));
    assert.ok(options.negated("i don't want a video visit", 'telehealth.topic', 'book'));
    assert.ok(options.negated('not by phone', 'appointment.mode', 'phone'));
    assert.ok(!options.negated('not by phone', 'appointment.mode', 'video'));
    assert.ok(!options.negated('book a video visit', 'telehealth.topic', 'book'));
  });

  it('an option that is itself a no is never said no to', () => {
    assert.ok(!options.negated('no thanks', 'followUp', 'no'));
    assert.ok(!options.negated('not now', 'resume', 'no'));
  });

  it('the video-visits topic said no to', () => {
    assert.ok(options.negated('no, nada de video. como pido el acceso', 'topics', 'telehealth'));
    assert.ok(!options.negated('como pido el acceso de representante', 'topics', 'telehealth'));
  });
});
