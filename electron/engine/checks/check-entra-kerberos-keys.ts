import type { CaptureInputs, CheckOutcome, EvidenceItem, FixId } from '@contract/types';
import { adDomain, userAdDomain } from '../facts/ad-domain';
import { evidence, type FactSet, factsOf } from '../facts/fact-set';
import type { KerberosServerRecord } from '../parsers/parse-kerberos-server-admin';
import { normalizeKey } from '../parsers/text-lines';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';

/** Past this age (days since KeyUpdatedOn) the server key is due for rotation; inputs.keyMaxAgeDays overrides it. */
/** Judges the pasted objects of the user's domain (or all of them) and shows the worst. */
function judgeServers(set: FactSet, servers: KerberosServerRecord[], problems: string[]): CheckOutcome {
  // The object that matters is the one of the user's domain (every domain with users has its own).
  const user = userAdDomain(set)?.domain;
  const domain = user?.includes('.') ? user : adDomain(set);
  const whose = user?.includes('.') ? "the user's domain" : "this device's domain";
  const ours = domain ? servers.filter((server) => domainOf(server)?.toLowerCase() === domain) : [];
  // Objects of other domains say nothing about this user's keys: only unnamed ones may be ours.
  const unnamed = servers.filter((server) => domainOf(server) === undefined);
  if (domain && ours.length === 0 && unnamed.length === 0) {
    const theirs = [...new Set(servers.map((server) => domainOf(server)))].join(', ');
    return {
      status: 'unknown',
      summary: `The pasted output is for ${theirs}, not ${domain} (${whose}): it says nothing about the keys that sign this user's tickets.`,
      evidence: [evidence(set, PROBE, servers.flatMap((server) => evidenceLines(server)).slice(0, 12))],
      remediation: `Ask an administrator for the output of Get-AzureADKerberosServer -Domain ${domain}.`,
      docs: DOC_LINKS,
    };
  }
  const judged = ours.length > 0 ? ours : servers;
  const maxAge = keyMaxAgeDays(set.inputs);
  const verdicts = judged.map((server) => ({ server, verdict: judge(server, set.now, maxAge) }));
  const worst = verdicts.reduce((a, b) => (RANK[b.verdict.status] > RANK[a.verdict.status] ? b : a));
  const ordered = [worst, ...verdicts.filter((v) => v !== worst)];

  const context: string[] = [];
  if (domain && ours.length > 0 && servers.length > 1) {
    context.push(`Judged the object of ${domain}, ${whose} (${servers.length} were pasted).`);
  } else if (domain && ours.length === 0 && servers.length === 1) {
    const theirs = servers[0] ? domainOf(servers[0]) : undefined;
    context.push(`The pasted object is for ${theirs ?? 'an unnamed domain'}, not ${domain}, ${whose}.`);
  } else if (domain && ours.length === 0) {
    context.push(`No pasted object is for ${domain}, ${whose}: judged all ${servers.length}.`);
  } else if (judged.length > 1) {
    context.push(`Judged all ${judged.length} pasted objects; the worst is shown.`);
  }
  const items: EvidenceItem[] = ordered.map(({ server }, index) => {
    const notes = [
      ...(judged.length > 1 ? [`Object of ${domainOf(server) ?? 'an unnamed domain'}.`] : []),
      ...(index === 0 ? [...context, ...problems] : []),
      ...(server.cloudTrustDisplay ? [TRUST_DISPLAY_NOTE] : []),
    ];
    return evidence(set, PROBE, evidenceLines(server), notes.length > 0 ? notes.join(' ') : undefined);
  });

  const { verdict } = worst;
  const showsTrustDisplay = verdict.status === 'pass' && judged.some((server) => server.cloudTrustDisplay);
  const summary = [verdict.summary, ...(judged.length > 1 ? [`(${judged.length} domains checked.)`] : [])]
    .concat(showsTrustDisplay ? ['CloudTrustDisplay is shown too; it is not needed for Windows Hello.'] : [])
    .join(' ');
  return {
    status: verdict.status,
    summary,
    evidence: items,
    ...(verdict.remediation ? { remediation: verdict.remediation } : {}),
    ...(verdict.fixes ? { fixes: verdict.fixes } : {}),
    ...(verdict.status === 'pass' ? {} : { docs: DOC_LINKS }),
  };
}

export const KERBEROS_KEY_MAX_AGE_DAYS = 180;

const PROBE = 'entra-kerberos-server-admin';
const DAY_MS = 86_400_000;
const DOC_LINKS = [DOCS.entraKerberosServer, DOCS.cloudTrustDeploy];
const TRUST_DISPLAY_NOTE =
  'CloudTrustDisplay is a display object of newer versions of the module: it is not needed for Windows Hello.';
const ROTATE =
  'A domain administrator who is also an Entra ID Global or Hybrid Identity administrator runs ' +
  'Set-AzureADKerberosServer -Domain <domain> -RotateServerKey (module AzureADHybridAuthenticationManagement), ' +
  'then Get-AzureADKerberosServer again to confirm that KeyVersion and CloudKeyVersion match.';
const CREATE =
  'A domain administrator who is also an Entra ID Global or Hybrid Identity administrator runs ' +
  'Set-AzureADKerberosServer -Domain <domain> (module AzureADHybridAuthenticationManagement), for example on the ' +
  'Entra Connect server, then Get-AzureADKerberosServer again to confirm that both key versions are shown.';

/** The maximum key age in days: the capture's input when it is a positive number, else the default. */
export function keyMaxAgeDays(inputs: CaptureInputs): number {
  const days = inputs.keyMaxAgeDays;
  return typeof days === 'number' && Number.isFinite(days) && days >= 1
    ? Math.floor(days)
    : KERBEROS_KEY_MAX_AGE_DAYS;
}

type Verdict = Pick<CheckOutcome, 'status' | 'summary' | 'remediation'> & { fixes?: FixId[] };

const RANK: Record<CheckOutcome['status'], number> = { fail: 4, unknown: 3, warn: 2, pass: 1, skip: 0 };

export const checkEntraKerberosKeys: CheckDefinition = {
  id: 'entra-kerberos-keys',
  title: 'Entra Kerberos server keys (admin view)',
  explanation:
    'The Microsoft Entra Kerberos server object, created once per domain by an administrator with ' +
    'Set-AzureADKerberosServer, holds one key in two places: in AD on the krbtgt_AzureAD account (KeyVersion) and in ' +
    'Entra ID (CloudKeyVersion). Entra ID signs the partial Kerberos tickets of Windows Hello users with it, so both ' +
    'versions must match or domain controllers reject those tickets. The key should be rotated regularly with ' +
    'Set-AzureADKerberosServer -RotateServerKey. This step reads the output of Get-AzureADKerberosServer that an ' +
    'administrator pastes in; it is not collected on the device. CloudTrustDisplay, shown by newer versions of the ' +
    'module, is only a display object and is not needed for Windows Hello.',
  needs: [PROBE],
  dependsOn: [],
  critical: false,
  evaluate(set): CheckOutcome {
    const probe = set.probes[PROBE];
    if (probe.state === 'absent') {
      return {
        status: 'skip',
        summary:
          'Paste the output of Get-AzureADKerberosServer to check the server keys (an administrator runs it; ' +
          'it is not collected on the device).',
        evidence: [],
      };
    }
    if (probe.state === 'failed') {
      return {
        status: 'unknown',
        summary: `Can't tell whether the Kerberos server keys are in sync: ${probe.reason}.`,
        evidence: [evidence(set, PROBE, [])],
        docs: DOC_LINKS,
      };
    }
    const facts = factsOf(set, PROBE);
    const servers = facts?.servers ?? [];
    if (servers.length === 0 && facts?.error) {
      return {
        status: 'unknown',
        summary: `Get-AzureADKerberosServer failed, so the server keys can't be checked: ${facts.error.value}`,
        evidence: [evidence(set, PROBE, [facts.error.line])],
        remediation:
          'Run it again as a domain administrator who is also an Entra ID Global or Hybrid Identity administrator, ' +
          'on a machine that reaches a domain controller, and paste the whole output.',
        docs: DOC_LINKS,
      };
    }
    if (servers.length === 0) {
      return {
        status: 'fail',
        summary:
          'Get-AzureADKerberosServer shows no Microsoft Entra Kerberos server object: it was never created for ' +
          'this domain, or it was deleted.',
        evidence: [evidence(set, PROBE, [], 'The command printed no object.')],
        remediation: CREATE,
        fixes: ['create-entra-kerberos-server'],
        docs: DOC_LINKS,
      };
    }

    return judgeServers(set, servers, probe.problems);
  },
};

function domainOf(server: KerberosServerRecord): string | undefined {
  return server.domainDnsName?.value ?? server.cloudDomainDnsName?.value;
}

/** A field as printed, even empty or unreadable ("KeyVersion :"). */
function printed(server: KerberosServerRecord, name: string): { value: string; line: string } | undefined {
  const wanted = normalizeKey(name);
  const entry = Object.entries(server.fields ?? {}).find(([key]) => normalizeKey(key) === wanted);
  return entry?.[1];
}

function evidenceLines(server: KerberosServerRecord): (string | undefined)[] {
  const keyDate = server.keyUpdatedOn ?? server.cloudKeyUpdatedOn;
  return [
    server.keyVersion?.line ?? printed(server, 'KeyVersion')?.line,
    server.cloudKeyVersion?.line ?? printed(server, 'CloudKeyVersion')?.line,
    keyDate?.line ?? printed(server, 'KeyUpdatedOn')?.line,
    server.computerAccount?.line ?? printed(server, 'ComputerAccount')?.line,
  ];
}

function judge(server: KerberosServerRecord, now: Date, maxAge: number): Verdict {
  const where = domainOf(server) ?? 'the domain';
  const adEmpty =
    printed(server, 'KeyVersion')?.value === '' || printed(server, 'ComputerAccount')?.value === '';
  const cloudEmpty =
    printed(server, 'CloudKeyVersion')?.value === '' || printed(server, 'CloudId')?.value === '';
  if (adEmpty || cloudEmpty) {
    const half =
      adEmpty && cloudEmpty
        ? 'neither AD nor Entra ID holds its key'
        : adEmpty
          ? 'it exists in Entra ID but not in AD (no AzureADKerberos computer or krbtgt_AzureAD key)'
          : 'it exists in AD but not in Entra ID';
    return {
      status: 'fail',
      summary: `The Microsoft Entra Kerberos server object of ${where} is incomplete: ${half}.`,
      remediation: CREATE,
      fixes: ['create-entra-kerberos-server'],
    };
  }
  const ad = server.keyVersion?.value;
  const cloud = server.cloudKeyVersion?.value;
  if (ad === undefined || cloud === undefined) {
    const missing = [ad === undefined && 'KeyVersion', cloud === undefined && 'CloudKeyVersion']
      .filter(Boolean)
      .join(' and ');
    return {
      status: 'unknown',
      summary: `Can't compare the Kerberos server keys of ${where}: ${missing} is missing or unreadable in the pasted output.`,
      remediation: 'Paste the whole output of Get-AzureADKerberosServer, every line of each object.',
    };
  }
  if (ad !== cloud) {
    return {
      status: 'fail',
      summary:
        `The Kerberos server keys of ${where} are out of sync: AD has key version ${ad}, Entra ID ${cloud}. ` +
        "Entra ID signs the partial tickets with a key the domain controllers don't have, so cloud Kerberos " +
        'tickets are rejected.',
      remediation: `Rotate the key so that both sides get the same new one. ${ROTATE}`,
      fixes: ['rotate-entra-kerberos-key'],
    };
  }
  const updated = server.keyUpdatedOn ?? server.cloudKeyUpdatedOn;
  const at = updated ? new Date(updated.value) : undefined;
  if (!at || Number.isNaN(at.getTime())) {
    return {
      status: 'pass',
      summary: `The Kerberos server keys of ${where} are in sync (version ${ad} in AD and Entra ID); the date of the key could not be read.`,
    };
  }
  const days = Math.max(0, Math.floor((now.getTime() - at.getTime()) / DAY_MS));
  if (days > maxAge) {
    return {
      status: 'warn',
      summary:
        `The Kerberos server keys of ${where} are in sync, but the key was last rotated ${days} days ago ` +
        `(more than ${maxAge}).`,
      remediation: `Rotate the key regularly. ${ROTATE}`,
      fixes: ['rotate-entra-kerberos-key'],
    };
  }
  return {
    status: 'pass',
    summary: `The Kerberos server keys of ${where} are in sync (version ${ad} in AD and Entra ID); the key is ${days} ${days === 1 ? 'day' : 'days'} old.`,
  };
}
