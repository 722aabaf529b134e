import type { StoreItem, StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';
import { silentLogger, type Logger } from '../common/logger';
import { startSweepTimer } from './expiry';
import { EXPIRING_PREFIX, expiresAtOf } from './expiring';
import { contentOf, isStorageConflict, StorageConflictError, StorageStartupError, type AssistantStorage, type Expected } from './types';

/** The part of @azure/storage-blob's ContainerClient that `put` and the expiry sweep use. */
interface BlockBlobUploader {
  upload(
    body: string,
    length: number,
    options: { conditions: { ifMatch?: string; ifNoneMatch?: string }; blobHTTPHeaders: { blobContentType: string }; metadata?: Record<string, string> },
  ): Promise<{ etag?: string }>;
}
interface ListedBlob {
  name: string;
  properties: { etag?: string };
  metadata?: Record<string, string>;
}
interface ContainerClientLike {
  getBlockBlobClient(name: string): BlockBlobUploader;
  listBlobsFlat(options: { prefix: string; includeMetadata: boolean }): AsyncIterable<ListedBlob>;
  deleteBlob(name: string, options: { conditions: { ifMatch?: string } }): Promise<unknown>;
}
/** BlobsStorage's own fields: `put` reuses its client (same account, credentials and pipeline). */
interface BlobsStorageInternals {
  _containerClient?: ContainerClientLike;
  _initialize?: () => Promise<unknown>;
}

export interface AzureBlobOptions {
  /** Where a failed expiry sweep is reported (error class only). */
  logger?: Logger;
  /** Milliseconds since the epoch (tests move it). */
  clock?: () => number;
  /** How often records past their own expiry (storage/expiring.ts) are swept. Default 5 minutes. */
  sweepEveryMs?: number;
}

/** The blob metadata that holds a record's own expiry (ms since the epoch), so a sweep needs only a listing. */
const EXPIRES_METADATA = 'expiresat';

/**
 * Azure Blob Storage for production and scale-out: reads, writes and deletes go through
 * botbuilder-azure-blobs' `BlobsStorage` unchanged (one JSON blob per key). `put` uploads the same
 * JSON the same way, with the condition BlobsStorage cannot express: If-None-Match `*` for a
 * create-only write, If-Match for a replace, and it returns the new ETag.
 *
 * Records that carry their own expiry (storage/expiring.ts) also get it as blob metadata, and a
 * sweep started by `ready()` deletes those past it (Blob Storage has no per-blob time to live).
 *
 * botbuilder 4.23 is the SDK's last line (archived), so the two internals used here are frozen;
 * the constructor checks they are there and says so clearly if not.
 */
export class AzureBlobStorage implements AssistantStorage {
  readonly kind = 'blob' as const;
  readonly blobs: BlobsStorage;
  private readonly client: ContainerClientLike;
  private readonly initialize: () => Promise<unknown>;
  private readonly clock: () => number;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  constructor(
    connectionString: string,
    readonly container: string,
    private readonly options: AzureBlobOptions = {},
  ) {
    try {
      this.blobs = new BlobsStorage(connectionString, container);
    } catch (err) {
      // The SDK's message may quote the connection string: never pass it on.
      throw new StorageStartupError(
        `AZURE_STORAGE_CONNECTION_STRING is not a usable Azure Storage connection string (${(err as Error).name}). ` +
          'Expected DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;EndpointSuffix=core.windows.net, or BlobEndpoint=…;SharedAccessSignature=….',
      );
    }
    const internals = this.blobs as unknown as BlobsStorageInternals;
    if (typeof internals._containerClient?.getBlockBlobClient !== 'function' || typeof internals._initialize !== 'function') {
      throw new StorageStartupError('botbuilder-azure-blobs is not the 4.23 line this assistant was built for (BlobsStorage internals changed).');
    }
    this.client = internals._containerClient;
    this.initialize = internals._initialize.bind(this.blobs);
    this.clock = options.clock ?? Date.now;
  }

  /** Creates the container if missing and starts the expiry sweeps. */
  async ready(): Promise<void> {
    try {
      await this.initialize();
    } catch (err) {
      const e = err as { statusCode?: number; code?: string; name?: string };
      throw new StorageStartupError(
        `Azure Blob Storage container "${this.container}" could not be reached or created ` +
          `(${[e.statusCode, e.code ?? e.name].filter(Boolean).join(' ')}). Check AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_CONTAINER.`,
      );
    }
    this.timer ??= startSweepTimer({ sweepEveryMs: this.options.sweepEveryMs ?? 5 * 60_000 }, () => this.sweep(), this.options.logger ?? silentLogger(), 'blob');
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.sweeping;
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.blobs.read(keys);
  }

  write(changes: StoreItems): Promise<void> {
    return this.blobs.write(changes);
  }

  delete(keys: string[]): Promise<void> {
    return this.blobs.delete(keys);
  }

  async put(key: string, item: StoreItem, expected: Expected): Promise<string> {
    await this.initialize();
    const serialized = JSON.stringify(contentOf(item));
    const conditions = expected === null ? { ifNoneMatch: '*' } : expected === '*' ? {} : { ifMatch: expected };
    const expiresAt = expiresAtOf(key, item);
    try {
      const response = await this.client.getBlockBlobClient(sanitizeBlobKey(key)).upload(serialized, Buffer.byteLength(serialized), {
        conditions,
        blobHTTPHeaders: { blobContentType: 'application/json' },
        ...(expiresAt !== undefined ? { metadata: { [EXPIRES_METADATA]: String(expiresAt) } } : {}),
      });
      return response.etag ?? '*';
    } catch (err) {
      if (isStorageConflict(err)) throw new StorageConflictError(key);
      throw err;
    }
  }

  /** Deletes the records past their own expiry (storage/expiring.ts). Resolves with how many. */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepOnce().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepOnce(): Promise<number> {
    await this.initialize();
    const now = this.clock();
    let removed = 0;
    // BlobsStorage names a blob after its key, URI-encoded: "expiring/…" is "expiring%2F…".
    for await (const blob of this.client.listBlobsFlat({ prefix: encodeURIComponent(EXPIRING_PREFIX), includeMetadata: true })) {
      const at = Number(blob.metadata?.[EXPIRES_METADATA] ?? NaN);
      if (!Number.isFinite(at) || at > now) continue;
      try {
        // Only the version listed: a record written again since is looked at by a later sweep.
        await this.client.deleteBlob(blob.name, { conditions: blob.properties.etag ? { ifMatch: blob.properties.etag } : {} });
        removed++;
      } catch (err) {
        if (!isStorageConflict(err) && (err as { statusCode?: unknown }).statusCode !== 404) throw err;
      }
    }
    if (removed > 0) this.options.logger?.info({ removed }, 'records past their own expiry removed');
    return removed;
  }
}
