import { CHECK_IDS, type CheckId, type CheckOutcome } from '@contract/types';
import { describe, expect, it } from 'vitest';
import { dependencyOrder, runChecklist } from '../../../electron/engine/checklist/run-checklist';
import type { CheckDefinition } from '../../../electron/engine/checks/check-definition';
import { CHECKS } from '../../../electron/engine/checks/check-registry';
import { buildFactSet } from '../../../electron/engine/facts/fact-set';

function fake(id: CheckId, dependsOn: CheckId[], status: CheckOutcome['status']): CheckDefinition {
  return {
    id,
    title: id,
    explanation: '',
    needs: [],
    dependsOn,
    critical: true,
    evaluate: () => ({ status, summary: `${id} is ${status}`, evidence: [] }),
  };
}

describe('checklist', () => {
  it('registers every public check id once, in the order of the chain', () => {
    expect(CHECKS.map((c) => c.id)).toEqual([...CHECK_IDS]);
  });

  it('has no dependency cycle and only known dependencies', () => {
    expect(dependencyOrder(CHECKS)).toHaveLength(CHECK_IDS.length);
  });

  it('blocks what a failure explains, keeps passes that stand on their own evidence', () => {
    const checks = [
      fake('os-build', [], 'pass'),
      fake('join-state', [], 'fail'),
      fake('prt', ['join-state'], 'fail'),
      fake('cloud-tgt', ['prt'], 'unknown'),
      fake('dc-line-of-sight', ['join-state'], 'pass'),
    ];
    const results = runChecklist(buildFactSet({}), checks);
    expect(results.map((r) => [r.id, r.status, r.blockedBy])).toEqual([
      ['os-build', 'pass', null],
      ['join-state', 'fail', null],
      ['prt', 'blocked', 'join-state'],
      ['cloud-tgt', 'blocked', 'join-state'],
      ['dc-line-of-sight', 'pass', null],
    ]);
  });

  it('turns a check that throws into unknown instead of stopping the run', () => {
    const broken: CheckDefinition = {
      ...fake('os-build', [], 'pass'),
      evaluate: () => {
        throw new Error('boom');
      },
    };
    const [result] = runChecklist(buildFactSet({}), [broken]);
    expect(result).toMatchObject({ status: 'unknown', summary: expect.stringContaining('boom') });
  });

  it('says unknown for every check when there is no evidence at all, and never crashes', () => {
    const results = runChecklist(buildFactSet({}));
    expect(results).toHaveLength(CHECK_IDS.length);
    for (const result of results) {
      expect(['unknown', 'skip']).toContain(result.status);
      expect(result.summary.length).toBeGreaterThan(10);
    }
  });

  it('rejects a dependency cycle as a programming error', () => {
    expect(() =>
      dependencyOrder([fake('prt', ['cloud-tgt'], 'pass'), fake('cloud-tgt', ['prt'], 'pass')]),
    ).toThrow(/cycle/);
  });
});
