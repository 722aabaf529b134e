import type { Response } from 'restify';
import { escapeHtml } from '../../common/html';
import type { Locale } from '../../intents/types';
import type { DevelopmentPortal } from '../core/devPortal';
import type { Route } from '../../http/server';
import { splitTarget } from '../../http/url';
import type { WidgetPage } from '../../channels/webchat/widget';


/**
 * DEVELOPMENT ONLY (never built in production, nor when real portal keys are configured): a
 * stand-in for the patient portal's signed-in page, so a new user can try the verified paths.
 *
 * - GET /demo/portal — pick a sample member (synthetic data);
 * - GET /demo/portal/chat?member=<id>[&lang=es] — the chat widget page as the portal would host
 *   it for that member: with an identity assertion signed by the development key made at start.
 * Opened in the same tab as a chat at `/`, it continues that conversation, now verified.
 */
export function demoPortalRoutes(deps: { portal: DevelopmentPortal; page: WidgetPage; members: Array<{ memberId: string; name: string }> }): Route[] {
  const send = (res: Response, status: number, html: string, headers: Record<string, string>) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.writeHead(status);
    res.end(html);
  };
  const list = deps.members
    .map(
      (m) =>
        `<li>${escapeHtml(m.name)} (${escapeHtml(m.memberId)}): <a href="/demo/portal/chat?member=${encodeURIComponent(m.memberId)}">chat</a> · <a href="/demo/portal/chat?member=${encodeURIComponent(m.memberId)}&amp;lang=es">en español</a></li>`,
    )
    .join('\n');
  const index = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Demo portal sign-in (development only)</title></head>
<body>
<h1>Demo portal sign-in</h1>
<p><strong>Development only.</strong> This page stands in for the patient portal: pick a sample member (synthetic data) to open the chat signed in as them. The chat gets an identity assertion signed with a development key made when the assistant started; a production assistant refuses to run this page.</p>
<ul>
${list}
</ul>
</body></html>`;
  const indexHeaders = {
    ...deps.page.headers,
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  };

  return [
    { method: 'get', path: '/demo/portal', handler: async (_req, res) => send(res, 200, index, indexHeaders) },
    {
      method: 'get',
      path: '/demo/portal/chat',
      handler: async (req, res) => {
        const query = splitTarget(req.url).query;
        const memberId = query.get('member') ?? '';
        const locale: Locale = (query.get('lang') ?? '').toLowerCase().startsWith('es') ? 'es' : 'en';
        if (!deps.members.some((m) => m.memberId === memberId)) {
          send(res, 404, `<!doctype html><title>Unknown member</title><p>No sample member "${escapeHtml(memberId.slice(0, 40))}". <a href="/demo/portal">Back</a></p>`, indexHeaders);
          return;
        }
        const assertion = await deps.portal.sign(memberId);
        const html = deps.page.html(locale).replace('id="member-assistant"', `id="member-assistant" data-identity-assertion="${escapeHtml(assertion)}"`);
        send(res, 200, html, deps.page.headers);
      },
    },
  ];
}
