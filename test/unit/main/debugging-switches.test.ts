import { describe, expect, it, vi } from 'vitest';
import {
  REFUSED_SWITCH_EXIT_CODE,
  REFUSED_SWITCHES,
  refuseDebuggingSwitches,
  refusedSwitchesOf,
  type SwitchApp,
  switchNameOf,
} from '../../../electron/main/debugging-switches';

/** A stand-in for Electron's app: the packaged flag, Chromium's parsed switches, exit. */
function fakeApp(options: { isPackaged?: boolean; chromiumSwitches?: string[] } = {}) {
  const switches = new Set(options.chromiumSwitches ?? []);
  return {
    isPackaged: options.isPackaged ?? true,
    commandLine: { hasSwitch: vi.fn((name: string) => switches.has(name)) },
    exit: vi.fn(),
  } satisfies SwitchApp;
}

const EXE = 'C:\\Users\\me\\AppData\\Local\\Programs\\whfb-doctor\\whfb-doctor.exe';

function start(args: string[], app = fakeApp(), platform: NodeJS.Platform = 'win32') {
  const report = vi.fn((_title: string, _message: string) => {});
  const refused = refuseDebuggingSwitches(app, { argv: [EXE, ...args], platform, report });
  return { refused, app, report };
}

describe('refusing debugging switches', () => {
  it.each([
    [['--remote-debugging-port=9222'], '--remote-debugging-port'],
    [['--remote-debugging-port', '9222'], '--remote-debugging-port'],
    [['--remote-debugging-pipe'], '--remote-debugging-pipe'],
    [['--remote-debugging-address=0.0.0.0'], '--remote-debugging-address'],
    [['--inspect'], '--inspect'],
    [['--inspect=127.0.0.1:9229'], '--inspect'],
    [['--inspect-brk=0'], '--inspect-brk'],
    [['--inspect-port=9229'], '--inspect-port'],
    [['--inspect-wait'], '--inspect-wait'],
    [['--js-flags=--allow-natives-syntax'], '--js-flags'],
    // Chromium's other spellings on Windows: one dash, a slash, any case.
    [['-remote-debugging-port=9222'], '--remote-debugging-port'],
    [['/remote-debugging-port=9222'], '--remote-debugging-port'],
    [['--Remote-Debugging-Port=9222'], '--remote-debugging-port'],
    [['--INSPECT'], '--inspect'],
    // After the app's own arguments, and after `--`.
    [['--headless', '--out', 'r.json', '--inspect'], '--inspect'],
    [['--', '--remote-debugging-port=1'], '--remote-debugging-port'],
  ])('a packaged start with %j is refused, naming %s, and exits with the usage code', (args, named) => {
    const { refused, app, report } = start(args);
    expect(refused).toBe(true);
    expect(app.exit).toHaveBeenCalledTimes(1);
    expect(app.exit).toHaveBeenCalledWith(REFUSED_SWITCH_EXIT_CODE);
    expect(REFUSED_SWITCH_EXIT_CODE).toBe(2);
    const [title, message] = report.mock.calls[0] ?? [];
    expect(title).toBe('WHfB Doctor cannot start');
    expect(message).toContain(named);
    expect(message).toContain('Start it again without debugging switches');
  });

  it('names every refused switch once, in the order given', () => {
    const { report } = start(['--inspect', '--remote-debugging-port=1', '--inspect', '--js-flags=--x']);
    expect(report.mock.calls[0]?.[1]).toMatch(
      /^WHfB Doctor does not start with --inspect, --remote-debugging-port, --js-flags: these open /,
    );
  });

  it('asks Chromium too, for switches it parsed that argv does not show', () => {
    const app = fakeApp({ chromiumSwitches: ['remote-debugging-pipe'] });
    const { refused, report } = start([], app);
    expect(refused).toBe(true);
    expect(report.mock.calls[0]?.[1]).toContain('--remote-debugging-pipe');
    for (const name of REFUSED_SWITCHES) expect(app.commandLine.hasSwitch).toHaveBeenCalledWith(name);
  });

  it.each([
    [[]],
    [['--headless', '--out', 'C:\\reports\\device.json', '--redact']],
    [['--squirrel-firstrun']],
    [['--share', '\\\\server\\share']],
    // Close, but not a debugging switch.
    [['--remote-allow-origins-not']],
    [['--jsflags']],
    [['inspect']],
  ])('lets a packaged start with %j through', (args) => {
    const { refused, app, report } = start(args);
    expect(refused).toBe(false);
    expect(app.exit).not.toHaveBeenCalled();
    expect(report).not.toHaveBeenCalled();
  });

  it('reads a slash as a switch on Windows only (elsewhere it starts a path)', () => {
    expect(switchNameOf('/inspect', 'win32')).toBe('inspect');
    expect(switchNameOf('/inspect', 'linux')).toBeNull();
    expect(start(['/inspect/report.json'], fakeApp(), 'linux').refused).toBe(false);
    expect(refusedSwitchesOf(fakeApp(), { argv: [EXE, '-inspect'], platform: 'linux' })).toEqual([
      '--inspect',
    ]);
  });

  it('lets the unpackaged app through (npm start, the Electron tests start it with --inspect=0)', () => {
    const app = fakeApp({ isPackaged: false, chromiumSwitches: ['remote-debugging-port'] });
    const { refused, report } = start(['--inspect=0', '--remote-debugging-port=0'], app);
    expect(refused).toBe(false);
    expect(app.exit).not.toHaveBeenCalled();
    expect(report).not.toHaveBeenCalled();
  });

  it('reads switch names without prefix and value, lower case', () => {
    expect(switchNameOf('--Remote-Debugging-Port=9222', 'win32')).toBe('remote-debugging-port');
    expect(switchNameOf('--', 'win32')).toBeNull();
    expect(switchNameOf('-', 'linux')).toBeNull();
    expect(switchNameOf('report.json', 'win32')).toBeNull();
  });
});
