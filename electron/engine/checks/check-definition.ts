import type { CheckId, CheckOutcome, ProbeId } from '@contract/types';
import type { FactSet } from '../facts/fact-set';

/**
 * A check is data: an id, words for people, the probes it reads, the checks it depends on
 * (a failure there makes this one `blocked`), and a pure evaluate().
 */
export interface CheckDefinition {
  id: CheckId;
  title: string;
  /** What this step means and why it matters, for someone who is not an expert. */
  explanation: string;
  needs: ProbeId[];
  /**
   * The steps this one needs in the protocol (VERDICTS.md, docs/verdicts.md): a failure
   * there explains a non-passing result here, which is then `blocked` by it.
   */
  dependsOn: CheckId[];
  /** Part of the chain: "works" needs it to pass (optional inputs and advice are not). */
  critical: boolean;
  evaluate(facts: FactSet): CheckOutcome;
}
