import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../common/logger';

/** A logger whose JSON lines a test can read back. */
export class LogCapture {
  readonly lines: string[] = [];
  readonly logger: Logger;

  constructor(level: 'debug' | 'info' = 'debug') {
    const lines = this.lines;
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        callback();
      },
    });
    this.logger = createLogger({ level, destination: stream });
  }

  get entries(): Array<Record<string, unknown>> {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** Everything logged, as one string (to assert that a text never reached the logs). */
  get all(): string {
    return this.lines.join('\n');
  }
}
