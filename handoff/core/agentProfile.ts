import { z } from 'zod';
import type { QueueSkills } from './workspaceData';

/**
 * What an agent may do and is offered, beyond signing in: their role (what it allows), their skills
 * (languages and topics: which queues' conversations they get first) and how many chats they may
 * hold at once. Part of an agent account (AGENT_ACCOUNTS, JSON form); agents signed in with OpenID
 * Connect, and accounts without these fields, get the defaults.
 */

export const AGENT_ROLES = ['agent', 'lead', 'supervisor'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

/** Roles that may search closed conversations (history) and read their transcripts. */
export const HISTORY_ROLES: readonly AgentRole[] = ['lead', 'supervisor'];

export const agentProfileFields = {
  role: z.enum(AGENT_ROLES, { error: `expected a role: ${AGENT_ROLES.join(', ')}` }).optional(),
  skills: z
    .strictObject({
      languages: z.array(z.enum(['en', 'es'], { error: 'expected languages "en" and/or "es"' })).min(1).max(2).optional(),
      topics: z.array(z.string().regex(/^[a-z][a-z0-9_]{0,31}$/)).max(20).optional(),
    })
    .optional(),
  capacity: z.int({ error: 'expected a whole number of chats from 1 to 20' }).min(1).max(20).optional(),
};

export interface AgentProfile {
  role: AgentRole;
  languages: Array<'en' | 'es'>;
  topics: string[];
  /** Concurrent chats. */
  capacity: number;
}

export const DEFAULT_PROFILE: AgentProfile = { role: 'agent', languages: ['en'], topics: [], capacity: 3 };

export function profileOf(fields: { role?: AgentRole; skills?: { languages?: Array<'en' | 'es'>; topics?: string[] }; capacity?: number } | undefined): AgentProfile {
  return {
    role: fields?.role ?? DEFAULT_PROFILE.role,
    languages: fields?.skills?.languages ?? DEFAULT_PROFILE.languages,
    topics: fields?.skills?.topics ?? DEFAULT_PROFILE.topics,
    capacity: fields?.capacity ?? DEFAULT_PROFILE.capacity,
  };
}

export function hasSkills(profile: AgentProfile, skills: QueueSkills): boolean {
  return (!skills.language || profile.languages.includes(skills.language)) && (!skills.topic || profile.topics.includes(skills.topic));
}

export function canSeeHistory(profile: AgentProfile): boolean {
  return HISTORY_ROLES.includes(profile.role);
}
