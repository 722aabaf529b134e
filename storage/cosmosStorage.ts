import type { StoreItem, StoreItems } from 'botbuilder';
import { CosmosDbKeyEscape, CosmosDbPartitionedStorage } from 'botbuilder-azure';
import type { Logger } from '../common/logger';
import { expiresAtOf } from './expiring';
import { contentOf, isStorageConflict, StorageConflictError, StorageStartupError, type AssistantStorage, type Expected } from './types';

/** The part of @azure/cosmos's Container that `put` uses. */
interface ItemResponseLike {
  resource?: { _etag?: string };
}
export interface CosmosContainerLike {
  items: {
    create(body: object): Promise<ItemResponseLike>;
    upsert(body: object): Promise<ItemResponseLike>;
  };
  item(id: string, partitionKey?: string): {
    replace(body: object, options: { accessCondition: { type: 'IfMatch'; condition: string } }): Promise<ItemResponseLike>;
  };
  /** The container's definition: `defaultTtl` absent means time to live is off. */
  read(): Promise<{ resource?: { defaultTtl?: number | null } }>;
}
/** CosmosDbPartitionedStorage's own fields: `put` reuses its client and container. */
interface CosmosInternals {
  container?: CosmosContainerLike;
  initialize?: () => Promise<void>;
  getPartitionKey?: (escapedKey: string) => string | undefined;
}

export interface CosmosSettings {
  endpoint: string;
  key: string;
  database: string;
  container: string;
}

export interface AzureCosmosOptions {
  /** Where start-up says that the container's time to live is off. */
  logger?: Logger;
  /** Milliseconds since the epoch. */
  clock?: () => number;
}

/**
 * Azure Cosmos DB (NoSQL API) through botbuilder-azure's `CosmosDbPartitionedStorage` (container
 * partitioned on `/id`, created if missing). `put` writes the same document shape the SDK writes
 * (`{ id, realId, document }`) with the condition the Storage interface cannot express: create
 * (409 if the document exists), replace with If-Match, or upsert; and returns the new `_etag`.
 *
 * A record that carries its own expiry (storage/expiring.ts) gets a per-document `ttl` (seconds),
 * which Cosmos DB applies only when the container's time to live is on (`defaultTtl` set; -1 is
 * enough and expires nothing else): `ready()` warns when it is off.
 *
 * Not tested against a real Cosmos DB account or emulator here (none is available): the settings,
 * the errors and `put`'s conditions are tested with a stand-in container.
 */
export class AzureCosmosStorage implements AssistantStorage {
  readonly kind = 'cosmos' as const;
  readonly cosmos: CosmosDbPartitionedStorage;

  private readonly clock: () => number;

  constructor(
    readonly settings: CosmosSettings,
    private readonly options: AzureCosmosOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
    try {
      this.cosmos = new CosmosDbPartitionedStorage({
        cosmosDbEndpoint: settings.endpoint,
        authKey: settings.key,
        databaseId: settings.database,
        containerId: settings.container,
      });
    } catch (err) {
      throw new StorageStartupError(`Cosmos DB storage could not be set up: ${(err as Error).message}`);
    }
    const internals = this.cosmos as unknown as CosmosInternals;
    if (typeof internals.initialize !== 'function' || typeof internals.getPartitionKey !== 'function') {
      throw new StorageStartupError('botbuilder-azure is not the 4.23 line this assistant was built for (CosmosDbPartitionedStorage internals changed).');
    }
  }

  async ready(): Promise<void> {
    try {
      await this.internals.initialize!.call(this.cosmos);
    } catch (err) {
      const e = err as { code?: number | string; name?: string };
      throw new StorageStartupError(
        `Cosmos DB database "${this.settings.database}" / container "${this.settings.container}" could not be reached or created ` +
          `(${e.code ?? e.name ?? 'error'}). Check COSMOS_ENDPOINT, COSMOS_KEY, COSMOS_DATABASE and COSMOS_CONTAINER.`,
      );
    }
    await this.checkTimeToLive();
  }

  /** Warns (never fails start-up) when the container would keep records that carry their own expiry forever. */
  private async checkTimeToLive(): Promise<void> {
    let defaultTtl: number | null | undefined;
    try {
      defaultTtl = (await this.internals.container?.read())?.resource?.defaultTtl;
    } catch (err) {
      this.options.logger?.warn({ err: { name: (err as Error)?.name, code: (err as { code?: unknown }).code } }, 'Cosmos DB container settings could not be read (time to live not checked)');
      return;
    }
    if (typeof defaultTtl !== 'number') {
      this.options.logger?.warn(
        { container: this.settings.container },
        "Cosmos DB container has time to live off: used one-time ids (stream URLs, portal sign-ins) are never removed. Set the container's defaultTtl (-1 expires nothing else)",
      );
    }
  }

  async close(): Promise<void> {}

  read(keys: string[]): Promise<StoreItems> {
    return this.cosmos.read(keys);
  }

  write(changes: StoreItems): Promise<void> {
    return this.cosmos.write(changes);
  }

  delete(keys: string[]): Promise<void> {
    return this.cosmos.delete(keys);
  }

  async put(key: string, item: StoreItem, expected: Expected): Promise<string> {
    await this.internals.initialize!.call(this.cosmos);
    const container = this.internals.container;
    if (!container) throw new Error('Cosmos DB container is not initialized.');
    // The SDK's defaults: compatibility mode on, no key suffix.
    const id = CosmosDbKeyEscape.escapeKey(key, undefined, true);
    const expiresAt = expiresAtOf(key, item);
    const ttl = expiresAt === undefined ? {} : { ttl: Math.max(1, Math.ceil((expiresAt - this.clock()) / 1000)) };
    const document = { id, realId: key, document: contentOf(item), ...ttl };
    try {
      let response: ItemResponseLike;
      if (expected === null) response = await container.items.create(document);
      else if (expected === '*') response = await container.items.upsert(document);
      else {
        const partitionKey = this.internals.getPartitionKey!.call(this.cosmos, id);
        response = await container.item(id, partitionKey).replace(document, { accessCondition: { type: 'IfMatch', condition: expected } });
      }
      return response.resource?._etag ?? '*';
    } catch (err) {
      // 404 on replace: the document was deleted since it was read, which is a conflict too.
      const code = (err as { code?: unknown }).code;
      if (isStorageConflict(err) || (expected !== null && expected !== '*' && code === 404)) throw new StorageConflictError(key);
      throw err;
    }
  }

  private get internals(): CosmosInternals {
    return this.cosmos as unknown as CosmosInternals;
  }
}
