import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PendingUnderstanding } from '../../bot/compose/understanding';
import { BoundedLabel, channelLabel, PrometheusMetrics } from '../../ops/observability/prometheus';
import { AzureTokenSource } from '../../directline/tokenEndpoint';
import { silentLogger } from '../../common/logger';
import type { NluSettings } from '../../intents';
import { messageActivity } from '../support/activities';
import { post, request, startAssistant, type RunningAssistant } from '../support/assistant';

/** The value of one series in a Prometheus text exposition (0 when absent). */
function sample(text: string, series: string): number {
  const escaped = series.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^${escaped} (\\S+)$`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
}

/** GET with raw headers (fetch would not let a test set X-Forwarded-For on some runtimes). */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; type?: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), type: res.headers['content-type'] }));
      })
      .on('error', reject);
  });
}

describe('metrics (GET /metrics, Prometheus)', function () {
  this.timeout(30_000);

  describe('what a conversation counts', () => {
    let running: RunningAssistant;
    before(async () => {
      running = await startAssistant();
    });
    after(() => running.stop());

    it('turns, latency, intents, emergencies by kind, HTTP answers, process metrics — and never member text or ids', async () => {
      const messages = `${running.url}/api/messages`;
      const conversation = { id: 'metrics-conv-1' };
      const from = { id: 'member-secret-id-77', name: 'Pat Member' };
      for (const text of ['I need to book an appointment', 'where is my refill for lisinopril', 'I took too many pills', 'blorp zzz qwerty']) {
        const answer = await post(messages, messageActivity(text, { conversation, from }));
        assert.equal(answer.status, 200);
      }
      await post(messages, messageActivity('hi', { conversation: { id: 'metrics-conv-2' }, channelId: 'carrier-pigeon' }));

      const scrape = await get(`${running.url}/metrics`);
      assert.equal(scrape.status, 200);
      assert.match(scrape.type ?? '', /^text\/plain; version=0\.0\.4/);
      const text = scrape.body;
      assert.equal(sample(text, 'assistant_turns_total{channel="webchat",outcome="ok"}'), 4);
      assert.equal(sample(text, 'assistant_turns_total{channel="other",outcome="ok"}'), 1, 'an unknown channel id is counted as "other"');
      assert.equal(sample(text, 'assistant_turn_duration_seconds_count{channel="webchat"}'), 4);
      assert.match(text, /^assistant_turn_duration_seconds_bucket\{le="0\.005",channel="webchat"\} \d+$/m, 'millisecond buckets');
      assert.equal(sample(text, 'assistant_intents_total{intent="appointment",source="local"}'), 1);
      assert.equal(sample(text, 'assistant_intents_total{intent="refill",source="local"}'), 1);
      assert.ok(sample(text, 'assistant_intents_total{intent="none",source="local"}') >= 1, 'not understood: counted as none (the assistant asks)');
      assert.equal(sample(text, 'assistant_emergencies_total{kind="poison",channel="webchat"}'), 1);
      assert.equal(sample(text, 'assistant_http_responses_total{route="/api/messages",status="200"}'), 5);
      assert.match(text, /^process_resident_memory_bytes \d+/m, 'process metrics');
      assert.match(text, /^nodejs_eventloop_lag_seconds /m);
      assert.match(text, /^assistant_work_in_flight \d+$/m);

      for (const leak of ['appointment for', 'lisinopril', 'pills', 'blorp', 'member-secret-id-77', 'Pat Member', 'metrics-conv-1', 'carrier-pigeon']) {
        assert.ok(!text.includes(leak), `${leak} appears in the metrics`);
      }
    });

    it('escalations and their wait, and back-end errors, through the AssistantMetrics interface the features use', async () => {
      const features = running.assistant.metrics;
      features.escalationCreated('member_asked', 'msteams');
      features.escalationCreated('member_asked', 'msteams');
      features.escalationWait(42);
      features.backendError('fhir', 'timeout');
      features.backendError('fhir', 'circuit_open');
      const text = (await get(`${running.url}/metrics`)).body;
      assert.equal(sample(text, 'assistant_escalations_total{reason="member_asked",channel="msteams"}'), 2);
      assert.equal(sample(text, 'assistant_escalation_wait_seconds_count'), 1);
      assert.equal(sample(text, 'assistant_escalation_wait_seconds_bucket{le="60"}'), 1);
      assert.equal(sample(text, 'assistant_escalation_wait_seconds_bucket{le="30"}'), 0);
      assert.equal(sample(text, 'assistant_backend_errors_total{service="fhir",kind="timeout"}'), 1);
      assert.equal(sample(text, 'assistant_backend_errors_total{service="fhir",kind="circuit_open"}'), 1);
    });
  });

  describe('bounded labels', () => {
    it('free-form label values are short identifiers, and only so many of them', () => {
      const label = new BoundedLabel(3);
      assert.equal(label.value('member_asked'), 'member_asked');
      assert.equal(label.value('I want a human NOW'), 'other', 'text is never a label value');
      assert.equal(label.value('a'.repeat(80)), 'other');
      assert.equal(label.value('dispute'), 'dispute');
      assert.equal(label.value('stuck'), 'stuck');
      assert.equal(label.value('fourth'), 'other', 'past the bound');
      assert.equal(label.value('dispute'), 'dispute');
      assert.equal(channelLabel('MSTeams'), 'msteams');
      assert.equal(channelLabel('+15551234567'), 'other');
    });

    it('the intents layer reports through the NLU observer: intents, fallbacks and recognizer errors', async () => {
      const prometheus = new PrometheusMetrics({ processMetrics: false });
      const pending = new PendingUnderstanding({} as NluSettings, silentLogger(), async (_settings, deps) => {
        return {
          async understand() {
            deps.observer?.fallback?.('clu', 'timeout');
            deps.observer?.fallback?.('clu', 'low_confidence');
            const result = { intent: 'billing' as const, score: 0.9, kind: null, locale: 'en' as const, runnerUp: null, source: 'local' as const };
            deps.observer?.recognized?.(result);
            return result;
          },
        };
      }, {
        recognized: (result) => prometheus.intent(result.intent, result.source),
        fallback: (provider, reason) => prometheus.nluFallback(provider, reason),
      });
      await pending.understand('what do I owe');
      const text = await prometheus.render();
      assert.equal(sample(text, 'assistant_intents_total{intent="billing",source="local"}'), 1);
      assert.equal(sample(text, 'assistant_nlu_fallbacks_total{provider="clu",reason="timeout"}'), 1);
      assert.equal(sample(text, 'assistant_nlu_fallbacks_total{provider="clu",reason="low_confidence"}'), 1);
      assert.equal(sample(text, 'assistant_recognizer_errors_total{provider="clu",reason="timeout"}'), 1);
      assert.equal(sample(text, 'assistant_recognizer_errors_total{provider="clu",reason="low_confidence"}'), 0, 'a low score is not an error');
    });

    it('a failed Azure Direct Line token exchange counts as a back-end error', async () => {
      const prometheus = new PrometheusMetrics({ processMetrics: false });
      const refusing = http.createServer((_req, res) => {
        res.writeHead(403);
        res.end();
      });
      await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
      const port = (refusing.address() as AddressInfo).port;
      try {
        const source = new AzureTokenSource({ endpoint: `http://127.0.0.1:${port}/v3/directline`, secret: 's', metrics: prometheus });
        await assert.rejects(source.grant({} as http.IncomingMessage, 'dl_x'));
      } finally {
        refusing.close();
      }
      assert.equal(sample(await prometheus.render(), 'assistant_backend_errors_total{service="directline",kind="error"}'), 1);
    });
  });

  describe('who may scrape', () => {
    it('without METRICS_TOKEN: clients on this machine only, not through a proxy', async () => {
      const running = await startAssistant();
      try {
        assert.equal((await get(`${running.url}/metrics`)).status, 200);
        const proxied = await get(`${running.url}/metrics`, { 'x-forwarded-for': '203.0.113.9' });
        assert.equal(proxied.status, 403);
        assert.deepEqual(Object.keys(JSON.parse(proxied.body) as object).sort(), ['error', 'message']);
        assert.equal((await get(`${running.url}/metrics`, { forwarded: 'for=203.0.113.9' })).status, 403);
      } finally {
        await running.stop();
      }
    });

    it('with METRICS_TOKEN: the bearer token, from anywhere; anything else 401', async () => {
      const token = 'scrape-me-please-0123456789';
      const running = await startAssistant({ METRICS_TOKEN: token });
      try {
        assert.equal((await get(`${running.url}/metrics`)).status, 401);
        assert.equal((await get(`${running.url}/metrics`, { authorization: 'Bearer wrong-token-0123456789' })).status, 401);
        assert.equal((await get(`${running.url}/metrics`, { authorization: `Bearer ${token}`, 'x-forwarded-for': '203.0.113.9' })).status, 200);
        const unauthorized = await request(`${running.url}/metrics`);
        assert.equal(unauthorized.headers.get('www-authenticate'), 'Bearer');
      } finally {
        await running.stop();
      }
    });
  });
});
