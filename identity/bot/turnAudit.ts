import type { TurnContext } from 'botbuilder';
import { currentCorrelationId } from '../../common/correlation';
import type { AuditEntry, AuditEvent, AuditLog } from '../../services/audit/auditLog';
import type { VerificationMethod } from '../../services/member';

const PENDING = Symbol('turnAudit.pending');

/**
 * Writes audit entries for a turn. A disclosure is written just before the reply that shows it is
 * delivered, and a disclosure whose entry cannot be written is not delivered at all: a turn that is re-run on fresh state (TurnGuard) drops the replies of the
 * discarded run, and with them their disclosures, so one answer is one entry. The delivery hook
 * is registered during the turn, after the turn's reply buffer, so it runs on release.
 */
export class TurnAudit {
  private readonly hooked = new WeakSet<TurnContext>();

  constructor(
    private readonly log: AuditLog,
    private readonly clock: () => number,
  ) {}

  private entry(context: TurnContext, event: AuditEvent, method?: VerificationMethod): AuditEntry {
    const correlationId = currentCorrelationId();
    return {
      ...event,
      channel: context.activity.channelId,
      ...(method ? { method } : {}),
      ...(correlationId ? { correlationId } : {}),
      at: new Date(this.clock()).toISOString(),
    };
  }

  /** Written now (verification, sign out, forget me). */
  now(context: TurnContext, event: AuditEvent, method?: VerificationMethod): void {
    this.log.record(this.entry(context, event, method));
  }

  /** Written when this turn's next reply is delivered to the member. */
  disclosed(context: TurnContext, event: Extract<AuditEvent, { event: 'phi.disclosure' }>, method: VerificationMethod): void {
    const pending = (context.turnState.get(PENDING) as AuditEntry[] | undefined) ?? [];
    pending.push(this.entry(context, event, method));
    context.turnState.set(PENDING, pending);
    if (this.hooked.has(context)) return;
    this.hooked.add(context);
    context.onSendActivities(async (ctx, activities, next) => {
      if (activities.some((a) => a.type === 'message')) {
        // On record before the member sees it: if the audit log cannot be written this throws,
        // the reply carrying the records is never delivered and the turn fails (fail closed).
        const entries = (ctx.turnState.get(PENDING) as AuditEntry[] | undefined) ?? [];
        ctx.turnState.delete(PENDING);
        for (const entry of entries) this.log.record(entry);
      }
      return next();
    });
  }
}
