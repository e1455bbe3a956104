import { describe, expect, it } from 'vitest';
import { devCsp, devServerCsp, moveInlineScripts } from '../../../renderer/vite-plugins/dev-csp';

const PAGE = `<!doctype html><html><head>
<script type="module">import { injectIntoGlobalHook } from "/@react-refresh";
injectIntoGlobalHook(window);</script>
<script type="module" src="/@vite/client"></script>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; connect-src 'self'" />
</head><body><script type="module" src="./src/main.tsx"></script></body></html>`;

describe('dev server CSP plugin', () => {
  it('applies only to the dev server, never to `vite build`', () => {
    expect(devCsp().apply).toBe('serve');
  });

  it('moves inline scripts into same-origin modules and leaves scripts with src alone', () => {
    const scripts = new Map<string, string>();
    const html = moveInlineScripts(PAGE, scripts);
    expect(html).not.toContain('injectIntoGlobalHook');
    expect(html).toContain('<script type="module" src="/@vite/client"></script>');
    expect(html).toContain('<script type="module" src="./src/main.tsx"></script>');
    expect(scripts.size).toBe(1);
    const [url, code] = [...scripts][0] ?? [];
    expect(url).toMatch(/^\/@whfb-dev\/inline-script-[a-z0-9]+\.js$/);
    expect(html).toContain(`<script type="module" src="${url}"></script>`);
    expect(code).toContain('injectIntoGlobalHook(window);');
    // The same preamble always gets the same URL.
    const again = new Map<string, string>();
    moveInlineScripts(PAGE, again);
    expect([...again.keys()]).toEqual([url]);
  });

  it("keeps script-src 'self' and adds only a worker-src for Vite's reconnect ping", () => {
    const html = devServerCsp(PAGE);
    expect(html).toContain(
      `content="default-src 'none'; script-src 'self'; connect-src 'self'; worker-src 'self' blob:"`,
    );
    expect(devServerCsp(html)).toBe(html);
  });
});
