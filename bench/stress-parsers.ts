// Every text parser of the engine with the real outputs it reads: each distinct function of
// the probe parser table, then the other exported readers of outside text. Shared by the
// parser fuzz test and the parser bench.

import { readdirSync, readFileSync } from 'node:fs';
import type { ProbeId } from '@contract/types';
import { PROBE_PARSERS } from '../electron/engine/facts/probe-parsers';
import { PARSE_BUDGETS, PROBE_PARSE_BUDGETS } from '../electron/engine/parsers/parse-budget';
import { parseCertutilDeleteHello } from '../electron/engine/parsers/parse-certutil-delete-hello';
import { readPastedDate } from '../electron/engine/parsers/parse-kerberos-server-admin';
import { readLogonId } from '../electron/engine/parsers/parse-klist-tickets';
import { logonProviderKind } from '../electron/engine/parsers/parse-logon-provider';
import {
  contentLines,
  isPromptLine,
  labelSkeleton,
  normalizeKey,
  readKeyValue,
  toLines,
} from '../electron/engine/parsers/text-lines';

export interface StressParser {
  /** The probe ids it parses (joined when several share it), or the function's name. */
  name: string;
  parse: (text: string) => unknown;
  /** True when it returns a Parsed result (facts, recognized, problems). */
  parsed: boolean;
  /** Real outputs and hand-written fixtures it is meant to read. */
  samples: string[];
  /**
   * The most text it reads: its parse budget. Absent for the line helpers, which have none of
   * their own: they only ever see text a parser has already cut to its budget.
   */
  budget?: number;
}

const FIXTURES = new URL('../test/fixtures/', import.meta.url);

/** The fixture files (samples/ and parsers/) whose names start with one of `prefixes`. */
function readSamples(prefixes: readonly string[]): string[] {
  return ['samples', 'parsers'].flatMap((folder) =>
    readdirSync(new URL(`${folder}/`, FIXTURES))
      .filter((file) => prefixes.some((prefix) => file.startsWith(prefix)))
      .sort()
      .map((file) => readFileSync(new URL(`${folder}/${file}`, FIXTURES), 'utf8')),
  );
}

// The share test's output is ours (one JSON line); there is no captured file of it.
const SHARE_ACCESS_SAMPLES = [
  '{"path":"\\\\\\\\fs01\\\\share","listed":true,"entries":12,"failure":null,"message":null}',
  '{"path":"\\\\\\\\fs01\\\\share","listed":false,"failure":"denied","message":"Access is denied."}',
];

const SAMPLE_PREFIXES: Record<ProbeId, readonly string[]> = {
  'os-version': ['registry-currentversion'],
  'dsregcmd-status': ['dsregcmd-'],
  'klist-cloud-debug': ['klist-cloud_debug'],
  'klist-tickets': ['klist-0', 'klist-es', 'klist-fr'],
  'events-udr': ['event-', 'udr-'],
  'policy-mdm': ['registry-'],
  'policy-gpo-machine': ['registry-'],
  'policy-gpo-user': ['registry-'],
  'whoami-user': ['whoami-'],
  'whoami-groups': ['whoami-'],
  'nltest-dsgetdc': ['nltest-'],
  'nltest-dsgetdc-kdc': ['nltest-'],
  'time-status': ['w32tm-status'],
  'time-offset': ['w32tm-stripchart'],
  'entra-kerberos-object': ['entra-kerberos-object'],
  'share-access': [],
  'certutil-user-store': ['certutil-user-store'],
  'logonui-last-provider': ['logonui-'],
  'entra-kerberos-server-admin': ['get-azureadkerberosserver'],
};

/** Each distinct parser of PROBE_PARSERS once, named by the probe ids that use it. */
function probeParsers(): StressParser[] {
  const byFunction = new Map<(text: string) => unknown, ProbeId[]>();
  for (const [id, parse] of Object.entries(PROBE_PARSERS) as Array<[ProbeId, (text: string) => unknown]>) {
    byFunction.set(parse, [...(byFunction.get(parse) ?? []), id]);
  }
  return [...byFunction].map(([parse, ids]) => ({
    name: ids.join(', '),
    parse,
    parsed: true,
    budget: PROBE_PARSE_BUDGETS[ids[0] ?? 'os-version'],
    samples:
      ids[0] === 'share-access' ? SHARE_ACCESS_SAMPLES : readSamples(SAMPLE_PREFIXES[ids[0] ?? 'os-version']),
  }));
}

/** The parsers under stress: the probe table's, then the other readers of outside text. */
export function stressParsers(): StressParser[] {
  const lines = readSamples(['dsregcmd-status-01', 'klist-01', 'whoami-01']);
  return [
    ...probeParsers(),
    {
      name: 'certutil -deletehellocontainer',
      parse: parseCertutilDeleteHello,
      parsed: true,
      budget: PARSE_BUDGETS.certutilDeleteHello,
      samples: readSamples(['certutil-deletehellocontainer']),
    },
    {
      name: 'readPastedDate',
      parse: readPastedDate,
      parsed: false,
      samples: ['3/15/2023 6:44:39 AM', '15.03.2023 06:44:39', '2023-03-15T06:44:39Z'],
    },
    { name: 'readLogonId', parse: readLogonId, parsed: false, samples: ['Current LogonId is 0:0x14d718'] },
    {
      name: 'logonProviderKind',
      parse: logonProviderKind,
      parsed: false,
      samples: ['{D6886603-9D2F-4EB2-B667-1971041FA96B}'],
    },
    { name: 'toLines', parse: toLines, parsed: false, samples: lines },
    { name: 'contentLines', parse: contentLines, parsed: false, samples: lines },
    { name: 'isPromptLine', parse: isPromptLine, parsed: false, samples: ['PS C:\\Users\\me> klist'] },
    { name: 'readKeyValue', parse: readKeyValue, parsed: false, samples: ['  AzureAdJoined : YES'] },
    { name: 'labelSkeleton', parse: labelSkeleton, parsed: false, samples: ['Nom de forêt'] },
    { name: 'normalizeKey', parse: normalizeKey, parsed: false, samples: ['Device Name'] },
  ];
}
