import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'restify';
import { escapeHtml } from '../../common/html';
import { securityHeaderMap } from '../../http/securityHeaders';
import type { Route } from '../../http/server';
import { StartupError } from '../../common/errors';
import { fromRoot } from '../../common/paths';
import type { PortalProfile } from '../../services/portal/profile';
import { DEMO_AGENT } from '../core/accounts';

/**
 * The agent console at /agent: `web/agent/index.html` (filled from the profile and what sign-in
 * methods are on), `/static/agent/agent.css`, `agent-connection.js`, `agent.js` and the brand colours as
 * `/static/agent/theme.css`. No inline script or style: the page is sent with the assistant's page
 * Content-Security-Policy (http/securityHeaders.ts; scripts, styles and connections from this
 * origin only) without inline styles, and no referrers.
 */

export class AgentConsoleError extends StartupError {}

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}


/** The console's page headers: the shared page policy, no inline styles, no referrers at all. */
const PAGE_HEADERS = {
  ...securityHeaderMap({ inlineStyles: false }),
  // The OIDC hand-over code is in the page's URL for a moment: never send it elsewhere.
  'Referrer-Policy': 'no-referrer',
};

function asset(body: Buffer, type: string): Asset {
  return { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

export interface ConsolePageOptions {
  profile: PortalProfile;
  /** Development only: show the demo agent's credentials on the sign-in form. */
  demoAgent: boolean;
  passwordSignIn: boolean;
  oidcSignIn: boolean;
  webDir?: string;
}

export class AgentConsolePage {
  private readonly assets = new Map<string, Asset>();

  constructor(options: ConsolePageOptions) {
    const dir = options.webDir ?? fromRoot('web', 'agent');
    const read = (name: string) => {
      try {
        return readFileSync(path.join(dir, name));
      } catch (err) {
        throw new AgentConsoleError(`Agent console file ${path.join(dir, name)} could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
      }
    };
    const demo = options.demoAgent
      ? `<p class="ac-demo" id="ac-demo">Development mode: sign in as <code>${DEMO_AGENT.username}</code> with the password <code>${DEMO_AGENT.password}</code>.</p>`
      : '';
    const values: Record<string, string> = {
      planName: escapeHtml(options.profile.planName),
      demo,
      passwordHidden: options.passwordSignIn ? '' : 'hidden',
      oidcHidden: options.oidcSignIn ? '' : 'hidden',
    };
    const html = read('index.html')
      .toString('utf8')
      .replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => {
        const value = values[name];
        if (value === undefined) throw new AgentConsoleError(`Agent console web/agent/index.html uses {{${name}}}, which is not a known placeholder.`);
        return value;
      });
    this.assets.set('/agent', asset(Buffer.from(html), 'text/html; charset=utf-8'));
    this.assets.set('/static/agent/agent.css', asset(read('agent.css'), 'text/css; charset=utf-8'));
    this.assets.set('/static/agent/agent-connection.js', asset(read('agent-connection.js'), 'text/javascript; charset=utf-8'));
    this.assets.set('/static/agent/agent.js', asset(read('agent.js'), 'text/javascript; charset=utf-8'));
    // The working features (notes, wrap-up, transfer, presence, canned responses, alerts, history).
    this.assets.set('/static/agent/workspace.css', asset(read('workspace.css'), 'text/css; charset=utf-8'));
    for (const name of ['workspace.js', 'notes.js', 'transfer.js', 'canned.js', 'alerts.js', 'history.js']) {
      this.assets.set(`/static/agent/${name}`, asset(read(name), 'text/javascript; charset=utf-8'));
    }
    const { primaryColor, primaryTextColor, accentColor } = options.profile.data.brand;
    const theme = `:root {\n  --brand-primary: ${primaryColor};\n  --brand-primary-text: ${primaryTextColor};\n  --brand-accent: ${accentColor};\n}\n`;
    this.assets.set('/static/agent/theme.css', asset(Buffer.from(theme), 'text/css; charset=utf-8'));
  }

  routes(): Route[] {
    return [...this.assets].map(([file, content]) => ({
      method: 'get' as const,
      path: file,
      handler: async (req: Request, res: Response) => this.send(req, res, content, file === '/agent'),
    }));
  }

  private async send(req: Request, res: Response, content: Asset, page: boolean): Promise<void> {
    res.setHeader('Content-Type', content.type);
    res.setHeader('Cache-Control', page ? 'no-store' : 'no-cache');
    res.setHeader('ETag', content.etag);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (page) for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value);
    if (req.headers['if-none-match'] === content.etag) {
      res.writeHead(304);
      res.end();
      return;
    }
    res.setHeader('Content-Length', String(content.body.length));
    res.writeHead(200);
    res.end(content.body);
  }
}
