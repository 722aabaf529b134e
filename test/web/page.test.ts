import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ResponseCatalog } from '../../common/responses';
import { loadPortalProfile, PortalProfile } from '../../services/portal/profile';
import { WidgetError, WidgetPage } from '../../channels/webchat/widget';
import { request, startAssistant, type RunningAssistant } from '../support/assistant';

/** The chat page as the server sends it (the browser tests look at it rendered). */
describe('chat widget page', () => {
  let running: RunningAssistant;
  before(async () => (running = await startAssistant()));
  after(() => running.stop());

  it('is a complete page: language, title with the plan name, the 911 line, no inline script', async () => {
    const page = await request(`${running.url}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
    assert.equal(page.headers.get('cache-control'), 'no-store');
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    const html = page.text;
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<title>Evergreen Health member assistant<\/title>/);
    assert.match(html, /Not for emergencies\. If you think you have a medical emergency, call <a href="tel:911">911<\/a>\./);
    for (const script of html.match(/<script\b[^>]*>/g) ?? []) assert.match(script, /\bsrc="\/static\//, `${script} loads a file from this server`);
    assert.doesNotMatch(html, /<script\b[^>]*>[^<]+<\/script>/, 'no inline script');
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handlers');
    assert.doesNotMatch(html, /https?:\/\//, 'nothing from another server (no CDN)');
    assert.doesNotMatch(html, /\{\{\w+\}\}/, 'every placeholder filled');
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /style-src 'self' 'unsafe-inline'/, 'Web Chat injects <style> elements');
  });

  it('speaks Spanish with ?lang=es', async () => {
    const html = (await request(`${running.url}/?lang=es`)).text;
    assert.match(html, /<html lang="es">/);
    assert.match(html, /No es para emergencias\..*llame al <a href="tel:911">911<\/a>/);
    assert.match(html, /data-locale="es-US"/);
  });

  it('without ?lang, speaks the browser\'s language (Accept-Language); ?lang wins', async () => {
    const spanish = await request(`${running.url}/`, { headers: { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' } });
    assert.match(spanish.text, /<html lang="es">/);
    assert.match(spanish.text, /data-locale="es-US"/);
    assert.match(spanish.headers.get('vary') ?? '', /Accept-Language/);
    const english = await request(`${running.url}/`, { headers: { 'accept-language': 'en-US,es;q=0.9' } });
    assert.match(english.text, /data-locale="en-US"/);
    const asked = await request(`${running.url}/?lang=en`, { headers: { 'accept-language': 'es-MX' } });
    assert.match(asked.text, /data-locale="en-US"/);
    const other = await request(`${running.url}/`, { headers: { 'accept-language': 'fr-FR' } });
    assert.match(other.text, /data-locale="en-US"/, 'a language the assistant does not speak: English');
  });

  it('serves Web Chat from node_modules with caching headers and gzip', async () => {
    const plain = await fetch(`${running.url}/static/webchat.js`, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.status, 200);
    assert.match(plain.headers.get('content-type') ?? '', /javascript/);
    assert.match(plain.headers.get('cache-control') ?? '', /max-age=86400/);
    const body = Buffer.from(await plain.arrayBuffer());
    assert.ok(body.length > 1_000_000, 'the full bundle (with React)');
    const etag = plain.headers.get('etag')!;
    assert.ok(etag);

    const again = await fetch(`${running.url}/static/webchat.js`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);

    const gz = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      http
        .get(`${running.url}/static/webchat.js`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });
    assert.equal(gz.encoding, 'gzip');
    assert.ok(gz.body.length < body.length / 2);
    assert.ok(gunzipSync(gz.body).equals(body));
  });

  it('odd request targets (//, //host/x) are paths, never a 5xx', async () => {
    for (const target of ['//', '//?lang=es', '//evil.example/?lang=es', '/v3/directline/conversations//activities']) {
      const status = await new Promise<number>((resolve, reject) => {
        const { port } = new URL(running.url);
        http.get({ host: '127.0.0.1', port, path: target }, (res) => resolve(res.statusCode ?? 0)).on('error', reject);
      });
      assert.ok(status < 500, `${target} → ${status}`);
    }
  });

  it('serves the page script and styles, and the brand colours of the portal profile', async () => {
    for (const file of ['widget.js', 'widget.css']) assert.equal((await request(`${running.url}/static/${file}`)).status, 200, file);
    const theme = await request(`${running.url}/static/theme.css`);
    assert.match(theme.text, /--brand-primary: #0b5fa5;/);
    assert.match(theme.text, /--brand-primary-text: #ffffff;/);
    assert.match(theme.text, /--brand-accent: #e8f1fa;/);
  });

  it('escapes what it fills in', async () => {
    const data = loadPortalProfile('default').data;
    const page = new WidgetPage({
      catalog: ResponseCatalog.load(),
      profile: new PortalProfile({ ...data, planName: 'A&B <script>alert(1)</script> "Care"' }),
      webChatBundle: __filename,
    });
    const index = page.routes().find((r) => r.path === '/')!;
    let html = '';
    const res = { setHeader: () => undefined, writeHead: () => undefined, end: (body: Buffer) => (html = body.toString()) };
    await index.handler({ url: '/', headers: {} } as never, res as never);
    assert.ok(html.includes('A&amp;B &lt;script&gt;alert(1)&lt;/script&gt; &quot;Care&quot;'));
    assert.ok(!html.includes('<script>alert'));
  });

  it('a template with an unknown placeholder stops start-up with the file named', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'widget-'));
    writeFileSync(path.join(dir, 'index.html'), '<p>{{nope}}</p>');
    writeFileSync(path.join(dir, 'widget.css'), '');
    writeFileSync(path.join(dir, 'widget.js'), '');
    assert.throws(
      () => new WidgetPage({ catalog: ResponseCatalog.load(), profile: loadPortalProfile('default'), webDir: dir }),
      (err: unknown) => err instanceof WidgetError && /index\.html uses \{\{nope\}\}/.test(err.message),
    );
  });
});
