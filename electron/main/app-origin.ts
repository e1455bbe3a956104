// Where the app's own pages come from: the privileged app:// scheme when packaged, Vite's dev
// server in development. Everything else is foreign (navigation, IPC senders).

export const APP_SCHEME = 'app';
export const APP_HOST = 'main';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export interface AppOrigin {
  /** The URL the window loads. */
  entryUrl: string;
  /** True when a URL belongs to the app itself (same scheme, host and port as the entry). */
  isAppUrl(url: string | undefined | null): boolean;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The app's origin. `devServerUrl` counts only in development: a packaged app never trusts a
 * server, whatever the bundle says.
 */
export function createAppOrigin(options: {
  devServerUrl?: string | undefined;
  isPackaged: boolean;
}): AppOrigin {
  const dev = !options.isPackaged && options.devServerUrl ? parse(options.devServerUrl) : null;
  if (dev && (dev.protocol === 'http:' || dev.protocol === 'https:')) {
    const origin = dev.origin;
    return {
      entryUrl: dev.href,
      isAppUrl: (url) => {
        const parsed = url ? parse(url) : null;
        return (
          parsed !== null && parsed.username === '' && parsed.password === '' && parsed.origin === origin
        );
      },
    };
  }
  return {
    entryUrl: APP_ENTRY_URL,
    // Node's URL gives non-special schemes the origin "null", so compare the parts.
    isAppUrl: (url) => {
      const parsed = url ? parse(url) : null;
      return (
        parsed !== null &&
        parsed.protocol === `${APP_SCHEME}:` &&
        parsed.host === APP_HOST &&
        parsed.username === '' &&
        parsed.password === ''
      );
    },
  };
}
