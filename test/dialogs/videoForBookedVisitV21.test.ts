import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat } from './memberWords';

/**
 * Newcomer run v20, Z12 (Teams, signed in, Spanish): after the member's visits were listed, "la del
 * 19 se puede hacer por video?" started a new booking, and "solo dime si una cita de laboratorio
 * puede ser por video o no" got camera steps. A visit the member already has, asked to be by video,
 * gets the switch-to-video answer (which says lab tests and shots are in person), never a booking;
 * a yes-or-no question about video is no report of a broken camera.
 */
const TEAMS_ALEX = { id: '29:alex', aadObjectId: ALEX.teams };
const cases = [
  { locale: 'es' as const, list: 'cuando es mi proxima cita', asks: ['la del 17 se puede hacer por video?', 'mi cita del 17 puede ser por video?'], switchTo: /cambiarla a video/, inPerson: /laboratorio[^.]*son en persona/, booking: /¿Qué tipo de atención necesita\?|horarios disponibles/, labQuestion: 'solo dime si una cita de laboratorio puede ser por video o no', steps: /Cámara y Micrófono/ },
  { locale: 'en' as const, list: 'when is my next appointment', asks: ['can the one on the 17th be by video instead?', 'can my appointment be done by video'], switchTo: /switch it to video/, inPerson: /lab tests[^.]*are done in person/, booking: /What kind of care|available times/, labQuestion: 'just tell me if a lab visit can be by video or not', steps: /Camera and Microphone/i },
];

describe('v21: a visit the member has, asked to be by video, is a switch, not a new booking', function () {
  this.timeout(120_000);
  for (const c of cases) {
    for (const ask of c.asks) {
      it(`msteams ${c.locale}, signed in: "${ask}" after the visits were listed`, async () => {
        const chat = await realChat('msteams', { locale: c.locale, from: TEAMS_ALEX });
        const listed = textOf(await chat.say(c.list));
        assert.match(listed, /Evergreen Downtown Clinic/, listed);
        const text = textOf(await chat.say(ask));
        assert.match(text, c.switchTo, text);
        assert.match(text, c.inPerson, text);
        assert.doesNotMatch(text, c.booking, text);
        const then = textOf(await chat.say(c.labQuestion));
        assert.doesNotMatch(then, c.steps, then);
        assert.doesNotMatch(then, c.booking, then);
      });
    }
  }
});
