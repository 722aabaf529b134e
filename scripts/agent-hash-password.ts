import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { hashPassword } from '../handoff/core/accounts';

/**
 * `npm run -s agent:hash-password`: reads an agent's password from stdin and prints its salted
 * scrypt hash, for AGENT_ACCOUNTS (`username:<hash>`). At a terminal the password is asked for and
 * not echoed; piped, the first line is the password:
 *
 *   printf '%s\n' 'the password' | npm run -s agent:hash-password
 */

const MIN_LENGTH = 12;

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    let muted = false;
    const output = new Writable({
      write(chunk, _encoding, callback) {
        if (!muted) process.stderr.write(chunk);
        callback();
      },
    });
    const rl = createInterface({ input: process.stdin, output, terminal: true });
    return new Promise((resolve) => {
      rl.question('Agent password (not shown): ', (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolve(answer);
      });
      muted = true;
    });
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function main(): Promise<void> {
  const password = await readPassword();
  if (password.length < MIN_LENGTH) {
    process.stderr.write(`The password must have at least ${MIN_LENGTH} characters.\n`);
    process.exit(1);
  }
  if (password === 'demo-agent') {
    process.stderr.write('That is the demo password, which production refuses: choose another.\n');
    process.exit(1);
  }
  process.stdout.write(`${await hashPassword(password)}\n`);
}

void main();
