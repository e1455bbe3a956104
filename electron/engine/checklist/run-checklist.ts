import type { CheckId, CheckOutcome, CheckResult } from '@contract/types';
import type { CheckDefinition } from '../checks/check-definition';
import { CHECKS } from '../checks/check-registry';
import type { FactSet } from '../facts/fact-set';

/**
 * Evaluates checks in dependency order and shows them in chain order. A check that does not
 * pass while a step it depends on (directly or not) failed is `blocked` by that root failure,
 * when that failure explains it; an outcome with a reason of its own is shown as it is. A pass whose
 * prerequisite failed stays a pass but carries the contradiction, so it is not a quiet pass.
 */
export function runChecklist(set: FactSet, checks: readonly CheckDefinition[] = CHECKS): CheckResult[] {
  const results = new Map<CheckId, CheckResult>();
  for (const check of dependencyOrder(checks)) {
    const outcome = safeEvaluate(check, set);
    const cause = upstreamFailure(outcome.explainedBy ?? check.dependsOn, results);
    const blocked = cause !== null && outcome.status !== 'pass' && outcome.status !== 'skip';
    // Only a direct prerequisite that itself failed contradicts a pass; a blocked one may not apply.
    const failedPrerequisite = check.dependsOn.find((id) => results.get(id)?.status === 'fail');
    const contradiction =
      failedPrerequisite && outcome.status === 'pass'
        ? contradictionNote(results.get(failedPrerequisite))
        : null;
    results.set(check.id, {
      id: check.id,
      status: blocked ? 'blocked' : outcome.status,
      title: check.title,
      explanation: check.explanation,
      summary: outcome.summary,
      evidence: outcome.evidence,
      remediation: outcome.remediation ?? null,
      docs: outcome.docs ?? [],
      fixes: outcome.fixes ?? [],
      blockedBy: blocked ? cause : null,
      contradiction,
    });
  }
  return checks.map((check) => results.get(check.id)).filter((r): r is CheckResult => r !== undefined);
}

/** The failed step upstream that explains this one: a failed dependency, or what blocked it. */
function upstreamFailure(
  dependencies: readonly CheckId[],
  results: Map<CheckId, CheckResult>,
): CheckId | null {
  for (const id of dependencies) {
    const dependency = results.get(id);
    if (dependency?.status === 'fail') return id;
    if (dependency?.status === 'blocked' && dependency.blockedBy) return dependency.blockedBy;
  }
  return null;
}

function contradictionNote(root: CheckResult | undefined): string | null {
  if (!root) return null;
  return (
    `This passed although "${root.title}" failed, which it depends on: the evidence disagrees ` +
    '(often a ticket or token left from before the failure). Sign out and in, then check again.'
  );
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

/** Every step `id` depends on, directly or not. */
export function ancestorsOf(id: CheckId, checks: readonly CheckDefinition[] = CHECKS): Set<CheckId> {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const seen = new Set<CheckId>();
  const stack = [...(byId.get(id)?.dependsOn ?? [])];
  while (stack.length > 0) {
    const next = stack.pop() as CheckId;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(byId.get(next)?.dependsOn ?? []));
  }
  return seen;
}
