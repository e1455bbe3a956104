// The last share path typed for a device, kept in the browser's storage (per device name), so a
// technician who comes back to the same device does not type it again.
const PREFIX = 'whfb-doctor:share:';

function keyFor(deviceName: string | null): string {
  return `${PREFIX}${(deviceName ?? 'unknown device').toLowerCase()}`;
}

export function rememberedShare(deviceName: string | null): string {
  try {
    return window.localStorage.getItem(keyFor(deviceName)) ?? '';
  } catch {
    // Storage can be switched off; the field then simply starts empty.
    return '';
  }
}

export function rememberShare(deviceName: string | null, path: string): void {
  try {
    window.localStorage.setItem(keyFor(deviceName), path);
  } catch {
    // Not remembered: nothing else depends on it.
  }
}
