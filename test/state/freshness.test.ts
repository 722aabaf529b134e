import assert from 'node:assert/strict';
import { ActivityTypes, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { WaterfallDialog, type Dialog } from 'botbuilder-dialogs';
import { createBotCore } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { ResponseCatalog } from '../../common/responses';
import { BookingDialog } from '../support/dialogs';
import { LogCapture } from '../support/logs';

const catalog = ResponseCatalog.load();
const MINUTE = 60_000;

/** An assistant on `storage`, with a clock the test moves, driven through TestAdapter. */
function assistant(storage: MemoryStorage, mainDialog: Dialog, clock: () => number, options: { channelId?: string; locale?: string; idle?: string } = {}) {
  const logs = new LogCapture();
  const core = createBotCore(loadConfig({ NODE_ENV: 'test', CONVERSATION_IDLE_MINUTES: options.idle ?? '60' }), {
    logger: logs.logger,
    storage,
    mainDialog,
    clock,
  });
  const adapter = new TestAdapter((context) => core.bot.run(context), {
    channelId: options.channelId ?? 'webchat',
    locale: options.locale ?? 'en-US',
    conversation: { id: 'fresh-1', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'member-1', name: 'Member' },
    recipient: { id: 'member-assistant', name: 'Member Assistant' },
  });
  adapter.onTurnError = core.onTurnError;
  const said = async (text: string | Partial<Activity>): Promise<string[]> => {
    const before = adapter.activeQueue.length;
    await adapter.receiveActivity(text);
    return adapter.activeQueue
      .slice(before)
      .filter((a: Partial<Activity>) => a.type === ActivityTypes.Message)
      .map((a) => a.text ?? '');
  };
  return { said, logs };
}

describe('idle and outdated conversations', () => {
  let now: number;
  let storage: MemoryStorage;
  const clock = () => now;
  beforeEach(() => {
    now = Date.parse('2025-03-04T10:00:00Z');
    storage = new MemoryStorage();
  });

  it('a member who steps away for less than the limit carries on where they were', async () => {
    const { said } = assistant(storage, new BookingDialog(), clock);
    assert.ok((await said('book')).includes('Which day works for you?'));
    now += 59 * MINUTE;
    assert.deepEqual(await said('Tuesday'), ['What time?']);
  });

  it('after the limit, the unfinished task is closed kindly and the message is answered fresh (never an error)', async () => {
    const { said, logs } = assistant(storage, new BookingDialog(), clock);
    await said('book');
    assert.deepEqual(await said('Tuesday'), ['What time?']);
    now += 61 * MINUTE;
    const replies = await said('10am');
    assert.deepEqual(replies, [catalog.text('en', 'state.idleReset'), 'Which day works for you?']);
    assert.ok(!logs.entries.some((e) => e.msg === 'turn failed'));
    const closed = logs.entries.find((e) => e.msg === 'unfinished dialog closed before routing the message');
    assert.equal(closed?.reason, 'idle');
    assert.equal(closed?.idleMinutes, 61);
    assert.ok(!logs.all.includes('10am'), 'no member text in the logs');
  });

  it('the limit is CONVERSATION_IDLE_MINUTES', async () => {
    const { said } = assistant(storage, new BookingDialog(), clock, { idle: '5' });
    await said('book');
    now += 6 * MINUTE;
    assert.equal((await said('Tuesday'))[0], catalog.text('en', 'state.idleReset'));
  });

  it('says nothing when nothing was in progress', async () => {
    const { said } = assistant(storage, new BookingDialog(), clock);
    await said('book');
    await said('Tuesday');
    await said('10am');
    assert.deepEqual(await said('yes'), ['Booked: Tuesday at 10am.']);
    now += 3 * 60 * MINUTE;
    assert.deepEqual(await said('book'), ['Which day works for you?']);
  });

  it('speaks the member’s language', async () => {
    const { said } = assistant(storage, new BookingDialog(), clock, { locale: 'es-US' });
    await said('cita');
    now += 2 * 60 * MINUTE;
    assert.equal((await said('martes'))[0], catalog.text('es', 'state.idleReset'));
  });

  it('SMS: after the limit a bare number no longer picks from the old numbered list', async () => {
    const heard: string[] = [];
    const recorder = new WaterfallDialog('main', [
      async (step) => {
        heard.push(step.context.activity.text ?? '');
        return step.endDialog();
      },
    ]);
    const { said } = assistant(storage, recorder, clock, { channelId: 'sms' });
    const welcome = await said({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'member-1', name: 'Member' }] });
    assert.ok(welcome.some((t) => /4\. Billing/.test(t)), 'the welcome offered a numbered list');
    await said('4');
    assert.deepEqual(heard, ['Billing'], 'within the limit, "4" picks the fourth topic');
    now += 2 * 60 * MINUTE;
    await said('4');
    assert.deepEqual(heard, ['Billing', '4'], 'two hours later it is just "4"');
  });

  describe('after a deployment changed the dialogs', () => {
    it('a stack naming dialogs that no longer exist is closed kindly instead of failing', async () => {
      const before = assistant(storage, new BookingDialog(), clock);
      await before.said('book');
      assert.deepEqual(await before.said('Tuesday'), ['What time?']);

      const after = assistant(storage, new BookingDialog({ waterfallId: 'booking-v2' }), clock);
      const replies = await after.said('10am');
      assert.deepEqual(replies, [catalog.text('en', 'state.staleReset'), 'Which day works for you?']);
      assert.ok(!after.logs.entries.some((e) => e.msg === 'turn failed'));
      assert.equal(after.logs.entries.find((e) => e.msg === 'unfinished dialog closed before routing the message')?.reason, 'stale');
    });

    it('without this check the same stack would have failed the turn', async () => {
      const before = assistant(storage, new BookingDialog(), clock);
      await before.said('book');
      // The old version's stack, replayed against the new dialogs with the check bypassed.
      const key = 'webchat/conversations/fresh-1/';
      const stored = (await storage.read([key]))[key];
      delete stored.dialogVersion;
      stored.lastMessageAt = now;
      await storage.write({ [key]: stored });
      const after = assistant(storage, new BookingDialog({ waterfallId: 'booking-v2' }), clock);
      const replies = await after.said('Tuesday');
      assert.equal(replies[0], catalog.text('en', 'state.staleReset'), 'found by the dialog ids alone');
    });

    it('a changed version of the same dialogs (a step added) is closed kindly too', async () => {
      const before = assistant(storage, new BookingDialog(), clock);
      await before.said('book');
      const after = assistant(storage, new BookingDialog({ extraStep: true }), clock);
      assert.deepEqual(await after.said('Tuesday'), [catalog.text('en', 'state.staleReset'), 'Which day works for you?']);
    });

    it('an unchanged deployment (a restart) carries on', async () => {
      const before = assistant(storage, new BookingDialog(), clock);
      await before.said('book');
      const after = assistant(storage, new BookingDialog(), clock);
      assert.deepEqual(await after.said('Tuesday'), ['What time?']);
    });
  });
});
