import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { AzureBlobStorage } from '../../storage/blobStorage';
import { FileStorage } from '../../storage/fileStorage';
import { JournalStorage } from '../../storage/journalStorage';
import { LockedStorage } from '../../storage/lockedStorage';
import { silentLogger } from '../../common/logger';
import { startAzurite, type Azurite } from '../support/azurite';
import { describeStorageBehaviour } from './behaviour';

/** One behavioural suite, every store: what botbuilder's Storage promises, and what we rely on. */
describe('stores', function () {
  this.timeout(30_000);

  describeStorageBehaviour('botbuilder MemoryStorage (reference)', () => ({ storage: new MemoryStorage() }), {
    writesSpecificETagToMissingKey: true,
    acceptsEmptyKey: true,
    noPut: true,
  });

  describeStorageBehaviour('memory (STORAGE=memory: MemoryStorage behind a per-key lock)', () => {
    const storage = new LockedStorage();
    return { storage, assistant: storage };
  });

  describe('file', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'file-store-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));
    describeStorageBehaviour('file: one file per key (STORAGE=file, all but conversation state)', () => {
      const storage = new FileStorage({ dir: path.join(dir, 'state'), logger: silentLogger() });
      return { storage, assistant: storage };
    });
    let journal: JournalStorage | undefined;
    afterEach(async () => journal?.close());
    describeStorageBehaviour('file: conversation journal (STORAGE=file, conversation state)', () => {
      journal = new JournalStorage({ dir: path.join(dir, 'journal'), logger: silentLogger() });
      return { storage: journal, assistant: journal };
    });
  });

  describe('blob', () => {
    let azurite: Azurite;
    before(async () => {
      azurite = await startAzurite();
    });
    after(async () => azurite?.stop());

    describeStorageBehaviour('botbuilder BlobsStorage on Azurite (reference)', () => ({
      storage: new AzureBlobStorage(azurite.connectionString, 'reference').blobs,
    }), { ignoresEmptyKeySegments: true, noPut: true });
    describeStorageBehaviour('blob (STORAGE=blob: BlobsStorage plus conditional put) on Azurite', () => {
      const storage = new AzureBlobStorage(azurite.connectionString, 'suite');
      return { storage, assistant: storage };
    }, { ignoresEmptyKeySegments: true });
  });
});
