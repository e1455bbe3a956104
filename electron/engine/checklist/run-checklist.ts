import type { CheckDefinition } from '../checks/check-definition';
import { CHECKS } from '../checks/check-registry';
import type { FactSet } from '../facts/fact-set';
import type { CheckId, CheckOutcome, CheckResult } from '../types';

/**
 * Evaluates checks in dependency order and shows them in chain order. A check that does not
 * pass on its own evidence while a check it depends on (directly or not) failed is `blocked`
 * by that root failure: the first broken link is red, what it explains is not.
 */
export function runChecklist(set: FactSet, checks: readonly CheckDefinition[] = CHECKS): CheckResult[] {
  const results = new Map<CheckId, CheckResult>();
  for (const check of dependencyOrder(checks)) {
    const outcome = safeEvaluate(check, set);
    const root = outcome.status === 'pass' || outcome.status === 'skip' ? null : rootFailure(check, results);
    results.set(check.id, {
      id: check.id,
      status: root ? 'blocked' : outcome.status,
      title: check.title,
      explanation: check.explanation,
      summary: outcome.summary,
      evidence: outcome.evidence,
      remediation: outcome.remediation ?? null,
      docs: outcome.docs ?? [],
      fixes: outcome.fixes ?? [],
      blockedBy: root,
    });
  }
  return checks.map((check) => results.get(check.id)).filter((r): r is CheckResult => r !== undefined);
}

function rootFailure(check: CheckDefinition, results: Map<CheckId, CheckResult>): CheckId | null {
  for (const id of check.dependsOn) {
    const dependency = results.get(id);
    if (dependency?.status === 'fail') return id;
    if (dependency?.status === 'blocked' && dependency.blockedBy) return dependency.blockedBy;
  }
  return null;
}

/** A check never takes the run down: an exception becomes `unknown` with its message. */
function safeEvaluate(check: CheckDefinition, set: FactSet): CheckOutcome {
  try {
    return check.evaluate(set);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'unknown', summary: `This check could not be evaluated (${message}).`, evidence: [] };
  }
}

/** Topological order; throws on a cycle or unknown dependency, which is a programming error. */
export function dependencyOrder(checks: readonly CheckDefinition[]): CheckDefinition[] {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const ordered: CheckDefinition[] = [];
  const state = new Map<CheckId, 'visiting' | 'done'>();
  const visit = (check: CheckDefinition) => {
    if (state.get(check.id) === 'done') return;
    if (state.get(check.id) === 'visiting') throw new Error(`check dependency cycle at ${check.id}`);
    state.set(check.id, 'visiting');
    for (const id of check.dependsOn) {
      const dependency = byId.get(id);
      if (!dependency) throw new Error(`${check.id} depends on unknown check ${id}`);
      visit(dependency);
    }
    state.set(check.id, 'done');
    ordered.push(check);
  };
  for (const check of checks) visit(check);
  return ordered;
}
