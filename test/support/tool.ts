import { spawn } from 'node:child_process';
import { fromRoot } from '../../common/paths';

export interface ToolRun {
  code: number | null;
  /** stdout and stderr, in the order they came. */
  output: string;
}

/** Runs one of the project's own command-line tools (node_modules/.bin) from the project root. */
export function runTool(bin: string, args: string[]): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(fromRoot('node_modules', '.bin', bin), args, { cwd: fromRoot(), env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
