import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { StartupError } from '../../common/errors';
import { ok, type BackendResult, type MemberDirectory, type MemberProfile } from '../../services/member';

/**
 * Which Teams user (Entra ID object id, `activity.from.aadObjectId`) is which member: a JSON file
 * `{ "<object id>": "<member id>", … }` (TEAMS_MEMBER_MAP), for a plan whose employees or members
 * use Teams with their own Entra ID. Without it, the directory's own mapping (the sample data)
 * is used.
 */
const mapSchema = z.record(
  z.string().regex(/^[0-9a-fA-F-]{36}$/, { error: 'expected an Entra ID object id (a GUID)' }),
  z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, { error: 'expected a member id' }),
);

export class TeamsMapError extends StartupError {}

export function loadTeamsMap(file: string): Map<string, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new TeamsMapError(`TEAMS_MEMBER_MAP ${file} could not be read: ${(err as Error).message}`);
  }
  const parsed = mapSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TeamsMapError(`TEAMS_MEMBER_MAP ${file} is invalid: ${issue?.path.join('.') || '(root)'}: ${issue?.message}.`);
  }
  return new Map(Object.entries(parsed.data).map(([oid, member]) => [oid.toLowerCase(), member]));
}

export class MappedTeamsDirectory implements MemberDirectory {
  constructor(
    private readonly inner: MemberDirectory,
    private readonly map: Map<string, string>,
  ) {}

  get(memberId: string): Promise<BackendResult<MemberProfile | null>> {
    return this.inner.get(memberId);
  }

  findByPhone(phone: string): Promise<BackendResult<MemberProfile | null>> {
    return this.inner.findByPhone(phone);
  }

  async findByTeamsUser(aadObjectId: string): Promise<BackendResult<MemberProfile | null>> {
    const memberId = this.map.get(aadObjectId.toLowerCase());
    return memberId ? this.inner.get(memberId) : ok(null);
  }
}
