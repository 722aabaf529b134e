import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { startHeapFlags } from '../../scripts/bench/startFlags';
import { fromDist } from '../../common/paths';

/** The compiled entry point `npm start` runs. */
export const ENTRY = fromDist('bot', 'index.js');

export interface StartedProcess {
  child: ChildProcess;
  url: string;
  stdout: string[];
  stderr: string[];
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

export interface Exited {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Children still running: killed when the test process exits (a timed-out test must not leave one behind). */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** How long a start may take before the test gives up: a few seconds, or far more on a busy machine. */
const READY_MS = 60_000;

function launch(env: Record<string, string>, cwd?: string) {
  // With the heap flags `npm start` gives Node, so the process tests run the assistant as deployed.
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', ...startHeapFlags(), ENTRY], {
    cwd,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout!.setEncoding('utf8').on('data', (d: string) => stdout.push(...d.split('\n').filter(Boolean)));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => stderr.push(...d.split('\n').filter(Boolean)));
  running.add(child);
  const exited = once(child, 'exit').then(([code]) => {
    running.delete(child);
    return code as number | null;
  });
  return { child, stdout, stderr, exited };
}

/**
 * Runs a command to its end and collects what it printed: `input` goes to its stdin (closed
 * after it), `env` is its whole environment.
 */
export function runCommand(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; input?: string }): Promise<Exited> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** Runs the assistant until it exits by itself (e.g. a configuration error). */
export async function runToExit(env: Record<string, string>, cwd?: string): Promise<Exited> {
  const p = launch(env, cwd);
  // As long as a start may take: it loads the model files before it finds a bad setting.
  const timer = setTimeout(() => p.child.kill('SIGKILL'), READY_MS);
  const code = await p.exited;
  clearTimeout(timer);
  return { code, stdout: p.stdout.join('\n'), stderr: p.stderr.join('\n') };
}

/** Starts the assistant as `npm start` would and waits for its "ready" log line. */
export async function startProcess(env: Record<string, string> = {}, cwd?: string): Promise<StartedProcess> {
  const p = launch(env, cwd);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      p.child.kill('SIGKILL');
      reject(new Error(`not ready after ${READY_MS} ms: ${p.stderr.join('\n')}`));
    }, READY_MS);
    const check = () => {
      for (const line of p.stdout) {
        if (!line.includes('member assistant ready')) continue;
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
        return;
      }
    };
    p.child.stdout!.on('data', () => setImmediate(check));
    void p.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}: ${p.stderr.join('\n')}`));
    });
  });
  return { ...p, url };
}
