import assert from 'node:assert/strict';
import { escapeXml, renderSvg } from '../../scripts/analytics/chart';
import { computeReport, periodOf, renderTable, scrubUtterance, type ReportDoc } from '../../scripts/analytics/report';
import type { StoredActivity } from '../../handoff/transcript/transcriptStore';
import type { TurnOutcome } from '../../dialogs/turn';

const PERIOD = { from: '2026-02-01', to: '2026-03-02', days: 30 };
let seq = 0;

function member(text: string, meta?: TurnOutcome): StoredActivity {
  return { type: 'message', timestamp: new Date(Date.UTC(2026, 2, 1, 0, 0, seq++)).toISOString(), from: { role: 'user' }, text, ...(meta ? { meta } : {}) };
}
const bot = (text: string): StoredActivity => ({ type: 'message', timestamp: '2026-03-01T00:00:00.000Z', from: { role: 'bot' }, text });
const agent = (text: string): StoredActivity => ({ type: 'message', timestamp: '2026-03-01T00:00:00.000Z', from: { role: 'agent', name: 'Pat' }, text });

let conversations = 0;
function conversation(activities: StoredActivity[], channelId = 'webchat'): ReportDoc {
  return { channelId, conversationId: `c${++conversations}`, activities };
}

/** Ten conversations with everything the report counts, and what it should say about them. */
function sample(): ReportDoc[] {
  return [
    conversation([bot('Welcome'), member('I need a refill', { intent: 'refill', score: 0.97 }), bot('Which one?'), member('RX 1234567')]),
    conversation([member('refill please', { intent: 'refill', score: 0.9 }), member('thanks', { intent: 'thanks', score: 0.9 })]),
    conversation([member('book a visit', { intent: 'appointment', score: 0.9 }), member('talk to a person', { intent: 'agent', score: 0.95, escalated: 'queue' }), agent('Hi, this is Pat')]),
    conversation([member('What is the meaning of life', { intent: 'none', score: 0.2, fallback: true }), member('a person', { intent: 'agent', escalated: 'contact' })], 'sms'),
    conversation([member('what is   the MEANING of life', { intent: 'none', score: 0.3, fallback: true })]),
    conversation([member('write to jane.doe@example.org about member id ABC123456 and call 555-123-4567', { intent: 'none', score: 0.1, fallback: true })]),
    conversation([member('my chest hurts', { emergency: 'medical' })]),
    conversation([member('I want to end my life', { emergency: 'crisis' }), member('still here', { emergency: 'crisis' })], 'msteams'),
    // A transcript from before `meta`: an agent's message still tells that a person had it.
    conversation([member('hello'), agent('Pat here')]),
    // Opened, never written in: not a conversation for the rates.
    conversation([bot('Welcome')]),
  ];
}

describe('analytics report (computeReport)', () => {
  it('containment and escalation rates over conversations with a member message', () => {
    const report = computeReport(sample(), PERIOD);
    assert.equal(report.conversations, 9);
    assert.equal(report.withoutMemberMessage, 1);
    assert.equal(report.escalated, 3, 'queued, given contact details, and an agent in an older transcript');
    assert.equal(report.contained, 6);
    assert.equal(report.containmentRate, 6 / 9);
    assert.equal(report.escalationRate, 3 / 9);
    assert.deepEqual(report.escalatedBy, { queue: 2, event: 0, contact: 1 });
    assert.equal(report.memberMessages, 14);
  });

  it('top intents: understood requests only, most frequent first, ties by name', () => {
    const report = computeReport(sample(), PERIOD, { top: 3 });
    assert.deepEqual(
      report.topIntents.map((t) => [t.intent, t.count]),
      [['agent', 2], ['refill', 2], ['appointment', 1]],
    );
    assert.equal(report.requests, 9, 'answers to questions (RX 1234567) and emergencies are not requests');
    assert.equal(report.notUnderstood, 3);
    assert.equal(report.notUnderstoodRate, 3 / 9);
    assert.equal(report.topIntents[0]!.share, 2 / 6, 'share of the understood requests');
  });

  it('unrecognized utterances: deduplicated ignoring case and spacing, counted, redacted', () => {
    const report = computeReport(sample(), PERIOD);
    assert.equal(report.unrecognizedDistinct, 2);
    assert.equal(report.unrecognized[0]!.count, 2);
    assert.match(report.unrecognized[0]!.text, /^what is the meaning of life$/i);
    const masked = report.unrecognized[1]!;
    assert.equal(masked.count, 1);
    assert.equal(masked.text, 'write to [EMAIL] about member id [MEMBER-ID] and call [PHONE]');
    const json = JSON.stringify(report);
    for (const leaked of ['jane.doe', 'example.org', 'ABC123456', '4567']) assert.ok(!json.includes(leaked), leaked);
  });

  it('the same wording is shown whatever order the conversations come in', () => {
    const docs = sample();
    assert.deepEqual(computeReport(docs, PERIOD).unrecognized, computeReport([...docs].reverse(), PERIOD).unrecognized);
  });

  it('emergency redirections by kind, in messages and conversations', () => {
    const { emergencies } = computeReport(sample(), PERIOD);
    assert.deepEqual(emergencies, { messages: 3, conversations: 2, byKind: { medical: 1, crisis: 2, poison: 0 } });
  });

  it('a conversation read twice (two channels listed, a retried page) counts once', () => {
    const [doc] = sample();
    assert.equal(computeReport([doc!, doc!], PERIOD).conversations, 1);
  });

  it('no conversations: rates are unknown, not 0 or NaN', () => {
    const report = computeReport([], PERIOD);
    assert.equal(report.conversations, 0);
    assert.equal(report.containmentRate, null);
    assert.equal(report.escalationRate, null);
    assert.equal(report.notUnderstoodRate, null);
    assert.match(renderTable(report), /Contained \(never escalated\)\s+0\s+—/);
  });

  it('scrubUtterance masks passwords again, emails, long numbers and letter-digit ids; control characters go', () => {
    assert.equal(scrubUtterance('my password is Hunter2! please'), 'my password is ********', 'and the rest of the line with it');
    assert.equal(scrubUtterance('SSN 123-45-6789, DOB 03/14/1980'), 'SSN [SSN], DOB [DOB]');
    assert.equal(scrubUtterance('card 4111 1111 1111 1111'), 'card [CARD]');
    assert.equal(scrubUtterance('member W12345678X'), 'member W[NUMBER]X');
    assert.equal(scrubUtterance('group G7-55213 claim 88123'), 'group [ID] claim [NUMBER]', 'what redactText leaves, the report masks');
    assert.equal(scrubUtterance('2 or 3 pills at 10am'), '2 or 3 pills at 10am', 'short numbers stay: they are the wording');
    assert.equal(scrubUtterance('bad\u001b[31m red\u202e text'), 'bad [31m red text');
    assert.ok(scrubUtterance('x'.repeat(500)).length <= 200);
  });

  it('periodOf: the last N days up to today (UTC), newest first', () => {
    const { days, period } = periodOf(3, Date.parse('2026-03-02T23:59:00Z'));
    assert.deepEqual(days, ['2026-03-02', '2026-03-01', '2026-02-28']);
    assert.deepEqual(period, { from: '2026-02-28', to: '2026-03-02', days: 3 });
  });
});

describe('analytics report (table and chart)', () => {
  it('the table shows the rates, the top intents, the redacted utterances and the definitions', () => {
    const table = renderTable(computeReport(sample(), PERIOD, { now: () => Date.parse('2026-03-02T12:00:00Z') }));
    assert.match(table, /^Member assistant report: 2026-02-01 to 2026-03-02 \(30 days, UTC\)$/m);
    assert.match(table, /Conversations \(with a member message\)\s+9$/m);
    assert.match(table, /Contained \(never escalated\)\s+6\s+66\.7%/);
    assert.match(table, /Escalated to a person\s+3\s+33\.3%/);
    assert.match(table, /crisis \(988\)\s+2/);
    assert.match(table, /^\s+1\s+agent\s+2\s+33\.3%$/m);
    assert.match(table, /^\s+1\s+write to \[EMAIL\] about member id \[MEMBER-ID\] and call \[PHONE\]$/m);
    assert.match(table, /^Definitions$/m);
    assert.match(table, /containment: conversations never escalated/);
  });

  it('the SVG is one well-formed document with every label escaped', () => {
    const report = computeReport(sample(), PERIOD);
    report.channels = ['web<chat>&"co\'', 'sms\u0007'];
    report.topIntents.push({ intent: '<script>alert(1)</script>', count: 1, share: 0.1 });
    const svg = renderSvg(report);
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
    assert.ok(svg.trimEnd().endsWith('</svg>'));
    assert.ok(!svg.includes('<script>') && svg.includes('&lt;script&gt;'));
    assert.ok(svg.includes('web&lt;chat&gt;&amp;&quot;co&apos;'));
    assert.ok(!svg.includes('\u0007'));
    assert.ok(!svg.includes('meaning of life'), 'member words stay out of the chart');
    assertWellFormed(svg);
    assert.equal((svg.match(/<rect /g) ?? []).length, 1 + report.topIntents.length + 3, 'background, intents, three emergency kinds');
  });

  it('escapeXml leaves nothing that could open markup or end an attribute', () => {
    assert.equal(escapeXml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&apos;y&apos;&gt;&amp;amp;&lt;/a&gt;');
    assert.equal(escapeXml('ok\uFFFE\uD800!'), 'ok!');
  });
});

/** A small XML check: tags balance, attributes are quoted, and text holds no bare < or &. */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let match: RegExpExecArray | null;
  while ((match = token.exec(xml))) {
    const [, closing, name, , selfClosing, text, stray] = match;
    assert.equal(stray, undefined, `a bare < at ${match.index}: ${xml.slice(match.index, match.index + 40)}`);
    if (text !== undefined) {
      assert.doesNotMatch(text, /&(?!(?:amp|lt|gt|quot|apos|#\d+);)/, `a bare & in ${text.slice(0, 40)}`);
      continue;
    }
    if (selfClosing) continue;
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    else stack.push(name!);
  }
  assert.deepEqual(stack, [], 'every element is closed');
}
