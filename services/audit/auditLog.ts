import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
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

/** Where JSON lines go: pino's SonicBoom destination (a file, or stdout) or any writable. */
export interface LineSink {
  write(line: string): unknown;
  flushSync?: () => void;
}

/** One JSON object per line, `"audit": true` first, written synchronously (nothing buffered to lose). */
export class JsonLinesAuditLog implements AuditLog {
  constructor(private readonly sink: LineSink) {}

  record(entry: AuditEntry): void {
    this.sink.write(`${JSON.stringify({ audit: true, service: 'member-assistant', ...entry })}\n`);
  }

  async close(): Promise<void> {
    try {
      this.sink.flushSync?.();
    } catch {
      /* nothing buffered */
    }
  }
}

/** The audit file under DATA_DIR, created owner-only (0600) before pino appends to it. */
export function auditFile(dataDir: string): { destination: LineSink; file: string } {
  const dir = path.join(dataDir, 'audit');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, 'phi-audit.jsonl');
  closeSync(openSync(file, 'a', 0o600));
  return { destination: pino.destination({ dest: file, append: true, sync: true }), file };
}

/** Collects entries in memory (tests). */
export class MemoryAuditLog implements AuditLog {
  readonly entries: AuditEntry[] = [];
  record(entry: AuditEntry): void {
    this.entries.push(entry);
  }
  async close(): Promise<void> {}
}
