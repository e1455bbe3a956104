import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createAppProtocolHandler,
  installAppProtocol,
  registerAppScheme,
  resolveAppFile,
} from '../../../electron/main/app-protocol';
import { FALLBACK_CSP } from '../../../electron/main/content-security-policy';
import { NOTICES_FILE, noticesUrl } from '../../../electron/main/notices-window';
import { mimeTypeOf } from '../../../electron/mime-types';
import { resetElectronMock, state } from './electron-mock';

vi.mock('electron', () => import('./electron-mock').then((m) => m.electronModule));

const CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'";
const INDEX = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy"
      content="${CSP}" />
<title>t</title></head><body><script type="module" src="./assets/index-abc.js"></script></body></html>`;
const SECRET = 'TOP-SECRET-OUTSIDE-THE-APP';

let base: string;
let root: string;

beforeAll(() => {
  // base/secret.txt and base/etc/passwd lie outside the served folder base/app/renderer/main_window.
  base = mkdtempSync(path.join(tmpdir(), 'whfb-protocol-'));
  root = path.join(base, 'app', 'renderer', 'main_window');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  mkdirSync(path.join(base, 'etc'));
  writeFileSync(path.join(root, 'index.html'), INDEX);
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', 'font.woff2'), 'w');
  writeFileSync(path.join(base, 'secret.txt'), SECRET);
  writeFileSync(path.join(base, 'etc', 'passwd'), SECRET);
  writeFileSync(path.join(base, 'app', 'secret.txt'), SECRET);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));
beforeEach(() => resetElectronMock());

const get = (url: string, method = 'GET') => createAppProtocolHandler({ root })({ url, method });

describe('app:// protocol handler', () => {
  it('serves index.html with its MIME type and the page CSP as a header', async () => {
    for (const url of ['app://main/index.html', 'app://main/', 'app://main']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CSP);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toBe(INDEX);
    }
  });

  it('serves assets with the right MIME types (module scripts need a JavaScript type)', async () => {
    const js = await get('app://main/assets/index-abc.js?v=1#x');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(CSP);
    expect((await get('app://main/assets/index-abc.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    expect((await get('app://main/assets/font.woff2')).headers.get('content-type')).toBe('font/woff2');
  });

  it.each([
    'app://main/../../etc/passwd',
    'app://main/../../../secret.txt',
    'app://main/%2e%2e/%2e%2e/%2e%2e/secret.txt',
    'app://main/%2E%2E/%2E%2E/etc/passwd',
    'app://main/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://main/..%2f..%2f..%2fsecret.txt',
    'app://main/..%5c..%5c..%5csecret.txt',
    'app://main/assets/..\\..\\..\\secret.txt',
    'app://main/%252e%252e/%252e%252e/secret.txt',
    'app://main/.%2e/.%2e/.%2e/secret.txt',
    'app://main/index.html%00.js',
    'app://main/C:%5cWindows%5cwin.ini',
    'app://main/%2fetc%2fpasswd',
    'app://main/CON',
    'app://main/nul.js',
    'app://main/.hidden',
    'app://main/%E0%A4%A',
    'app://other/index.html',
    'app://main.evil/index.html',
    'app://user@main/index.html',
    'file:///etc/passwd',
    'https://main/index.html',
  ])('refuses %s', async (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('serves the third-party notices as plain text under the page CSP', async () => {
    const text = 'Fixture 1.0.0: third-party notices\n\n<script>alert(1)</script> stays text\n';
    writeFileSync(path.join(root, NOTICES_FILE), text);
    const response = await get(noticesUrl('app://main/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(text);
  });

  it('resolves names only inside the folder', () => {
    expect(resolveAppFile(root, 'app://main/assets/index-abc.js')).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppFile(root, 'app://main/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://main/../../etc/passwd')).toBeNull();
    expect(resolveAppFile(root, 'app://main/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
  });

  it('answers 404 for missing files and folders, 405 for other methods, no body for HEAD', async () => {
    expect((await get('app://main/missing.js')).status).toBe(404);
    expect((await get('app://main/assets')).status).toBe(404);
    expect((await get('app://main/index.html', 'POST')).status).toBe(405);
    const head = await get('app://main/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('falls back to a strict CSP when the page declares none', async () => {
    const handler = createAppProtocolHandler({
      root: '/nowhere',
      readFile: async (file) => {
        if (file.endsWith('index.html')) return new TextEncoder().encode('<html><head></head></html>');
        throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      },
    });
    const response = await handler({ url: 'app://main/index.html', method: 'GET' });
    expect(response.headers.get('content-security-policy')).toBe(FALLBACK_CSP);
    expect(FALLBACK_CSP).toContain("default-src 'none'");
  });

  it('knows the MIME types of what Vite emits', () => {
    expect(mimeTypeOf('a.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeOf('a.PNG')).toBe('image/png');
    expect(mimeTypeOf('a.unknown')).toBe('application/octet-stream');
  });
});

describe('app:// registration', () => {
  it('registers the scheme as privileged (standard, secure, fetch) and serves it after ready', () => {
    registerAppScheme();
    expect(state.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    installAppProtocol(root);
    expect(state.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

describe("the renderer's page", () => {
  it('declares a strict CSP the packaged app will send as a header too', async () => {
    const { extractMetaCsp } = await import('../../../electron/main/content-security-policy');
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const policy = extractMetaCsp(html);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  });
});
