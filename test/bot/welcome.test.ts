import assert from 'node:assert/strict';
import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type Dialog } from 'botbuilder-dialogs';
import { createBotCore } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../common/logger';
import { KeywordIntents } from '../support/keywordIntents';

/** Records what the routing layer receives; answers only "plain", with a plain message. */
class RecordingDialog extends ComponentDialog {
  constructor(heard: string[]) {
    super('main');
    this.addDialog(
      new WaterfallDialog('record', [
        async (step) => {
          heard.push(step.context.activity.text ?? '');
          if (step.context.activity.text === 'plain') await step.context.sendActivity('plain reply');
          return step.endDialog();
        },
      ]),
    );
  }
}

function adapterFor(channelId: string, locale = 'en-US', mainDialog?: Dialog) {
  const intents = new KeywordIntents();
  const core = createBotCore(loadConfig({ NODE_ENV: 'test' }), { logger: silentLogger(), mainDialog, understanding: intents, emergencyCheck: intents });
  const adapter = new TestAdapter((context) => core.bot.run(context), {
    channelId,
    locale,
    conversation: { id: `welcome-${channelId}-${Math.random()}`, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'member-1', name: 'Member' },
    recipient: { id: 'member-assistant', name: 'Member Assistant' },
  });
  adapter.onTurnError = core.onTurnError;
  return adapter;
}

const joined = (): Partial<Activity> => ({
  type: ActivityTypes.ConversationUpdate,
  membersAdded: [{ id: 'member-1', name: 'Member' }],
});

describe('welcome', () => {
  it('Web Chat: says what the assistant does, that it is not for emergencies, and offers topics as buttons', async () => {
    await adapterFor('webchat')
      .send(joined())
      .assertReply((reply) => {
        assert.match(reply.text ?? '', /appointment/i);
        assert.match(reply.text ?? '', /not for emergencies.*call 911/i);
        const titles = reply.suggestedActions?.actions.map((a) => a.title);
        assert.deepEqual(titles?.slice(0, 4), ['Appointments', 'Prescription refills', 'Sign-in help', 'Billing']);
        assert.ok(titles?.includes('Talk to a person'));
      })
      .startTest();
  });

  it('does not welcome when only the bot joins', async () => {
    const adapter = adapterFor('webchat');
    await adapter
      .send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'member-assistant', name: 'Member Assistant' }] })
      .startTest();
    assert.equal(adapter.activeQueue.length, 0, 'nothing was sent');
  });

  it('Teams: an Adaptive Card of at most 3 actions and schema 1.5 or lower', async () => {
    await adapterFor('msteams')
      .send(joined())
      .assertReply((reply) => {
        assert.equal(reply.suggestedActions, undefined);
        const card = reply.attachments?.[0];
        assert.equal(card?.contentType, 'application/vnd.microsoft.card.adaptive');
        const content = card?.content as { version: string; actions: unknown[]; body: Array<{ type: string; choices?: unknown[] }> };
        assert.ok(Number(content.version) <= 1.5);
        assert.ok(content.actions.length <= 3);
        assert.equal(content.body[0]?.type, 'Input.ChoiceSet', 'eight topics do not fit three buttons: a choice list');
        assert.equal(content.body[0]?.choices?.length, 8);
      })
      .startTest();
  });

  it('Teams: a topic picked from the card arrives as that topic', async () => {
    await adapterFor('msteams')
      .send(joined())
      .assertReply(() => undefined)
      .send({ type: ActivityTypes.Message, text: '', value: { choice: 'Billing' } } as Partial<Activity>)
      .assertReply((reply) => assert.match(reply.text ?? '', /What about your bill\?/))
      .startTest();
  });

  it('SMS: the first message gets the welcome as plain text with a numbered list, each message at most 320 characters', async () => {
    const replies: Partial<Activity>[] = [];
    await adapterFor('sms')
      .send('hi')
      .assertReply((r) => void replies.push(r))
      .assertReply((r) => void replies.push(r))
      .startTest();
    const all = replies.map((r) => r.text ?? '').join('\n\n');
    assert.match(all, /call 911/);
    assert.match(all, /1\. Appointments\n2\. Prescription refills/);
    assert.match(all, /Reply with a number\./);
    for (const reply of replies) {
      assert.equal(reply.attachments, undefined, 'no cards on SMS');
      assert.equal(reply.suggestedActions, undefined, 'no buttons on SMS');
      assert.ok((reply.text ?? '').length <= 320, `${(reply.text ?? '').length} characters`);
    }
  });

  it('SMS: a bare number picks from the last numbered list, until something else is said', async () => {
    const heard: string[] = [];
    const adapter = adapterFor('sms', 'en-US', new RecordingDialog(heard));
    await adapter
      .send(joined())
      .assertReply((r) => assert.match(r.text ?? '', /911/))
      .assertReply((r) => assert.match(r.text ?? '', /4\. Billing/))
      .send('4')
      .send(' 2. ')
      .send('plain')
      .assertReply('plain reply')
      .send('2')
      .startTest();
    assert.deepEqual(heard, ['Billing', 'Prescription refills', 'plain', '2']);
  });

  it('welcomed in English at the join, a Spanish first message gets a Spanish welcome line first (once)', async () => {
    const heard: string[] = [];
    await adapterFor('webchat', 'en-US', new RecordingDialog(heard))
      .send(joined())
      .assertReply((reply) => assert.match(reply.text ?? '', /not for emergencies/))
      .send('necesito ayuda con mi contraseña')
      .assertReply((reply) => {
        assert.match(reply.text ?? '', /^¡Hola! Soy el asistente para miembros de Evergreen Health y le atiendo en español\..*911/);
        assert.equal(reply.suggestedActions, undefined, 'no menu: the message is answered next');
      })
      .send('plain')
      .assertReply('plain reply')
      .startTest();
    assert.deepEqual(heard, ['necesito ayuda con mi contraseña', 'plain'], 'the message itself still reaches the dialogs');
  });

  it('follows the member\'s language (es)', async () => {
    await adapterFor('webchat', 'es-US')
      .send(joined())
      .assertReply((reply) => {
        assert.match(reply.text ?? '', /No atiendo emergencias.*911/);
        assert.equal(reply.suggestedActions?.actions[0]?.title, 'Citas');
      })
      .startTest();
  });
});
