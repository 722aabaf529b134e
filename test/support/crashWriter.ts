/**
 * Child process for the file stores' crash tests: writes one key over and over and prints the
 * number of each write once it has completed, until the parent kills it (SIGKILL, mid-write).
 * Usage: node crashWriter.js <dir> <key> [files|journal]
 */
import { FileStorage } from '../../storage/fileStorage';
import { JournalStorage } from '../../storage/journalStorage';
import { silentLogger } from '../../common/logger';

async function main(): Promise<void> {
  const [dir, key, kind] = process.argv.slice(2);
  const storage = kind === 'journal' ? new JournalStorage({ dir: dir!, logger: silentLogger() }) : new FileStorage({ dir: dir!, logger: silentLogger() });
  const payload = 'x'.repeat(200_000);
  for (let n = 1; ; n++) {
    await storage.write({ [key!]: { n, payload, eTag: '*' } });
    process.stdout.write(`${n}\n`);
  }
}

void main();
