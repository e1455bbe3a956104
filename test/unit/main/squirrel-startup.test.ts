import { describe, expect, it, vi } from 'vitest';
import { handleSquirrelStartup, squirrelUpdateArgs } from '../../../electron/main/squirrel-startup';

describe('Squirrel.Windows start-up events', () => {
  it('maps each event to its Update.exe arguments', () => {
    const exe = 'whfb-doctor.exe';
    expect(squirrelUpdateArgs(['app', '--squirrel-install', '1.0.0'], exe)).toEqual([
      '--createShortcut=whfb-doctor.exe',
    ]);
    expect(squirrelUpdateArgs(['app', '--squirrel-updated', '1.0.1'], exe)).toEqual([
      '--createShortcut=whfb-doctor.exe',
    ]);
    expect(squirrelUpdateArgs(['app', '--squirrel-uninstall'], exe)).toEqual([
      '--removeShortcut=whfb-doctor.exe',
    ]);
    expect(squirrelUpdateArgs(['app', '--squirrel-obsolete'], exe)).toBeNull();
    expect(squirrelUpdateArgs(['app'], exe)).toBeUndefined();
    expect(squirrelUpdateArgs(['app', '--squirrel-firstrun'], exe)).toBeUndefined();
  });

  it('does nothing on a normal start or off Windows', () => {
    const app = { quit: vi.fn() };
    expect(handleSquirrelStartup(app, 'win32', ['app'], 'C:\\x\\app-1.0.0\\whfb-doctor.exe')).toBe(false);
    expect(handleSquirrelStartup(app, 'linux', ['app', '--squirrel-install'], '/x/whfb-doctor')).toBe(false);
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('quits at once when the version is obsolete', () => {
    const app = { quit: vi.fn() };
    expect(
      handleSquirrelStartup(app, 'win32', ['app', '--squirrel-obsolete'], 'C:\\x\\whfb-doctor.exe'),
    ).toBe(true);
    expect(app.quit).toHaveBeenCalled();
  });
});
