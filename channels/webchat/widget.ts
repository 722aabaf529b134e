import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzip } from 'node:zlib';
import type { Request, Response } from 'restify';
import { StartupError } from '../../common/errors';
import { escapeHtml } from '../../common/html';
import { fromRoot } from '../../common/paths';
import type { ResponseCatalog } from '../../common/responses';
import { LOCALES, type Locale } from '../../intents/types';
import type { PortalProfile } from '../../services/portal/profile';
import { securityHeaderMap } from '../../http/securityHeaders';
import type { Route } from '../../http/server';
import { splitTarget } from '../../http/url';
import { preferredLocale } from '../../http/acceptLanguage';

/**
 * The chat widget page at `/`: `web/index.html` with the plan's name and the texts of
 * `responses/<locale>.json` filled in (HTML-escaped), the brand colours of the portal profile as
 * `/static/theme.css`, the page's own CSS and scripts (`widget.js`, and `reconnect.js`, which keeps
 * the chat connected across restarts of the assistant), and Bot Framework Web Chat's prebuilt
 * bundle from node_modules as `/static/webchat.js` — nothing from a CDN.
 */

export class WidgetError extends StartupError {}

interface Asset {
  body: Buffer;
  /** Compressed on first demand (in the thread pool), then kept. */
  gzipped: () => Promise<Buffer | undefined>;
  etag: string;
  type: string;
  cacheControl: string;
}

export interface WidgetOptions {
  catalog: ResponseCatalog;
  profile: PortalProfile;
  /** Extra origins the page may connect to (Azure Direct Line), for the Content-Security-Policy. */
  connectOrigins?: string[];
  /** Portal origins allowed to embed the page in a frame (FRAME_ANCESTORS). */
  frameAncestors?: string[];
  webDir?: string;
  /** Path of Web Chat's full bundle; found in node_modules when absent. */
  webChatBundle?: string;
}

/** botframework-webchat's prebuilt bundle (with React), or undefined when it is not installed. */
export function findWebChatBundle(): string | undefined {
  try {
    // The package's exports hide dist/; resolve its entry point and step over to dist/webchat.js.
    const entry = require.resolve('botframework-webchat');
    const bundle = path.join(path.dirname(entry), '..', 'dist', 'webchat.js');
    return existsSync(bundle) ? bundle : undefined;
  } catch {
    return undefined;
  }
}


function asset(body: Buffer, type: string, cacheControl: string): Asset {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  let compressed: Promise<Buffer | undefined> | undefined;
  const gzipped = () => {
    if (body.length <= 1024) return Promise.resolve(undefined);
    compressed ??= new Promise((resolve) => gzip(body, { level: 6 }, (err, out) => resolve(err ? undefined : out)));
    return compressed;
  };
  return { body, etag, type, cacheControl, gzipped };
}

export class WidgetPage {
  private readonly pages = new Map<Locale, Asset>();
  private readonly assets = new Map<string, Asset>();
  readonly hasWebChat: boolean;
  private readonly pageHeaders: Record<string, string>;

  constructor(options: WidgetOptions) {
    const dir = options.webDir ?? fromRoot('web');
    const read = (name: string) => {
      try {
        return readFileSync(path.join(dir, name));
      } catch (err) {
        throw new WidgetError(`Chat widget file ${path.join(dir, name)} could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
      }
    };
    const template = read('index.html').toString('utf8');
    for (const locale of LOCALES) this.pages.set(locale, asset(Buffer.from(this.render(template, locale, options)), 'text/html; charset=utf-8', 'no-store'));

    const revalidate = 'no-cache';
    this.assets.set('/static/widget.css', asset(read('widget.css'), 'text/css; charset=utf-8', revalidate));
    this.assets.set('/static/reconnect.js', asset(read('reconnect.js'), 'text/javascript; charset=utf-8', revalidate));
    this.assets.set('/static/widget.js', asset(read('widget.js'), 'text/javascript; charset=utf-8', revalidate));
    const { primaryColor, primaryTextColor, accentColor } = options.profile.data.brand;
    const theme = `:root {\n  --brand-primary: ${primaryColor};\n  --brand-primary-text: ${primaryTextColor};\n  --brand-accent: ${accentColor};\n}\n`;
    this.assets.set('/static/theme.css', asset(Buffer.from(theme), 'text/css; charset=utf-8', revalidate));

    const bundle = options.webChatBundle ?? findWebChatBundle();
    this.hasWebChat = Boolean(bundle);
    if (bundle) {
      // Revalidated daily; the ETag changes with the installed Web Chat version.
      this.assets.set('/static/webchat.js', asset(readFileSync(bundle), 'text/javascript; charset=utf-8', 'public, max-age=86400'));
    }

    // Scripts only from this origin: the page has no inline script. Web Chat injects its styles
    // as <style> elements, which needs style-src 'unsafe-inline'. Framed only by this origin and
    // the portal origins in FRAME_ANCESTORS.
    this.pageHeaders = securityHeaderMap({ connectOrigins: options.connectOrigins, frameAncestors: options.frameAncestors, inlineStyles: true });
  }

  /** The rendered page for a locale (the development portal adds a sample member's assertion to it). */
  html(locale: Locale): string {
    return this.pages.get(locale)!.body.toString('utf8');
  }

  /** The page's security headers (Content-Security-Policy and friends). */
  get headers(): Record<string, string> {
    return { ...this.pageHeaders };
  }

  routes(): Route[] {
    const routes: Route[] = [
      {
        method: 'get',
        path: '/',
        handler: async (req, res) => {
          // ?lang= (the portal's language) first; else the browser's language; else English.
          const lang = splitTarget(req.url).query.get('lang');
          const locale: Locale = lang ? (lang.toLowerCase().startsWith('es') ? 'es' : 'en') : (preferredLocale(req.headers['accept-language']) ?? 'en');
          await this.send(req, res, this.pages.get(locale)!, { ...this.pageHeaders, Vary: 'Accept-Encoding, Accept-Language' });
        },
      },
    ];
    for (const [file, content] of this.assets) {
      routes.push({ method: 'get', path: file, handler: async (req, res) => this.send(req, res, content) });
    }
    if (!this.hasWebChat) {
      routes.push({
        method: 'get',
        path: '/static/webchat.js',
        handler: async (_req, res) => {
          res.header('Cache-Control', 'no-store');
          res.send(503, { error: 'unavailable', message: 'Web Chat is not installed on this server (botframework-webchat).' });
        },
      });
    }
    return routes;
  }

  private render(template: string, locale: Locale, options: WidgetOptions): string {
    const { catalog, profile } = options;
    const vars = {
      planName: profile.planName,
      memberServices: profile.phones.memberServices.number,
      tty: profile.phones.tty,
    };
    const text = (key: string) => escapeHtml(catalog.text(locale, `widget.${key}`, vars));
    const values: Record<string, string> = {
      lang: locale,
      locale: locale === 'es' ? 'es-US' : 'en-US',
      planName: escapeHtml(profile.planName),
      title: text('title'),
      heading: text('heading'),
      subheading: text('subheading'),
      // The emergency number is a link (a phone dials it).
      notForEmergencies: text('notForEmergencies').replace(/\b911\b/, '<a href="tel:911">911</a>'),
      connecting: text('connecting'),
      unavailable: text('unavailable'),
      disconnected: text('disconnected'),
      ended: text('ended'),
      restart: text('restart'),
      noscript: text('noscript'),
    };
    return template.replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => {
      const value = values[name];
      if (value === undefined) throw new WidgetError(`Chat widget web/index.html uses {{${name}}}, which is not a known placeholder.`);
      return value;
    });
  }

  private async send(req: Request, res: Response, content: Asset, headers: Record<string, string> = {}): Promise<void> {
    res.setHeader('Content-Type', content.type);
    res.setHeader('Cache-Control', content.cacheControl);
    res.setHeader('ETag', content.etag);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Vary', 'Accept-Encoding');
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (req.headers['if-none-match'] === content.etag) {
      res.writeHead(304);
      res.end();
      return;
    }
    const wantsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const gzipped = wantsGzip ? await content.gzipped() : undefined;
    if (gzipped) res.setHeader('Content-Encoding', 'gzip');
    const body = gzipped ?? content.body;
    res.setHeader('Content-Length', String(body.length));
    res.writeHead(200);
    res.end(body);
  }
}
