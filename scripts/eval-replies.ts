/**
 * The right number in what the member really sees (part of `npm run eval`): every triage line of
 * a labelled set (intents/data/frozen, intents/data/seen-v1) is sent, each in a new conversation,
 * through the whole bot — the turn pipeline, the safety triage, the dialogs and the channel's
 * rendering, with botbuilder's TestAdapter and the real local understanding — on Web Chat and on
 * SMS, and the replies (text and cards) are searched for the number the outcome needs, taken from
 * the portal profile: 911, 988, Poison Control, the hotline of the abuse kind, the nurse line.
 *
 * This measures the reply, not the mapping from outcome to number: a missed outcome that still
 * got the safety net (911, 988 and the nurse line) counts as right when the needed number is in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ActivityTypes, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { createBotCore, type BotCore } from '../bot/app';
import { loadConfig } from '../bot/config';
import { silentLogger } from '../common/logger';
import { loadPortalProfile } from '../services/portal/profile';

const CHANNELS = ['webchat', 'sms'] as const;
type Channel = (typeof CHANNELS)[number];

/** The number each expected outcome needs in the reply, from the portal profile. */
export function neededNumbers(profileId: string): Record<string, string> {
  const profile = loadPortalProfile(profileId);
  const h = profile.hotlineVars('en');
  return {
    'emergency:medical': h.emergency!,
    'emergency:crisis': h.crisis!,
    'emergency:poison': h.poison!,
    'abuse:dv': h.dv!,
    'abuse:sexual': h.rainn!,
    'abuse:child': h.childhelp!,
    'abuse:elder': h.eldercare!,
    mental_health: h.crisis!,
    symptoms: profile.phone('nurseLine', 'en').number,
  };
}

function readSet(file: string): Array<{ label: string; text: string }> {
  const out: Array<{ label: string; text: string }> = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('#') || !line.includes('\t')) continue;
    const [label, text] = [line.slice(0, line.indexOf('\t')), line.slice(line.indexOf('\t') + 1).trim()];
    if (text) out.push({ label, text });
  }
  return out;
}

let conversations = 0;

/** What the member sees for one first message, as one string (texts and card contents). */
async function replyTo(core: BotCore, channel: Channel, locale: 'en' | 'es', text: string): Promise<string> {
  conversations++;
  const template: Partial<Activity> = {
    channelId: channel,
    conversation: { id: `eval-${channel}-${conversations}`, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: `eval-member-${conversations}`, name: 'Member' },
    recipient: { id: 'member-assistant', name: 'Member Assistant' },
  };
  if (channel !== 'sms') template.locale = locale === 'es' ? 'es-US' : 'en-US';
  const adapter = new TestAdapter((context) => core.bot.run(context), template);
  adapter.onTurnError = core.onTurnError;
  await adapter.processActivity({ type: ActivityTypes.Message, text });
  return adapter.activeQueue
    .splice(0)
    .filter((a) => a.type === ActivityTypes.Message)
    .map((a) => `${a.text ?? ''} ${a.attachments ? JSON.stringify(a.attachments) : ''}`)
    .join('\n');
}

/** Rendered right-number rates for the triage lines of one set, per channel and outcome. */
export async function evaluateReplies(dir: string, title: string, json: Record<string, unknown>, errors = false): Promise<string[]> {
  const config = loadConfig({ NODE_ENV: 'test' });
  const needed = neededNumbers(config.portalProfile);
  const core = createBotCore(config, { logger: silentLogger(), storage: new MemoryStorage() });
  const lines = [`\n=== the right number in the rendered reply, ${title} — each line a new conversation through the whole bot ===`];
  lines.push(`${'set'.padEnd(10)} ${'channel'.padEnd(8)} ${'lines'.padStart(5)} ${'right number'.padStart(12)}   per outcome`);
  for (const locale of ['en', 'es'] as const) {
    const file = path.join(dir, `triage-${locale}.tsv`);
    if (!fs.existsSync(file)) continue;
    const rows = readSet(file).filter((r) => needed[r.label]);
    for (const channel of CHANNELS) {
      const per = new Map<string, { ok: number; n: number }>();
      const misses: string[] = [];
      for (const row of rows) {
        const reply = await replyTo(core, channel, locale, row.text);
        const ok = reply.includes(needed[row.label]!);
        const group = row.label.split(':')[0]!;
        const cell = per.get(group) ?? { ok: 0, n: 0 };
        cell.n++;
        if (ok) cell.ok++;
        else misses.push(`  ✗ ${channel} ${row.label} (needs ${needed[row.label]}): ${row.text}`);
        per.set(group, cell);
      }
      const ok = [...per.values()].reduce((s, c) => s + c.ok, 0);
      const pct = (a: number, b: number): string => `${((100 * a) / (b || 1)).toFixed(1)}%`;
      lines.push(`${`triage-${locale}`.padEnd(10)} ${channel.padEnd(8)} ${String(rows.length).padStart(5)} ${pct(ok, rows.length).padStart(12)}   ${[...per].map(([g, c]) => `${g} ${pct(c.ok, c.n)}`).join(', ')}`);
      json[`${title.split(' ')[0]}_rendered_${locale}_${channel}`] = { lines: rows.length, rightNumber: ok / (rows.length || 1) };
      if (errors) lines.push(...misses);
    }
  }
  return lines;
}
