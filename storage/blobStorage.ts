import type { StoreItem, StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';
import { contentOf, isStorageConflict, StorageConflictError, StorageStartupError, type AssistantStorage, type Expected } from './types';

/** The part of @azure/storage-blob's ContainerClient that `put` uses. */
interface BlockBlobUploader {
  upload(
    body: string,
    length: number,
    options: { conditions: { ifMatch?: string; ifNoneMatch?: string }; blobHTTPHeaders: { blobContentType: string } },
  ): Promise<{ etag?: string }>;
}
interface ContainerClientLike {
  getBlockBlobClient(name: string): BlockBlobUploader;
}
/** BlobsStorage's own fields: `put` reuses its client (same account, credentials and pipeline). */
interface BlobsStorageInternals {
  _containerClient?: ContainerClientLike;
  _initialize?: () => Promise<unknown>;
}

/**
 * Azure Blob Storage for production and scale-out: reads, writes and deletes go through
 * botbuilder-azure-blobs' `BlobsStorage` unchanged (one JSON blob per key). `put` uploads the same
 * JSON the same way, with the condition BlobsStorage cannot express: If-None-Match `*` for a
 * create-only write, If-Match for a replace, and it returns the new ETag.
 *
 * botbuilder 4.23 is the SDK's last line (archived), so the two internals used here are frozen;
 * the constructor checks they are there and says so clearly if not.
 */
export class AzureBlobStorage implements AssistantStorage {
  readonly kind = 'blob' as const;
  readonly blobs: BlobsStorage;
  private readonly client: ContainerClientLike;
  private readonly initialize: () => Promise<unknown>;

  constructor(
    connectionString: string,
    readonly container: string,
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
  }

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
  }

  async close(): Promise<void> {}

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
    try {
      const response = await this.client.getBlockBlobClient(sanitizeBlobKey(key)).upload(serialized, Buffer.byteLength(serialized), {
        conditions,
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
      return response.etag ?? '*';
    } catch (err) {
      if (isStorageConflict(err)) throw new StorageConflictError(key);
      throw err;
    }
  }
}
