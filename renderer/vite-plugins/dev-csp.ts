// `npm start` serves the renderer from Vite's dev server, whose HTML gets an inline <script> from
// @vitejs/plugin-react (the Fast Refresh preamble). The page's CSP allows scripts from 'self' only,
// so in serve mode this plugin moves every inline script into a same-origin module the dev server
// serves, and lets Vite's reconnect helper start its blob: worker. `vite build` never runs it:
// the built index.html keeps exactly the policy written in renderer/index.html.
import type { Connect, Plugin } from 'vite';

const SCRIPT_URL_PREFIX = '/@whfb-dev/inline-script-';
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i;

/** A short stable name for a script's text, so the same preamble always gets the same URL. */
function hashOf(text: string): string {
  let hash = 5381;
  for (let i = 0; i < text.length; i += 1) hash = (Math.imul(hash, 33) ^ text.charCodeAt(i)) >>> 0;
  return hash.toString(36);
}

/** Replaces inline scripts by same-origin ones; `scripts` receives each URL's code. */
export function moveInlineScripts(html: string, scripts: Map<string, string>): string {
  return html.replace(SCRIPT, (whole, attributes: string, code: string) => {
    if (/\ssrc\s*=/i.test(attributes) || code.trim() === '') return whole;
    const url = `${SCRIPT_URL_PREFIX}${hashOf(code)}.js`;
    scripts.set(url, code);
    return `<script${attributes} src="${url}"></script>`;
  });
}

/** Dev server only: Vite's client pings a restarted server from a blob: worker. Scripts stay 'self'. */
export function devServerCsp(html: string): string {
  return html.replace(CSP_META, (_, start: string, policy: string, end: string) =>
    /(^|;)\s*worker-src\b/.test(policy)
      ? `${start}${policy}${end}`
      : `${start}${policy}; worker-src 'self' blob:${end}`,
  );
}

export function devCsp(): Plugin {
  const scripts = new Map<string, string>();
  const serve: Connect.NextHandleFunction = (request, response, next) => {
    const code = scripts.get((request.url ?? '').split('?')[0] ?? '');
    if (code === undefined) {
      next();
      return;
    }
    response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    response.end(code);
  };
  return {
    name: 'whfb-doctor:dev-csp',
    apply: 'serve',
    // After every other plugin has added its tags, the React preamble among them.
    transformIndexHtml: { order: 'post', handler: (html) => devServerCsp(moveInlineScripts(html, scripts)) },
    configureServer(server) {
      server.middlewares.use(serve);
    },
  };
}
