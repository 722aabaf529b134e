import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger, errorFields } from '../../common/logger';
import { runWithCorrelationId } from '../../common/correlation';
import { messageActivity } from '../support/activities';
import { post, startAssistant, type RunningAssistant } from '../support/assistant';
import { getGrant, postActivity, startConversation } from '../support/directline';
import { BOT_ACCOUNT, CHANNEL_ID, LOCAL_SERVICE_URL } from '../../directline/localDirectLine';

/**
 * The logs must never hold what members write, who they are, or secrets — whatever they type,
 * on any channel, in any state — and every line written for a turn must carry the turn's
 * correlation id (the x-correlation-id answer header).
 */

/** Things a member might type or be called, none of which may reach a log line. */
const PII = {
  password: 'Hunter2!Sekret',
  ssn: '123-45-6789',
  card: '4111 1111 1111 1111',
  name: 'Jacqueline Quixote-Doe',
  birthday: '04/05/1978',
  phone: '555-867-5309',
  email: 'jacqueline.qd@example.com',
  memberId: 'M987654321',
  drug: 'lisinoprilzz',
  crisis: 'I want to end my life tonight',
  longTail: 'tailsecret-zebra-quartz',
};

const messages = [
  'hi',
  `my password is ${PII.password}`,
  PII.password,
  `I forgot my password, my member id is ${PII.memberId} and my SSN is ${PII.ssn}`,
  `I'm ${PII.name}, born ${PII.birthday}, call me at ${PII.phone} or ${PII.email}`,
  `refill ${PII.drug} please, pay with ${PII.card}`,
  `how much do I owe ${'on my bill '.repeat(300)} ${PII.longTail}`,
  PII.crisis,
  'I need an appointment',
  'cancel',
];

function assertClean(all: string): void {
  for (const [what, value] of Object.entries(PII)) {
    assert.ok(!all.toLowerCase().includes(value.toLowerCase()), `the ${what} (${value}) reached the logs`);
  }
  // Pieces of the free text too (a logger that cut the text would still leak its start).
  for (const fragment of ['forgot my password', 'born ', 'end my life', 'pay with', 'on my bill']) {
    assert.ok(!all.includes(fragment), `member text "${fragment}" reached the logs`);
  }
}

describe('logs: no member text, no secrets, a correlation id on every line of a turn', function () {
  this.timeout(30_000);
  let running: RunningAssistant;

  before(async () => {
    running = await startAssistant({ LOG_LEVEL: 'debug', METRICS_TOKEN: 'metrics-token-not-for-logs-1234' });
  });
  after(() => running.stop());

  it('a conversation full of personal details and passwords through /api/messages leaves no trace of them in the logs', async () => {
    const conversation = { id: 'pii-http-1' };
    let turnLines = 0;
    for (const text of messages) {
      const before = running.logs.lines.length;
      const answer = await post(
        `${running.url}/api/messages`,
        messageActivity(text, { conversation, channelId: 'sms', from: { id: `+1${PII.phone.replace(/-/g, '')}`, name: PII.name } }),
      );
      assert.equal(answer.status, 200);
      const correlationId = answer.headers.get('x-correlation-id');
      const lines = running.logs.entries.slice(before);
      turnLines += lines.length;
      for (const line of lines) assert.equal(line.correlationId, correlationId, `"${String(line.msg)}" carries the turn's correlation id`);
    }
    assert.ok(turnLines >= messages.length, 'the turns were logged (at debug level)');
    assert.ok(running.logs.entries.some((e) => e.msg === 'emergency answered' && e.kind === 'crisis'), 'the crisis was answered (and logged by kind)');
    assertClean(running.logs.all);
    assert.ok(!running.logs.all.includes('5558675309'), 'the SMS member id (a phone number) is not logged');
    assert.ok(!running.logs.all.includes('metrics-token-not-for-logs'), 'settings that are secrets are not logged');
  });

  it('the same through the chat widget\'s Direct Line channel', async () => {
    const grant = await getGrant(running.url);
    await startConversation(grant);
    for (const text of messages) {
      const before = running.logs.lines.length;
      const answer = await postActivity(grant, { type: 'message', text, from: { id: 'x', name: PII.name }, locale: 'en-US' });
      assert.equal(answer.status, 200);
      const correlationId = answer.headers.get('x-correlation-id');
      for (const line of running.logs.entries.slice(before)) assert.equal(line.correlationId, correlationId, `"${String(line.msg)}" carries the request's correlation id`);
    }
    assertClean(running.logs.all);
  });

  it('a proactive turn (an agent\'s reply, a reminder) started outside any request gets a correlation id of its own', async () => {
    const grant = await getGrant(running.url);
    await startConversation(grant);
    const reference = {
      channelId: CHANNEL_ID,
      serviceUrl: LOCAL_SERVICE_URL,
      conversation: { id: grant.conversationId },
      bot: { ...BOT_ACCOUNT },
      user: { id: 'dl_member' },
    };
    const seen: Array<string | undefined> = [];
    for (let i = 0; i < 2; i++) {
      await running.assistant.adapter.continueConversationAsync('', reference as never, async (context) => {
        running.assistant.logger.info({ proactive: i }, 'proactive work');
        await context.sendActivity('A person will be with you shortly.');
      });
      seen.push(running.logs.entries.find((e) => e.msg === 'proactive work' && e.proactive === i)?.correlationId as string | undefined);
    }
    assert.match(seen[0] ?? '', /^[0-9a-f-]{36}$/);
    assert.match(seen[1] ?? '', /^[0-9a-f-]{36}$/);
    assert.notEqual(seen[0], seen[1], 'one id per proactive turn');
  });

  it('an error whose message quotes the member is logged by class and place, never by message', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      destination: new Writable({
        write(chunk, _encoding, callback) {
          lines.push(String(chunk));
          callback();
        },
      }),
    });
    const err = new TypeError(`cannot parse "${PII.ssn}" as a date`);
    runWithCorrelationId('corr-1', () => logger.error({ err: errorFields(err) }, 'turn failed'));
    const [line] = lines.map((l) => JSON.parse(l) as Record<string, any>);
    assert.equal(line?.correlationId, 'corr-1', 'the correlation id comes from the context, not the call');
    assert.equal(line?.err.name, 'TypeError');
    assert.match(line?.err.frames, /logging\.test/);
    assert.ok(!lines.join('').includes(PII.ssn));
  });

  it('redaction is the safety net for fields that slip through: text, tokens, passwords, connection strings', () => {
    const lines: string[] = [];
    const logger = createLogger({
      destination: new Writable({
        write(chunk, _encoding, callback) {
          lines.push(String(chunk));
          callback();
        },
      }),
    });
    logger.info(
      {
        text: PII.crisis,
        activity: { text: PII.email },
        password: PII.password,
        headers: { authorization: 'Bearer abc.def.ghi', cookie: 'session=1' },
        APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
      },
      'careless line',
    );
    const all = lines.join('');
    assertClean(all);
    assert.ok(!all.includes('abc.def.ghi') && !all.includes('session=1') && !all.includes('InstrumentationKey'));
  });
});
