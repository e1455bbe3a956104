// Duplicates of one device: the newest capture wins, with the count; files without the device id
// join the device of the same name when that name has one id.

import { deviceKeyOf, type FleetFileRow, groupDevices } from '@contract/fleet-devices';
import type { FleetSummaryRow } from '@contract/fleet-summary';
import { describe, expect, it } from 'vitest';

function row(fields: Partial<FleetSummaryRow>): FleetSummaryRow {
  return {
    format: 'whfb-doctor/fleet-summary',
    version: 1,
    deviceId: null,
    deviceName: null,
    user: null,
    osBuild: null,
    joinType: null,
    trustModel: 'unknown',
    policyTrustModel: 'unknown',
    sessionCredential: 'unknown',
    status: 'unknown',
    rootCause: null,
    capturedAt: '2026-11-25T09:00:00.000Z',
    toolVersion: '0.1.0',
    source: 'capture',
    path: null,
    files: 1,
    ...fields,
  };
}

const file = (fields: Partial<FleetSummaryRow>, mtimeMs = 0): FleetFileRow => ({ row: row(fields), mtimeMs });

describe('groupDevices', () => {
  it('keeps the newest capture of a device and counts its files', () => {
    const devices = groupDevices([
      file({
        deviceId: 'AA',
        path: '/a',
        capturedAt: '2026-11-20T00:00:00Z',
        trustModel: 'certificate-trust',
      }),
      file({
        deviceId: 'aa',
        path: '/b',
        capturedAt: '2026-11-24T00:00:00Z',
        trustModel: 'cloud-kerberos-trust',
      }),
      file({ deviceId: 'aa', path: '/c', capturedAt: 'not a date', trustModel: 'key-trust' }),
      file({ deviceId: 'bb', path: '/d' }),
    ]);
    expect(devices.map((d) => [d.key, d.row.path, d.row.files, d.row.trustModel])).toEqual([
      ['id:aa', '/b', 3, 'cloud-kerberos-trust'],
      ['id:bb', '/d', 1, 'unknown'],
    ]);
  });

  it('counts each redacted file as a device of its own: every redacted device is HOST-1', () => {
    // Two devices collected with --redact, each into its own file, as the collection script names them.
    const devices = groupDevices([
      file({
        deviceId: 'dddddddd-0000-0000-0000-000000000001',
        deviceName: 'HOST-1.domain-1.example',
        path: '/share/PC-1-alice.json.gz',
        trustModel: 'cloud-kerberos-trust',
      }),
      file({
        deviceId: 'dddddddd-0000-0000-0000-000000000001',
        deviceName: 'HOST-1.domain-1.example',
        path: '/share/PC-2-bob.json.gz',
        trustModel: 'certificate-trust',
      }),
      // A redacted report without a device id is its own device too; a real id always counts.
      file({ deviceName: 'HOST-1', path: '/share/report.json' }),
      file({ deviceId: 'ee', deviceName: 'host-1', path: '/share/real.json' }),
    ]);
    // Sorted by name (host-1, HOST-1, then the two HOST-1.domain-1.example), as the table shows them.
    expect(devices.map((d) => [d.key, d.row.files, d.row.trustModel])).toEqual([
      ['id:ee', 1, 'unknown'],
      ['path:/share/report.json', 1, 'unknown'],
      ['path:/share/PC-1-alice.json.gz', 1, 'cloud-kerberos-trust'],
      ['path:/share/PC-2-bob.json.gz', 1, 'certificate-trust'],
    ]);
  });

  it('breaks a tie of capture times by the newer file, then the first path', () => {
    const sameTime = groupDevices([
      file({ deviceId: 'a', path: '/z' }, 5),
      file({ deviceId: 'a', path: '/y' }, 9),
    ]);
    expect(sameTime[0]?.row.path).toBe('/y');
    const sameFile = groupDevices([
      file({ deviceId: 'a', path: '/z' }, 5),
      file({ deviceId: 'a', path: '/y' }, 5),
    ]);
    expect(sameFile[0]?.row.path).toBe('/y');
    const reversed = groupDevices([
      file({ deviceId: 'a', path: '/y' }, 5),
      file({ deviceId: 'a', path: '/z' }, 5),
    ]);
    expect(reversed[0]?.row.path).toBe('/y');
  });

  it('joins a file without an id to the one id its device name has, else keeps it by name or path', () => {
    const devices = groupDevices([
      file({ deviceId: 'id-1', deviceName: 'PC-1', capturedAt: '2026-11-01T00:00:00Z' }),
      file({ deviceName: 'pc-1', source: 'report', capturedAt: '2026-11-02T00:00:00Z' }),
      // Two ids under one name (a re-joined device): a file without an id cannot tell which.
      file({ deviceId: 'id-2', deviceName: 'PC-2' }),
      file({ deviceId: 'id-3', deviceName: 'PC-2' }),
      file({ deviceName: 'PC-2', source: 'report' }),
      file({ path: '/nothing-known.json' }),
    ]);
    expect(devices.map((d) => [d.key, d.row.files, d.row.source])).toEqual([
      ['id:id-1', 2, 'report'],
      ['id:id-2', 1, 'capture'],
      ['id:id-3', 1, 'capture'],
      ['name:pc-2', 1, 'report'],
      ['path:/nothing-known.json', 1, 'capture'],
    ]);
  });

  it('sorts by device name, then user, nameless devices last', () => {
    const devices = groupDevices([
      file({ deviceId: '3', deviceName: null }),
      file({ deviceId: '2', deviceName: 'b', user: 'x' }),
      file({ deviceId: '1', deviceName: 'a' }),
      file({ deviceId: '4', deviceName: 'b', user: null }),
    ]);
    expect(devices.map((d) => d.row.deviceId)).toEqual(['1', '2', '4', '3']);
  });

  it('keys a row by id, name or path', () => {
    expect(deviceKeyOf(row({ deviceId: 'ABC', deviceName: 'x' }))).toBe('id:abc');
    expect(deviceKeyOf(row({ deviceName: 'PC' }))).toBe('name:pc');
    expect(deviceKeyOf(row({}))).toBe('path:');
  });
});
