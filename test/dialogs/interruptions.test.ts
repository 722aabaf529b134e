import assert from 'node:assert/strict';
import { assertChannelRules, choicesOf, linksOf, textOf } from '../support/chat';
import { CHANNELS, EMERGENCIES, PATHS } from './paths';
import { asksADialogQuestion, catalog, openChat, promptText, walk } from './support';

/**
 * Generated from the dialog paths: at every step of every dialog, on every channel, the member
 * types an emergency / "never mind" / "help" / "talk to a person" instead of an answer.
 */
describe('interruptions at every step of every dialog', () => {
  for (const channelId of CHANNELS) {
    describe(channelId, () => {
      let n = 0;
      for (const path of PATHS) {
        path.steps.forEach((step, index) => {
          const emergency = EMERGENCIES[path.locale][n++ % 3]!;

          it(`emergency at "${path.name}" → ${step.step}: what to do now, the less urgent line, no question; the dialog is over`, async () => {
            const chat = await openChat(channelId, path.locale);
            const before = await walk(chat, path, index);
            assert.ok(textOf(before).includes(promptText(path.locale, step.prompt)));
            assert.ok((await chat.dialogStack()).includes(path.dialog), 'in the dialog before');

            const replies = await chat.say(emergency.text);
            assertChannelRules(channelId, replies);
            const text = textOf(replies);
            assert.match(text, emergency.number);
            assert.match(text, emergency.line, 'the nurse advice line (after 988, the behavioral-health line) from the profile');
            assert.equal(asksADialogQuestion(replies, PATHS), false, `no dialog question in the same turn:\n${text}`);
            assert.deepEqual(linksOf(replies), []);

            // The dialog ended: the next message is routed fresh.
            assert.deepEqual(await chat.dialogStack(), []);
          });

          it(`"never mind" at "${path.name}" → ${step.step}: stopped, menu offered, next message routed fresh`, async () => {
            const chat = await openChat(channelId, path.locale);
            await walk(chat, path, index);
            assert.ok((await chat.dialogStack()).includes(path.dialog), 'in the dialog before');
            const replies = await chat.say(path.locale === 'es' ? 'olvídalo' : 'never mind');
            assertChannelRules(channelId, replies);
            assert.ok(textOf(replies).includes(catalog.text(path.locale, 'main.cancelled')), textOf(replies));
            assert.ok(choicesOf(replies).includes(catalog.text(path.locale, 'topics.agent')), 'the menu, with a person');

            assert.deepEqual(await chat.dialogStack(), []);
            const fresh = await chat.say(path.open);
            assert.ok(textOf(fresh).includes(promptText(path.locale, path.steps[0]!.prompt)), 'a new topic starts normally');
          });
        });
      }
    });
  }

  for (const path of PATHS.filter((p) => p.locale === 'en')) {
    path.steps.forEach((step, index) => {
      it(`help at "${path.name}" → ${step.step}: how to answer, then the same question again`, async () => {
        const chat = await openChat('webchat', 'en');
        await walk(chat, path, index);
        const replies = await chat.say('help');
        const text = textOf(replies);
        assert.ok(text.includes(catalog.text('en', 'common.helpInDialog')), text);
        assert.ok(text.includes(promptText('en', step.prompt)), 'the question again');
        const answered = await chat.say(step.typed ? step.answer : step.answer);
        const next = path.steps[index + 1];
        if (next) assert.ok(textOf(answered).includes(promptText('en', next.prompt)), 'the dialog goes on');
      });

      it(`"talk to a person" at "${path.name}" → ${step.step}: how to reach one now`, async () => {
        const chat = await openChat('sms', 'en');
        await walk(chat, path, index);
        const replies = await chat.say('talk to a person');
        assertChannelRules('sms', replies);
        const text = textOf(replies);
        const line = path.dialog === 'billing' ? '1-800-555-0133' : path.dialog === 'refill' ? '1-800-555-0122' : '1-800-555-0100';
        assert.match(text, new RegExp(`at ${line} \\(`));
        assert.match(text, /TTY: 711/);
        // Sign-in help: no page behind sign-in (that member cannot get into the portal): the phone line.
        if (path.dialog === 'password_reset') assert.doesNotMatch(text, /\/secure\//);
        else {
          assert.match(text, /https:\/\/member\.evergreen-health\.example\/secure\/message-center\/new/);
          assert.match(text, /\/secure\/contact\/request-a-call/);
        }
      });
    });
  }
});
