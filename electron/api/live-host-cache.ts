// The device's live host, opened on first use and kept; never opened where live checks are not
// allowed (the browser preview, any platform but Windows).

import { type LiveHost, type LiveHostResult, openLiveHost } from '../host/live-host';

export const NO_LIVE = 'live checks are not available here: open a scenario or a capture file';

export interface LiveHostCacheOptions {
  allowLive: boolean;
  /** A host given from outside (tests pass a fake device): used as it is. */
  liveHost?: LiveHost | undefined;
  /** How to open the real one (default: this Windows device's). */
  open?: () => LiveHostResult;
}

/** Returns the host, or why there is none; a host that opened once is kept. */
export function createLiveHostCache(options: LiveHostCacheOptions): () => LiveHostResult {
  let host = options.liveHost;
  const open = options.open ?? openLiveHost;
  return () => {
    if (!options.allowLive) return { ok: false, reason: NO_LIVE };
    if (host) return { ok: true, host };
    const opened = open();
    if (opened.ok) host = opened.host;
    return opened;
  };
}
