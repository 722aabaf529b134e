import assert from 'node:assert/strict';
import { computeReport, renderTable, type ReportDoc } from '../../scripts/analytics/report';
import type { StoredActivity } from '../../handoff/transcript/transcriptStore';
import type { TurnOutcome } from '../../dialogs/turn';
import { Chat } from '../support/chat';

const PERIOD = { from: '2026-02-01', to: '2026-03-02', days: 30 };
let seq = 0;
let conversations = 0;

function member(text: string, meta?: TurnOutcome): StoredActivity {
  return { type: 'message', timestamp: new Date(Date.UTC(2026, 2, 1, 0, 0, seq++)).toISOString(), from: { role: 'user' }, text, ...(meta ? { meta } : {}) };
}
const conversation = (activities: StoredActivity[], channelId = 'webchat'): ReportDoc => ({ channelId, conversationId: `t${++conversations}`, activities });

describe('analytics report: every safety-triage outcome is counted like emergencies', () => {
  it('abuse by kind, mental health, symptoms and the safety net: messages, conversations, and lines beside an answer', () => {
    const report = computeReport(
      [
        conversation([member('my husband beats me', { abuse: 'dv' }), member('he hit me again', { abuse: 'dv' })]),
        conversation([member('I was raped', { abuse: 'sexual' })], 'sms'),
        conversation([member('I am depressed', { triage: 'mental_health' }), member('my head hurts', { triage: 'symptoms' })]),
        conversation([member('book a visit', { intent: 'appointment', score: 0.9 }), member('tomorrow, I feel so anxious', { triage: 'mental_health', noted: true })]),
        conversation([member('i feel really strange and something is wrong', { triage: 'safety_net' })], 'msteams'),
        conversation([member('my chest hurts', { emergency: 'medical' })]),
        conversation([member('billing', { intent: 'billing', score: 0.9 })]),
      ],
      PERIOD,
    );
    assert.deepEqual(report.abuse, { messages: 3, conversations: 2, byKind: { dv: 2, sexual: 1, child: 0, elder: 0 } });
    assert.deepEqual(report.triage, {
      mental_health: { messages: 2, conversations: 2, noted: 1 },
      symptoms: { messages: 1, conversations: 1, noted: 0 },
      safety_net: { messages: 1, conversations: 1, noted: 0 },
    });
    assert.deepEqual(report.emergencies, { messages: 1, conversations: 1, byKind: { medical: 1, crisis: 0, poison: 0 } });
    assert.equal(report.requests, 2, 'triage answers are not requests');
    assert.equal(report.notUnderstood, 0, 'nor requests not understood');
    assert.ok(!report.unrecognized.length, 'and no member words of them are shown');

    const table = renderTable(report);
    assert.match(table, /Abuse disclosures \(messages\)\s+3 {2}in 2 conversations/);
    assert.match(table, /domestic violence \(DV Hotline\)\s+2/);
    assert.match(table, /sexual assault \(RAINN\)\s+1/);
    assert.match(table, /Mental health \(988, behavioral health\)\s+2 {2}in 2 conversations; 1 as a line beside an answer/);
    assert.match(table, /Symptoms \(nurse line\)\s+1 {2}in 1 conversation\n/);
    assert.match(table, /Safety net \(unsure: 911, 988, nurse\)\s+1/);
    for (const name of ['abuse', 'mentalHealth', 'symptoms', 'safetyNet']) assert.ok(report.definitions[name], `definition of ${name}`);
    assert.doesNotMatch(table, /beats me|raped|depressed|head hurts/, 'member words never in the counts');
  });

  it('end to end with the real triage: what the bot answered is what the report counts', async () => {
    const chat = new Chat({ overrides: { understanding: undefined, emergencyCheck: undefined } });
    await chat.open();
    for (const text of ['my husband beats me', 'I was raped', 'I am depressed', 'my head hurts', 'I want to kill myself']) await chat.say(text);
    const activities = await chat.core.handoff.transcripts.recent(chat.channelId, chat.adapter.template.conversation!.id, 500);
    const report = computeReport([{ channelId: chat.channelId, conversationId: 'e2e', activities }], PERIOD);
    assert.deepEqual(report.abuse, { messages: 2, conversations: 1, byKind: { dv: 1, sexual: 1, child: 0, elder: 0 } });
    assert.equal(report.triage.mental_health.messages, 1);
    assert.equal(report.triage.symptoms.messages, 1);
    assert.deepEqual(report.emergencies.byKind, { medical: 0, crisis: 1, poison: 0 });
  });
});
