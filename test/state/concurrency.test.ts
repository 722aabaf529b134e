import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Activity, type Storage, type TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type Dialog } from 'botbuilder-dialogs';
import { createBotCore, type AssistantOverrides } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { AzureBlobStorage } from '../../storage/blobStorage';
import { FileStorage } from '../../storage/fileStorage';
import { LockedStorage } from '../../storage/lockedStorage';
import { StorageConflictError, type AssistantStorage } from '../../storage/types';
import { ResponseCatalog } from '../../common/responses';
import { silentLogger } from '../../common/logger';
import { startAzurite, type Azurite } from '../support/azurite';
import { barrier, CounterDialog } from '../support/dialogs';
import { LogCapture } from '../support/logs';

const catalog = ResponseCatalog.load();
const noPause = async () => undefined;

/** One assistant instance (as in one process), driven through botbuilder's TestAdapter. */
function instance(conversationId: string, overrides: AssistantOverrides) {
  const core = createBotCore(loadConfig({ NODE_ENV: 'test' }), { logger: silentLogger(), turnBackoff: noPause, ...overrides });
  const adapter = new TestAdapter((context) => core.bot.run(context), {
    channelId: 'webchat',
    locale: 'en-US',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'member-1', name: 'Member' },
    recipient: { id: 'member-assistant', name: 'Member Assistant' },
  });
  adapter.onTurnError = core.onTurnError;
  // What reached the channel (receiveActivity does not consume it).
  return { core, adapter, sent: adapter.activeQueue };
}

/** A store on which every eTag-checked save loses to a (pretend) concurrent turn. */
function storageWhereEverySaveCollides(): AssistantStorage {
  const inner = new LockedStorage();
  return {
    kind: 'custom',
    read: (keys) => inner.read(keys),
    write: (changes) => inner.write(changes),
    delete: (keys) => inner.delete(keys),
    put: async (key) => {
      throw new StorageConflictError(key);
    },
    ready: async () => undefined,
    close: async () => undefined,
  };
}

const texts = (sent: Partial<Activity>[]) => sent.filter((a) => a.type === ActivityTypes.Message).map((a) => a.text ?? '');
const counts = (sent: Partial<Activity>[]) => texts(sent).filter((t) => t.startsWith('count=')).map((t) => Number(t.slice(6)));

describe('no lost turns', function () {
  this.timeout(30_000);

  describe('why: botbuilder saves conversation state with eTag "*"', () => {
    it('N turns of one conversation that load the same state (two instances, a burst) keep only one update', async () => {
      const N = 6;
      const storage = new MemoryStorage();
      const state = new ConversationState(storage);
      const count = state.createProperty<number>('count');
      const allLoaded = barrier(N);
      const turn = async (context: TurnContext) => {
        const seen = await count.get(context, 0);
        await allLoaded();
        await count.set(context, seen + 1);
        await state.saveChanges(context);
      };
      const adapters = Array.from({ length: N }, () => new TestAdapter(turn, { channelId: 'webchat', conversation: { id: 'plain' } as any }));
      await Promise.all(adapters.map((adapter, i) => adapter.receiveActivity(`message ${i}`)));
      const stored = (await storage.read(['webchat/conversations/plain/']))['webchat/conversations/plain/'];
      assert.equal(stored.count, 1, `${N} messages, ${N - 1} of them lost`);
    });
  });

  const stores: Array<{ name: string; make: () => { shared?: AssistantStorage; perInstance?: () => Storage | AssistantStorage } }> = [];
  let azurite: Azurite | undefined;
  let tmp: string;
  before(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'concurrency-'));
    azurite = await startAzurite();
  });
  after(async () => {
    await azurite?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });
  stores.push(
    { name: 'memory', make: () => ({ shared: new LockedStorage() }) },
    { name: 'file', make: () => ({ shared: new FileStorage({ dir: mkdtempSync(path.join(tmp, 'state-')), logger: silentLogger() }) }) },
    { name: 'blob (Azurite, one client per instance)', make: () => ({ perInstance: () => new AzureBlobStorage(azurite!.connectionString, 'concurrency') }) },
  );

  for (const store of stores) {
    describe(`the fix, on ${store.name}`, () => {
      it('N instances whose turns all load the same state before any saves: every update kept, every reply once', async () => {
        const N = 6;
        const conversationId = `race-${store.name.split(' ')[0]}-${Date.now()}`;
        const made = store.make();
        const allLoaded = barrier(N);
        const held = new Set<string>();
        // Only the first run of each turn waits for the others: re-runs go straight through.
        const beforeCount = async (context: TurnContext) => {
          const id = context.activity.text ?? '';
          if (held.has(id)) return;
          held.add(id);
          await allLoaded();
        };
        const logs = new LogCapture();
        const instances = Array.from({ length: N }, () =>
          instance(conversationId, { storage: made.shared ?? made.perInstance!(), mainDialog: new CounterDialog(beforeCount), logger: logs.logger }),
        );
        await Promise.all(instances.map(({ adapter }, i) => adapter.receiveActivity(`message ${i}`)));

        const all = instances.flatMap((i) => i.sent);
        assert.deepEqual(counts(all).sort((a, b) => a - b), [1, 2, 3, 4, 5, 6], 'each message counted once, none lost');
        const welcomes = texts(all).filter((t) => t.includes('not for emergencies'));
        assert.equal(welcomes.length, 1, 'replies of discarded runs never reach the member: welcomed once');
        assert.ok(!texts(all).some((t) => t === catalog.text('en', 'state.busy') || t === catalog.text('en', 'errors.turn')));
        const reruns = logs.entries.filter((e) => e.msg === 'conversation state changed by a concurrent turn: running this turn again on fresh state');
        assert.ok(reruns.length >= N - 1, `at least ${N - 1} turns had to run again (${reruns.length})`);

        const key = `webchat/conversations/${conversationId}/`;
        const stored = (await instances[0]!.core.storage.read([key]))[key];
        assert.equal(stored.dialogState.dialogStack[0].state.count, N);
      });
    });
  }

  describe('within one instance', () => {
    it('turns of one conversation run one at a time, in the order they arrived', async () => {
      const order: string[] = [];
      let openGate!: () => void;
      const gate = new Promise<void>((resolve) => (openGate = resolve));
      let firstEntered!: () => void;
      const entered = new Promise<void>((resolve) => (firstEntered = resolve));
      const dialog = new CounterDialog(async (context) => {
        order.push(`start ${context.activity.text}`);
        if (context.activity.text === 'first') {
          firstEntered();
          await gate;
        }
      });
      const { adapter, sent } = instance('serial', { mainDialog: dialog });
      const first = adapter.receiveActivity('first');
      await entered;
      const second = adapter.receiveActivity('second');
      const third = adapter.receiveActivity('third');
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(order, ['start first'], 'the others wait while the first turn runs');
      openGate();
      await Promise.all([first, second, third]);
      assert.deepEqual(order, ['start first', 'start second', 'start third']);
      assert.deepEqual(counts(sent), [1, 2, 3]);
    });

    it('work outside a turn (a proactive message, an agent’s reply) waits for the conversation’s turn in flight', async () => {
      let openGate!: () => void;
      const gate = new Promise<void>((resolve) => (openGate = resolve));
      let entered!: () => void;
      const inTurn = new Promise<void>((resolve) => (entered = resolve));
      const { core, adapter } = instance('proactive', {
        mainDialog: new CounterDialog(async () => {
          entered();
          await gate;
          order.push('turn');
        }),
      });
      const order: string[] = [];
      const turn = adapter.receiveActivity('hello');
      await inTurn;
      const outside = core.turnGuard.exclusive('webchat/conversations/proactive/', async () => void order.push('outside'));
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(order, []);
      openGate();
      await Promise.all([turn, outside]);
      assert.deepEqual(order, ['turn', 'outside']);
    });

    it('other conversations are not held up by a slow one', async () => {
      let openGate!: () => void;
      const gate = new Promise<void>((resolve) => (openGate = resolve));
      const storage = new LockedStorage();
      const slow = instance('slow', { storage, mainDialog: new CounterDialog(() => gate) });
      const pending = slow.adapter.receiveActivity('hello');
      const other = instance('other', { storage, mainDialog: new CounterDialog() });
      await other.adapter.receiveActivity('hello');
      assert.deepEqual(counts(other.sent), [1]);
      openGate();
      await pending;
    });
  });

  describe('the held replies', () => {
    it('typing indicators go out at once; messages only after the state is saved', async () => {
      let openGate!: () => void;
      const gate = new Promise<void>((resolve) => (openGate = resolve));
      let typed!: () => void;
      const typing = new Promise<void>((resolve) => (typed = resolve));
      const dialog = new CounterDialog(async (context) => {
        await context.sendActivity({ type: ActivityTypes.Typing });
        await context.sendActivity('thinking…');
        typed();
        await gate;
      });
      const { adapter } = instance('typing', { mainDialog: dialog });
      const turn = adapter.receiveActivity('hello');
      await typing;
      assert.deepEqual(adapter.activeQueue.map((a) => a.type), [ActivityTypes.Typing], 'only the typing indicator so far');
      openGate();
      await turn;
      const [first, welcome, ...rest] = adapter.activeQueue;
      assert.equal(first!.type, ActivityTypes.Typing);
      assert.match(welcome!.text ?? '', /not for emergencies/);
      assert.deepEqual(rest.map((a) => a.text), ['thinking…', 'count=1']);
    });

    it('a turn that fails still delivers what it had said, then the usual apology', async () => {
      class Failing extends ComponentDialog {
        constructor() {
          super('main');
          this.addDialog(
            new WaterfallDialog('w', [
              async (step) => {
                await step.context.sendActivity('first part');
                throw new Error('back end down');
              },
            ]),
          );
        }
      }
      const { adapter, sent } = instance('failing', { mainDialog: new Failing() as Dialog });
      await adapter.receiveActivity('hello');
      const said = texts(sent);
      assert.equal(said.at(-2), 'first part');
      assert.equal(said.at(-1), catalog.text('en', 'errors.turn'));
    });

    it('after repeated collisions the member is asked to send the message again, and nothing else is said', async () => {
      const alwaysLosing = storageWhereEverySaveCollides();
      const logs = new LogCapture();
      const { adapter, sent } = instance('busy', { storage: alwaysLosing, mainDialog: new CounterDialog(), logger: logs.logger });
      await adapter.receiveActivity('hello');
      assert.deepEqual(texts(sent), [catalog.text('en', 'state.busy')]);
      assert.ok(logs.entries.some((e) => e.level === 'warn' && e.msg === 'turn given up after repeated state conflicts: member asked to send it again' && e.attempt === 25));
    });

    it('an emergency answer goes out at once and exactly once, even when every save of the turn collides', async () => {
      const alwaysLosing = storageWhereEverySaveCollides();
      const { adapter, sent } = instance('urgent', { storage: alwaysLosing, logger: silentLogger() });
      await adapter.receiveActivity('I think I am having a heart attack, my chest hurts');
      const said = texts(sent);
      assert.equal(said.filter((t) => /call 911/i.test(t)).length, 1, JSON.stringify(said));
      assert.match(said[0]!, /911/, 'the emergency answer comes first');
    });
  });
});
