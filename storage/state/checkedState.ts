import { calculateChangeHash, ConversationState, UserState, type BotState, type TurnContext } from 'botbuilder';
import { contentOf, isStorageConflict, StorageConflictError, type AssistantStorage } from '../types';

type State = Record<string, unknown>;

/**
 * What was loaded this turn: the object botbuilder caches, the stored eTag, and (merge mode only,
 * the one mode that diffs) a copy to diff.
 */
interface Loaded {
  state: State;
  eTag: string | undefined;
  hash: string;
  snapshot: State | undefined;
}

/**
 * How a save that finds someone else's newer version behaves:
 * - `replace`: throw the conflict; the caller re-runs the turn on fresh state (conversation state:
 *   a dialog stack cannot be merged with another turn's);
 * - `merge`: re-read, re-apply the top-level properties this turn changed, write again (user
 *   state: shared by a member's conversations, holds independent preferences).
 */
type ConflictMode = 'replace' | 'merge';

const MERGE_ATTEMPTS = 5;

/**
 * botbuilder's BotState writes with eTag `*` (last writer wins), so two turns of one conversation
 * on two instances silently lose one of the updates. This saves with the eTag that was loaded
 * (create-only when nothing was stored), so the second writer gets a conflict instead, and learns
 * the new eTag so a later save in the same turn is checked too.
 */
class ETagTracker {
  private readonly slot = Symbol('checkedState.loaded');

  constructor(
    private readonly storage: AssistantStorage,
    private readonly mode: ConflictMode,
  ) {}

  /** `readHash`: botbuilder's change hash of `state` when load() just read it (else computed here). */
  loaded(context: TurnContext, state: State, forced: boolean, readHash?: string): void {
    const previous = context.turnState.get(this.slot) as Loaded | undefined;
    if (previous?.state === state) return;
    // A new object without a read (after clear()) still replaces the version read earlier this turn.
    const eTag = forced || !previous ? (typeof state.eTag === 'string' ? state.eTag : undefined) : previous.eTag;
    this.remember(context, state, eTag, readHash);
  }

  forget(context: TurnContext): void {
    context.turnState.delete(this.slot);
  }

  async save(context: TurnContext, cached: State | undefined, storageKey: () => Promise<string>, force: boolean): Promise<void> {
    if (!cached && !force) return;
    const state = cached ?? {};
    const loaded = context.turnState.get(this.slot) as Loaded | undefined;
    if (!force && loaded?.state === state && loaded.hash === calculateChangeHash(state)) return;
    const key = await storageKey();
    // Never loaded this turn (a forced save of nothing): there is no version to check against.
    const expected = loaded ? (loaded.eTag ?? null) : '*';
    try {
      this.remember(context, state, await this.storage.put(key, state, expected));
    } catch (err) {
      if (this.mode === 'replace' || !loaded || !isStorageConflict(err)) throw err;
      await this.mergeIntoFresh(context, key, state, loaded);
    }
  }

  private async mergeIntoFresh(context: TurnContext, key: string, state: State, loaded: Loaded): Promise<void> {
    const changed = changedProperties(loaded.snapshot!, state);
    for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
      const fresh = (await this.storage.read([key]))[key] as State | undefined;
      const merged: State = fresh ? contentOf(fresh) : {};
      for (const name of changed) {
        if (name in state) merged[name] = state[name];
        else delete merged[name];
      }
      try {
        const eTag = await this.storage.put(key, merged, typeof fresh?.eTag === 'string' ? fresh.eTag : null);
        // The turn's object now shows what is stored, as after a plain save.
        for (const name of Object.keys(state)) delete state[name];
        Object.assign(state, merged);
        this.remember(context, state, eTag);
        return;
      } catch (err) {
        if (!isStorageConflict(err)) throw err;
      }
    }
    throw new StorageConflictError(key);
  }

  /** `hash`, when given, is calculateChangeHash(state) (which leaves out the eTag set here). */
  private remember(context: TurnContext, state: State, eTag: string | undefined, hash?: string): void {
    if (eTag !== undefined && eTag !== '*') state.eTag = eTag;
    else delete state.eTag;
    // The copy is only read to merge (user state); conversation state, loaded and saved on every
    // turn, never diffs, so it skips the JSON round trip.
    const snapshot = this.mode === 'merge' ? jsonCopy(state) : undefined;
    const loaded: Loaded = { state, eTag: eTag === '*' ? undefined : eTag, hash: hash ?? calculateChangeHash(state), snapshot };
    context.turnState.set(this.slot, loaded);
  }
}

function jsonCopy(state: State): State {
  return JSON.parse(JSON.stringify(contentOf(state))) as State;
}

function changedProperties(before: State, after: State): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  names.delete('eTag');
  return [...names].filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]));
}

// A mixin's base: TypeScript requires `any[]` constructor arguments (TS2545).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type StateClass = new (...args: any[]) => BotState;

/** A BotState class (constructed with a storage first) whose saves are eTag-checked, with the given conflict mode. */
function eTagChecked<B extends StateClass>(Base: B, mode: ConflictMode) {
  return class extends Base {
    private readonly tracker: ETagTracker;

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin constructor (TS2545)
    constructor(...args: any[]) {
      super(...args);
      this.tracker = new ETagTracker(args[0] as AssistantStorage, mode);
    }

    override async load(context: TurnContext, force = false): Promise<unknown> {
      // botbuilder hashes what it reads (its turn cache: { state, hash }); that hash is reused
      // rather than computed again (a JSON stringify and a SHA-256 of the state, every turn). Only
      // when this call read from storage, and the cache still holds the object read: no code has
      // had the object between botbuilder's hash and here.
      const reads = force || !(this.cachedEntry(context)?.state);
      const state = (await super.load(context, force)) as State;
      const entry = reads ? this.cachedEntry(context) : undefined;
      this.tracker.loaded(context, state, force, entry?.state === state && entry.hash ? entry.hash : undefined);
      return state;
    }

    /** botbuilder's turn cache of this state (BotState's private `stateKey`; none if that changes). */
    private cachedEntry(context: TurnContext): { state?: State; hash?: string } | undefined {
      const key = (this as unknown as { stateKey?: symbol }).stateKey;
      return key ? (context.turnState.get(key) as { state?: State; hash?: string } | undefined) : undefined;
    }

    override saveChanges(context: TurnContext, force = false): Promise<void> {
      return this.tracker.save(context, this.get(context) as State | undefined, () => this.storageKey(context), force);
    }

    override async delete(context: TurnContext): Promise<void> {
      this.tracker.forget(context);
      await super.delete(context);
    }
  };
}

/** Conversation state whose saves are eTag-checked; a conflict is thrown (the turn is re-run). */
export const CheckedConversationState: new (storage: AssistantStorage, namespace?: string) => ConversationState = eTagChecked(
  ConversationState,
  'replace',
);

/** User state whose saves are eTag-checked; on a conflict this turn's changes are merged into the newer version. */
export const CheckedUserState: new (storage: AssistantStorage, namespace?: string) => UserState = eTagChecked(UserState, 'merge');
