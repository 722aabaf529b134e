import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { makeDirSync } from '../../common/makeDir';
import type { VerificationMethod } from '../member';

/**
 * The audit trail of protected health information: one entry each time a member's records are
 * shown to (or changed for) someone, and when an identity is verified, ended or forgotten. An
 * entry says who (the verified member id), whose record (the same id, or the member they act
 * for), what kind of record, what was done, when, on which channel, how the asker was verified,
 * and the turn's correlation id — never the record itself (no medicine names, no dates, no text).
 *
 * Written to its own destination, apart from the operational logs: a file under DATA_DIR
 * (`audit/phi-audit.jsonl`, owner-only, append-only JSON lines) or stdout, marked `"audit": true`
 * for the log collector to route to the audit store.
 */

export const RECORD_KINDS = ['prescriptions', 'refillRequest', 'appointments', 'appointmentBooking', 'appointmentCancellation', 'freeSlots'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export type AuditEvent =
  | {
      event: 'phi.disclosure';
      /** The verified member who asked. */
      actor: string;
      /** Whose record: the actor, or a member they have proxy access to. */
      subject: string;
      record: RecordKind;
      action: 'read' | 'create' | 'cancel';
      /** How many records were shown (0 for "you have none"). */
      count: number;
    }
  | { event: 'identity.verified'; actor: string }
  | { event: 'identity.ended'; actor: string; reason: 'signOut' | 'expired' | 'replaced' | 'forgotten' }
  | { event: 'member.forgotten'; actor: string | null };

export type AuditEntry = AuditEvent & {
  channel: string;
  method?: VerificationMethod;
  correlationId?: string;
  /** ISO 8601 instant. */
  at: string;
};

export interface AuditLog {
  record(entry: AuditEntry): void;
  /** Flushes and closes the destination. */
  close(): Promise<void>;
}

/**
 * Where JSON lines go: the audit file, pino's SonicBoom destination (stdout) or any writable.
 * `write` throws when the line could not be written: the caller must not go on as if it had been.
 */
export interface LineSink {
  write(line: string): unknown;
  flushSync?: () => void;
  /** Releases the destination (never waits, never retries). */
  close?: () => void;
}

/** The audit entry could not be written: whatever it records must not happen. */
export class AuditUnavailableError extends Error {
  constructor(readonly code: string | undefined) {
    super(`the PHI audit log could not be written (${code ?? 'error'})`);
    this.name = 'AuditUnavailableError';
  }
}

/**
 * One JSON object per line, `"audit": true` first, written synchronously (nothing buffered to
 * lose). A line that cannot be written throws AuditUnavailableError, so the disclosure it records
 * does not happen (fail closed).
 */
export class JsonLinesAuditLog implements AuditLog {
  constructor(private readonly sink: LineSink) {}

  record(entry: AuditEntry): void {
    try {
      this.sink.write(`${JSON.stringify({ audit: true, service: 'member-assistant', ...entry })}\n`);
    } catch (err) {
      throw new AuditUnavailableError((err as NodeJS.ErrnoException)?.code);
    }
  }

  async close(): Promise<void> {
    try {
      this.sink.flushSync?.();
    } catch {
      /* nothing buffered */
    }
    try {
      this.sink.close?.();
    } catch {
      /* already closed */
    }
  }
}

/**
 * An append-only file written with plain synchronous writes, each line on disk (fdatasync) before
 * `write` returns. Unlike pino's SonicBoom it keeps nothing buffered, and a full disk (ENOSPC) or
 * any other error is thrown to the caller at once instead of being retried in a loop — which
 * hung shutdown — or reported later on an event nobody can act on.
 */
export class SyncFileSink implements LineSink {
  private fd: number | null;

  constructor(file: string) {
    this.fd = openSync(file, 'a', 0o600);
  }

  write(line: string): void {
    if (this.fd === null) throw Object.assign(new Error('audit file closed'), { code: 'EBADF' });
    const bytes = Buffer.from(line, 'utf8');
    // A short write is continued; a write that makes no progress is an error, not a reason to spin.
    for (let offset = 0; offset < bytes.length; ) {
      const written = writeSync(this.fd, bytes, offset, bytes.length - offset);
      if (written <= 0) throw Object.assign(new Error('audit file write made no progress'), { code: 'EIO' });
      offset += written;
    }
    fdatasyncSync(this.fd);
  }

  close(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    closeSync(fd);
  }
}

/** The audit file under DATA_DIR, created owner-only (0600), appended to synchronously. */
export function auditFile(dataDir: string): { destination: LineSink; file: string } {
  const dir = path.join(dataDir, 'audit');
  makeDirSync(dir, 0o700);
  const file = path.join(dir, 'phi-audit.jsonl');
  return { destination: new SyncFileSink(file), file };
}

/** Collects entries in memory (tests). */
export class MemoryAuditLog implements AuditLog {
  readonly entries: AuditEntry[] = [];
  record(entry: AuditEntry): void {
    this.entries.push(entry);
  }
  async close(): Promise<void> {}
}
