import assert from 'node:assert/strict';
import type { Locale } from '../../intents/types';
import { FollowUpNews } from '../../dialogs/followUpNews';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { type Replies, say } from './replyChecks';
import { promptText } from './support';

/**
 * Newcomer run v16, through the whole bot with the real recognizer (W08): a video visit that is
 * stuck loading right before it starts gets the steps for a visit that will not load or connect
 * (rejoin from the link, another browser or the app, another network) and how to let the clinic
 * know (the phone line, the visit by phone), never the camera permissions or what a video visit
 * needs; "this isn't helping, can someone call the doctor" gets the phone line and the offer of a
 * person, never a troubleshooting answer again.
 */

type Loc = 'en' | 'es';

/** SMS breaks a long text at its sentences: compared with the spaces made one. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');
const has = (locale: Locale, replies: Replies, key: string): void =>
  assert.ok(flat(textOf(replies)).includes(flat(promptText(locale, key))), `expected ${key}, got:\n${textOf(replies)}`);
const hasNot = (locale: Locale, replies: Replies, key: string): void =>
  assert.ok(!flat(textOf(replies)).includes(flat(promptText(locale, key))), `not expected ${key}, got:\n${textOf(replies)}`);
interface Case { locale: Loc; channel: 'webchat' | 'sms'; first: string; tried: string; loading: string; tell: string }

const CASES: Case[] = [
  // The newcomer's own words. (In Spanish, "ya lo intenté" / "estoy intentando" can read as a
  // suicide attempt to the safety triage when it is unsure: its safety line comes first, as it must.)
  { locale: 'en', channel: 'webchat', first: 'my video visit wont connect, its just spinning', tried: 'i tried that already', loading: 'its not the camera its just stuck loading. visit is in like 5 min what do i do', tell: 'this isnt helping. can someone just call the doctor and tell them im trying' },
  { locale: 'en', channel: 'sms', first: 'the video appointment keeps loading and never opens', tried: 'already did that', loading: 'camera is fine, it just sits on the loading screen and my appointment starts in a couple minutes', tell: 'you are not helping. can somebody let my doctor know i am trying to get on' },
  { locale: 'en', channel: 'webchat', first: 'my video call wont load', tried: 'did that already', loading: 'the camera works, it keeps loading and the visit starts in 3 minutes', tell: 'not helpful. could you tell the clinic im trying to get in' },
  { locale: 'es', channel: 'webchat', first: 'mi videoconsulta no conecta, se queda cargando', tried: 'ya hice eso', loading: 'no es la camara, se queda cargando y la cita es en como 5 minutos, que hago', tell: 'esto no me ayuda. alguien puede llamar al doctor y decirle que estoy tratando de entrar' },
  { locale: 'es', channel: 'sms', first: 'la videollamada no carga', tried: 'ya lo hice', loading: 'la camara si sirve, nomas se queda cargando y mi cita empieza en unos minutos', tell: 'no me esta ayudando. pueden avisarle a la doctora que estoy tratando de entrar' },
];

describe('v16: a video visit stuck loading right before it starts (W08)', function () {
  this.timeout(120_000);
  for (const c of CASES) {
    it(`${c.channel} ${c.locale}: "${c.first}" … "${c.tell}"`, async () => {
      const chat = await realChat(c.channel, { locale: c.locale });
      const first = await say(chat, c.channel, c.first);
      has(c.locale, first, 'telehealth.answer.troubleshoot');
      await say(chat, c.channel, c.tried);
      const loading = await say(chat, c.channel, c.loading);
      hasNot(c.locale, loading, 'followUp.about.videoNeeds');
      hasNot(c.locale, loading, 'followUp.about.videoSteps');
      has(c.locale, loading, 'followUp.about.videoWontLoad');
      const tell = await say(chat, c.channel, c.tell);
      hasNot(c.locale, tell, 'followUp.about.videoSteps');
      hasNot(c.locale, tell, 'followUp.about.videoWontLoad');
      has(c.locale, tell, 'followUp.about.videoTellClinic');
    });
  }
});

describe('v16: the news a video-visit follow-up adds (W08)', () => {
  const news = FollowUpNews.load();
  const after = (folded: string, last?: string, sub = 'join') => news.read(folded, { topic: 'telehealth', sub, last })?.text;
  it('stuck loading gets its own steps, then the way out by phone; never the camera steps', () => {
    assert.equal(after('its not the camera its just stuck loading visit is in like 5 min what do i do', 'followUp.about.videoSteps'), 'followUp.about.videoWontLoad');
    assert.equal(after('se queda cargando', undefined, 'troubleshoot'), 'followUp.about.videoWontLoad');
    assert.equal(after('still just spinning', 'followUp.about.videoWontLoad'), 'followUp.about.videoLastResort');
  });
  it('asked ahead, a visit that may not load is what to do then', () => {
    assert.equal(after('what if it doesnt load when its time'), 'followUp.about.videoWhatIf');
  });
  it('"not helping" or someone asked to call the doctor: the line and a person, and never twice in a row', () => {
    assert.equal(after('this isnt helping can someone just call the doctor and tell them im trying', 'followUp.about.videoNeeds'), 'followUp.about.videoTellClinic');
    assert.equal(after('pueden avisarle a la doctora', 'followUp.about.videoWontLoad'), 'followUp.about.videoTellClinic');
    assert.equal(after('you are not helping', 'followUp.about.videoTellClinic'), 'followUp.about.stillStuck');
  });
  it('a visit about to start is read in looser words', () => {
    assert.ok(news.says('soon', 'visit is in like 5 min'));
    assert.ok(news.says('soon', 'it starts in a couple of minutes'));
    assert.ok(news.says('soon', 'la cita es en como 5 minutos'));
  });
});
