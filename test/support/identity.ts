import type { Activity } from 'botbuilder';
import type { AssistantOverrides } from '../../bot/app';
import { MemoryAuditLog } from '../../services/audit/auditLog';
import { Chat, textOf, type ChatOptions } from './chat';

/** The synthetic sample members (services/sample/members.json). */
export const ALEX = { memberId: 'EH1000001', phone: '+15035550101', teams: '00000000-0000-4000-8000-000000000001' };
export const JORDAN = { memberId: 'EH1000002', phone: '+15035550102', teams: '00000000-0000-4000-8000-000000000002' };

/** Words that only appear in a sample member's records: none may reach an unverified member. */
export const PHI_MARKERS = [
  /lisinopril|atorvastatin|metformin|sertraline|albuterol|levothyroxine|amlodipine|omeprazole|cetirizine|amoxicillin/i,
  /EX123456789US/,
  /Dr\. (Maya Chen|Priya Patel)|Primary care follow-up|Lab tests/,
  /Jun(e)? (8|10|17)\b/,
  /EH10000\d\d/,
  /\b10001\d\d\b|\b100020[12]\b|\b1000301\b/,
];

export function assertNoPhi(text: string, what = ''): void {
  for (const marker of PHI_MARKERS) if (marker.test(text)) throw new Error(`PHI (${marker}) shown ${what}:\n${text}`);
}

/** A chat whose member is `from` on the channel, with an in-memory audit log to look at. */
export class MemberChat extends Chat {
  readonly audit: MemoryAuditLog;
  /** Everything the member has been shown. */
  readonly shown: string[] = [];

  constructor(options: ChatOptions & { from?: Partial<Activity['from']>; isGroup?: boolean; now?: () => number } = {}) {
    const audit = new MemoryAuditLog();
    const overrides: AssistantOverrides = { audit, ...(options.now ? { clock: options.now } : {}), ...options.overrides };
    super({ ...options, overrides });
    this.audit = audit;
    if (options.from) this.adapter.template.from = { id: 'member', name: 'Member', ...options.from } as Activity['from'];
    if (options.isGroup) this.adapter.template.conversation = { ...this.adapter.template.conversation!, isGroup: true, conversationType: 'groupChat' };
  }

  override async say(message: string | Partial<Activity>): Promise<Partial<Activity>[]> {
    const replies = await super.say(message);
    this.shown.push(textOf(replies), JSON.stringify(replies.flatMap((r) => r.attachments ?? [])));
    return replies;
  }

  /** Signs in as the portal would: the development portal's assertion as a member/identity event. */
  async signIn(memberId: string): Promise<Partial<Activity>[]> {
    const assertion = await this.core.identity.developmentPortal!.sign(memberId);
    return this.say({ type: 'event', name: 'member/identity', value: assertion });
  }

  disclosures() {
    return this.audit.entries.filter((e) => e.event === 'phi.disclosure');
  }
}

/** A 6-digit code in a reply (the SMS verification message). */
export function codeIn(replies: Partial<Activity>[]): string | null {
  return /code: (\d{6})\b/.exec(textOf(replies))?.[1] ?? null;
}

