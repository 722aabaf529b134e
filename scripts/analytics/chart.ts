import { EMERGENCY_KINDS } from '../../intents/types';
import { EMERGENCY_LABELS, percent, type Report } from './report';

/**
 * The report as a chart (SVG, written by hand: no dependency): the headline rates, then bars for
 * the top intents and for emergency redirections by kind. Member words never go into the chart
 * (the unrecognized utterances stay in the table and report.json): it is safe to paste in a slide.
 */

const WIDTH = 760;
const LABEL = 190;
const BAR_MAX = 440;
const ROW = 26;
const FONT = 'font-family="Segoe UI, Helvetica, Arial, sans-serif"';

/** Text for XML content and attribute values. Characters XML 1.0 cannot hold are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

interface Bar {
  label: string;
  value: number;
  note: string;
}

function bars(title: string, rows: Bar[], top: number, colour: string): { svg: string; height: number } {
  const parts = [`<text x="20" y="${top + 18}" ${FONT} font-size="16" font-weight="600" fill="#1b1b1b">${escapeXml(title)}</text>`];
  let y = top + 32;
  if (!rows.length) {
    parts.push(`<text x="20" y="${y + 17}" ${FONT} font-size="13" fill="#555">(none in this period)</text>`);
    return { svg: parts.join('\n'), height: y + ROW - top };
  }
  const max = Math.max(1, ...rows.map((r) => r.value));
  for (const row of rows) {
    const width = row.value ? Math.max(2, Math.round((row.value / max) * BAR_MAX)) : 0;
    parts.push(
      `<text x="${LABEL - 10}" y="${y + 17}" ${FONT} font-size="13" text-anchor="end" fill="#1b1b1b">${escapeXml(row.label)}</text>`,
      `<rect x="${LABEL}" y="${y + 4}" width="${width}" height="${ROW - 8}" rx="3" fill="${colour}"><title>${escapeXml(`${row.label}: ${row.value}`)}</title></rect>`,
      `<text x="${LABEL + width + 8}" y="${y + 17}" ${FONT} font-size="12" fill="#333">${escapeXml(row.note)}</text>`,
    );
    y += ROW;
  }
  return { svg: parts.join('\n'), height: y - top };
}

export function renderSvg(report: Report): string {
  const { period } = report;
  const headline = [
    `${report.conversations} conversation${report.conversations === 1 ? '' : 's'}`,
    `containment ${percent(report.containmentRate)}`,
    `escalation ${percent(report.escalationRate)}`,
    `not understood ${percent(report.notUnderstoodRate)} of requests`,
  ].join(' · ');
  const parts: string[] = [
    `<text x="20" y="32" ${FONT} font-size="20" font-weight="700" fill="#1b1b1b">${escapeXml(`Member assistant: ${period.from} to ${period.to} (UTC)`)}</text>`,
    `<text x="20" y="56" ${FONT} font-size="14" fill="#333">${escapeXml(headline)}</text>`,
    `<text x="20" y="76" ${FONT} font-size="12" fill="#555">${escapeXml(`Channels: ${report.channels.join(', ') || '—'}`)}</text>`,
  ];
  let y = 92;
  const intents = bars(
    'Top intents (understood requests)',
    report.topIntents.map((t) => ({ label: t.intent, value: t.count, note: `${t.count} (${percent(t.share)})` })),
    y,
    '#2f6fb3',
  );
  parts.push(intents.svg);
  y += intents.height + 16;
  const emergencies = bars(
    `Emergency redirections (${report.emergencies.messages} in ${report.emergencies.conversations} conversation${report.emergencies.conversations === 1 ? '' : 's'})`,
    EMERGENCY_KINDS.map((kind) => ({ label: EMERGENCY_LABELS[kind], value: report.emergencies.byKind[kind], note: String(report.emergencies.byKind[kind]) })),
    y,
    '#c0392b',
  );
  parts.push(emergencies.svg);
  y += emergencies.height + 20;
  parts.push(`<text x="20" y="${y}" ${FONT} font-size="11" fill="#777">${escapeXml(`Generated ${report.generatedAt} by npm run report`)}</text>`);
  const height = y + 16;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeXml(headline)}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
