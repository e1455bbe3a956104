import { CHAIN_NODES, chainStates } from '@contract/chain-nodes';
import { CHECK_IDS } from '@contract/types';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../electron/engine/diagnose';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';

const report = (name: string) => diagnose(loadScenario(name), { kind: 'scenario', name });

describe('the chain picture', () => {
  it('covers every check exactly once except the policy-source advice', () => {
    const covered = CHAIN_NODES.flatMap((n) => n.checks);
    expect(new Set(covered).size).toBe(covered.length);
    expect(CHECK_IDS.filter((id) => !covered.includes(id))).toEqual(['policy-source']);
  });

  it('lights the domain controller when the clock is the root cause, and greys what it blocks', () => {
    const r = report('clock-skew');
    const states = chainStates(r.checks, r.headline.checkId);
    const dc = states.find((n) => n.label === 'Domain controller');
    expect(dc).toMatchObject({ status: 'fail', root: true });
    expect(states.find((n) => n.label === 'Full TGT')?.status).toBe('blocked');
    expect(states.find((n) => n.label === 'Partial TGT')).toMatchObject({ status: 'pass', root: false });
    expect(states.filter((n) => n.root)).toHaveLength(1);
  });

  it('is all green on the healthy device, with nothing lit', () => {
    const r = report('healthy-hybrid');
    const states = chainStates(r.checks, r.headline.checkId);
    expect(states.every((n) => n.status === 'pass' || n.status === 'skip')).toBe(true);
    expect(states.some((n) => n.root)).toBe(false);
  });

  it('says unknown for a node whose checks are not in the report', () => {
    expect(chainStates([], null).every((n) => n.status === 'unknown')).toBe(true);
  });
});
