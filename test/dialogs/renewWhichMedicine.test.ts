import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { Locale } from '../../intents/types';
import { loadPortalProfile } from '../../services/portal/profile';
import { assertChannelRules, linksOf, textOf } from '../support/chat';
import type { MemberChat } from '../support/identity';
import { realChat, signedInChat } from './memberWords';
import { catalog } from './support';

/**
 * Newcomer run v7 (TK09 on Teams, WJ05 and WJ18 on Web Chat), signed in as Alex with the real
 * recognizer: a renewal asked of the chat after a refill answer names the medicine (the one the
 * message names among the member's own prescriptions, else the one the answer before was about),
 * and another of their medicines asked right after gets its own answer, not "sorry that didn't
 * help"; one that still has refills gets the refill offered instead.
 */
const profile = loadPortalProfile('default');
const ALEX_TEAMS = { id: '29:alex', aadObjectId: '00000000-0000-4000-8000-000000000001' };
type Replies = Partial<Activity>[];

function shows(locale: Locale, replies: Replies, key: string): void {
  const said = textOf(replies).replace(/\s+/g, ' ');
  for (const piece of catalog.text(locale, key).split(/\{[a-z]+\}/)) {
    const words = piece.trim().replace(/\s+/g, ' ');
    if (words.length > 3) assert.ok(said.includes(words), `expected ${key} ("${words}"), got:\n${textOf(replies)}`);
  }
}

async function say(chat: MemberChat, message: string): Promise<Replies> {
  const replies = await chat.say(message);
  assertChannelRules(chat.channelId, replies);
  return replies;
}

const open = (channel: 'webchat' | 'msteams', locale: Locale) =>
  channel === 'msteams' ? realChat('msteams', { locale, from: ALEX_TEAMS }) : signedInChat('EH1000001', { locale });

const words = {
  en: {
    first: 'whats happening with my albuterol refill',
    renewIt: 'would you ask the doctor to renew that one for me',
    renewLisinopril: 'could you please renew my lisinopril',
    renewLevo: 'can you get my levothyroxine renewed',
  },
  es: {
    first: 'que pasa con el surtido de mi albuterol',
    renewIt: 'me puede pedir usted la renovacion de esa',
    renewLisinopril: 'podria pedir la renovacion de mi lisinopril',
    renewLevo: 'me pide la renovacion de mi levothyroxine',
  },
} as const;

describe('a renewal asked of the chat names the medicine (newcomer run v7: TK09, WJ05, WJ18)', function () {
  this.timeout(120_000);

  for (const [channel, locale] of [['msteams', 'en'], ['webchat', 'en'], ['webchat', 'es']] as const) {
    const w = words[locale];

    it(`${channel} ${locale}: "renew it" after the answer about one medicine names that medicine`, async () => {
      const chat = await open(channel, locale);
      const first = textOf(await say(chat, w.first));
      assert.ok(first.includes('Albuterol'), first);
      const replies = await say(chat, w.renewIt);
      shows(locale, replies, 'followUp.about.renewalDoIt');
      assert.ok(textOf(replies).includes('Albuterol'), textOf(replies));
      assert.ok(textOf(replies).includes('1000105'), textOf(replies));
    });

    it(`${channel} ${locale}: another of the member's medicines right after gets its own renewal answer, or its refill`, async () => {
      const chat = await open(channel, locale);
      await say(chat, w.first);
      await say(chat, w.renewIt);
      const other = await say(chat, w.renewLisinopril);
      shows(locale, other, 'followUp.about.renewalDoIt');
      assert.ok(textOf(other).includes('Lisinopril'), textOf(other));
      assert.ok(!textOf(other).includes('Albuterol'), `not the one before:\n${textOf(other)}`);
      assert.ok(linksOf(other).includes(profile.link('messaging.messageCareTeam')), linksOf(other).join(' '));
      // One with refills left: no renewal, its refill offered.
      const levo = await say(chat, w.renewLevo);
      shows(locale, levo, 'followUp.about.renewalNotNeeded');
      assert.ok(textOf(levo).includes('1000106'), textOf(levo));
      assert.ok(linksOf(levo).includes(profile.link('pharmacy.refill')), linksOf(levo).join(' '));
      // The same medicine again right after: a person, not the same paragraph.
      const again = await say(chat, w.renewLevo);
      shows(locale, again, 'followUp.about.stillStuck');
    });
  }
});
