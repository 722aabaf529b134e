/**
 * `npm run bench:sms`: what every answer costs by SMS, in segments (issue 15). Renders each text
 * of the response catalog (its SMS version where there is one, placeholders filled with typical
 * values) through the SMS renderer, and prints per language: how many texts are GSM-7, segments
 * per answer (mean, p95, max), and the costliest texts. Also the refill-status answer as the
 * dialog sends it. Results also go to test-results/sms-segments.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { capabilitiesOf } from '../../channels/capabilities';
import { smsEncoding } from '../../channels/gsm7';
import { renderReply } from '../../channels/render';
import { fromRoot } from '../../common/paths';
import { ResponseCatalog } from '../../common/responses';
import { SMS_TEXT } from '../../dialogs/common/kit';
import { LOCALES, type Locale } from '../../intents/types';

const SAMPLE_VARS: Record<string, string> = {
  planName: 'Evergreen Health',
  number: '1-800-555-0100',
  hours: '24 hours a day',
  tty: '711',
  days: '2',
  name: 'Alex',
  topic: 'appointments',
  when: 'Tue, Jun 10, 3:00 PM',
  what: 'your prescriptions',
};

function segmentsOf(catalog: ResponseCatalog, locale: Locale, key: string): { segments: number; gsm7: boolean; messages: number } {
  const smsKey = catalog.has(`${SMS_TEXT}.${key}`) ? `${SMS_TEXT}.${key}` : key;
  const raw = catalog.text(locale, smsKey, SAMPLE_VARS).replace(/\{(\w+)\}/g, 'xxxxxxxx');
  const activities = renderReply({ text: raw }, capabilitiesOf('sms'), { replyWithNumber: catalog.text(locale, 'channel.replyWithNumber') });
  const encodings = activities.map((a) => smsEncoding(a.text ?? ''));
  return { segments: encodings.reduce((n, e) => n + e.segments, 0), gsm7: encodings.every((e) => e.encoding === 'gsm7'), messages: activities.length };
}

function main(): void {
  const catalog = ResponseCatalog.load();
  // Answers, not option titles or link titles (those are parts of other messages).
  const keys = catalog.keys().filter((k) => !/^(options|links|topics|triageLinks|smsText)\./.test(k));
  const report: Record<string, unknown> = {};
  for (const locale of LOCALES) {
    const rows = keys.map((key) => ({ key, ...segmentsOf(catalog, locale, key) })).sort((a, b) => b.segments - a.segments);
    const counts = rows.map((r) => r.segments).sort((a, b) => a - b);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const p95 = counts[Math.min(counts.length - 1, Math.floor(counts.length * 0.95))]!;
    const gsm7 = rows.filter((r) => r.gsm7).length;
    console.log(`${locale}: ${rows.length} answers, ${gsm7} GSM-7 (${((100 * gsm7) / rows.length).toFixed(0)}%), segments per answer: mean ${mean.toFixed(2)}, p95 ${p95}, max ${counts.at(-1)}`);
    for (const row of rows.slice(0, 5)) console.log(`  ${row.segments} segments  ${row.gsm7 ? 'GSM-7' : 'UCS-2'}  ${row.key}`);
    report[locale] = { answers: rows.length, gsm7, mean: Number(mean.toFixed(3)), p95, max: counts.at(-1), costliest: rows.slice(0, 10) };
  }
  const out = fromRoot('test-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'sms-segments.json'), `${JSON.stringify(report, null, 2)}\n`);
}

main();
