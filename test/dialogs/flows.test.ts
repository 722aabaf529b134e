import assert from 'node:assert/strict';
import { AppointmentDialog } from '../../dialogs/appointment/appointmentDialog';
import { RefillDialog } from '../../dialogs/refill/refillDialog';
import { TopicDialog } from '../../dialogs/topics/topicDialog';
import { linksOf, textOf } from '../support/chat';
import { CHANNELS, PATHS } from './paths';
import { catalog, openChat, promptText, walk } from './support';

const STEPS: Record<string, readonly string[]> = {
  appointment: AppointmentDialog.STEPS,
  refill: RefillDialog.STEPS,
  password_reset: ['topic'],
  billing: TopicDialog.STEPS,
  records: ['topic'],
  telehealth: ['topic'],
  contact: ['topic'],
};

describe('task dialogs: every path, on every channel', () => {
  it('the paths reach every step of every dialog (the generated tests below rely on it)', () => {
    for (const [dialog, steps] of Object.entries(STEPS)) {
      const reached = new Set(PATHS.filter((p) => p.dialog === dialog).flatMap((p) => p.steps.map((s) => s.step)));
      assert.deepEqual([...reached].sort(), [...steps].sort(), dialog);
    }
  });

  for (const channelId of CHANNELS) {
    describe(channelId, () => {
      for (const path of PATHS) {
        it(`${path.name}: asks each question, ends on the right page${path.done.text ? ' and says the right thing' : ''}`, async () => {
          const chat = await openChat(channelId, path.locale);
          const replies = await walk(chat, path, path.steps.length);
          const links = linksOf(replies);
          for (const link of path.done.links ?? []) assert.ok(links.some((l) => link.test(l)), `${link} not in ${JSON.stringify(links)}`);
          for (const l of links) assert.ok(l.startsWith('https://member.evergreen-health.example/'), l);
          if (path.done.text) assert.match(textOf(replies), path.done.text);
          if (path.steps.at(-1)?.step !== 'offerPerson') {
            assert.ok(textOf(replies).includes(promptText(path.locale, 'main.anythingElse')), 'every topic ends with "anything else?"');
          }
        });
      }
    });
  }

  it('Teams: deep links are openUrl buttons on an Adaptive Card 1.5, at most 3', async () => {
    const chat = await openChat('msteams', 'en');
    const replies = await walk(chat, PATHS.find((p) => p.name === 'refill status')!, 1);
    const card = replies.flatMap((r) => r.attachments ?? []).map((a) => a.content as { version: string; actions: Array<{ type: string }> })[0]!;
    assert.equal(card.version, '1.5');
    assert.ok(card.actions.length >= 1 && card.actions.length <= 3);
    assert.ok(card.actions.every((a) => a.type === 'Action.OpenUrl'));
  });

  it('Web Chat: choices are suggested actions, links openUrl buttons', async () => {
    const chat = await openChat('webchat', 'en');
    const asked = await chat.say('Billing');
    assert.equal(asked[0]?.suggestedActions?.actions.length, 12);
    const answered = await chat.say('Pay a bill');
    const actions = answered.flatMap((r) => r.attachments ?? []).flatMap((a) => (a.content as { actions: Array<{ type: string }> }).actions);
    assert.deepEqual(actions.map((a) => a.type), ['Action.OpenUrl']);
  });

  it('SMS: links as plain URLs and choices answered with a digit', async () => {
    const chat = await openChat('sms', 'en');
    const asked = await chat.say('2');
    assert.match(textOf(asked), new RegExp(promptText('en', 'refill.ask.need')));
    assert.match(textOf(asked), /1\. Check status\n2\. Refill now/);
    const answered = await chat.say('4');
    assert.match(textOf(answered), /Change my pharmacy: https:\/\/member\.evergreen-health\.example\/secure\/pharmacy\/preferred-pharmacy/);
  });

  it('texts and links come from the catalog and the profile: the portal link titles are shown', async () => {
    const chat = await openChat('webchat', 'en');
    await chat.say('Sign-in help');
    const replies = await chat.say('Account locked');
    const card = replies.flatMap((r) => r.attachments ?? [])[0]?.content as { actions: Array<{ title: string; url: string }> };
    assert.deepEqual(card.actions[0], {
      type: 'Action.OpenUrl',
      title: catalog.text('en', 'links.signInHelp.unlockAccount'),
      url: 'https://member.evergreen-health.example/sign-on-help/unlock',
    });
    assert.match(textOf(replies), /call 1-800-555-0100 \(24 hours a day/);
  });
});
