import type { CheckId, CheckResult, CheckStatus } from './types';

/** One link of the chain as people draw it: device → … → file share. */
export interface ChainNode {
  /** The check the node stands for (its link target and `data-chain-node`). */
  id: CheckId;
  label: string;
  /** Every check the node summarises; its status is the worst of theirs. */
  checks: CheckId[];
}

/** The chain of cloud Kerberos trust, in the order it is explained (docs/verdicts.md). */
export const CHAIN_NODES: readonly ChainNode[] = [
  { id: 'join-state', label: 'Device', checks: ['os-build', 'join-state', 'user-context'] },
  {
    id: 'cloud-trust-policy',
    label: 'Policy',
    checks: ['whfb-policy', 'cloud-trust-policy', 'cert-trust-conflict'],
  },
  { id: 'hello-signin', label: 'Hello', checks: ['hello-provisioned', 'hello-signin'] },
  { id: 'prt', label: 'Entra ID (PRT)', checks: ['prt'] },
  { id: 'cloud-tgt', label: 'Partial TGT', checks: ['cloud-tgt', 'entra-kerberos-server'] },
  {
    id: 'dc-line-of-sight',
    label: 'Domain controller',
    checks: ['dc-line-of-sight', 'clock-skew', 'privileged-account'],
  },
  { id: 'onprem-tgt', label: 'Full TGT', checks: ['onprem-tgt', 'entra-kerberos-keys'] },
  { id: 'file-share', label: 'File share', checks: ['file-share'] },
];

// Worst first: what a node shows when its checks disagree.
const SEVERITY: CheckStatus[] = ['fail', 'blocked', 'warn', 'unknown', 'pass', 'skip'];

export interface ChainNodeState extends ChainNode {
  status: CheckStatus;
  /** True when the headline's root cause is one of the node's checks. */
  root: boolean;
}

/** Each node's status (the worst of its checks) and whether it holds the root cause. */
export function chainStates(checks: readonly CheckResult[], rootCause: CheckId | null): ChainNodeState[] {
  const byId = new Map(checks.map((c) => [c.id, c.status]));
  return CHAIN_NODES.map((node) => {
    const statuses = node.checks.map((id) => byId.get(id)).filter((s): s is CheckStatus => s !== undefined);
    const status = SEVERITY.find((s) => statuses.includes(s)) ?? 'unknown';
    return { ...node, status, root: rootCause !== null && node.checks.includes(rootCause) };
  });
}
