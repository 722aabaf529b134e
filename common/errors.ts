/**
 * A problem the person running the assistant must fix (a bad setting, a broken data file).
 * Start-up prints its message as one line, without a stack trace, and exits.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
