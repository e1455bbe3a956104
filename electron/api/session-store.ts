// What the window is looking at, so re-runs, fixes, exports and "full output" use the same
// source. The capture is parsed once when it changes: the facts, the report and the fix steps
// are kept beside it, and everything else reads them.

import type { PracticeInfo, RunSuccess } from '@contract/api-contract';
import type { FixAttempt } from '@contract/fix-attempt';
import type { FixStep } from '@contract/fix-step';
import type { Report, ReportSource } from '@contract/report-types';
import type { Capture, FixId } from '@contract/types';
import { factsOfCapture, reportFromFacts } from '../engine/diagnose';
import { adDomain } from '../engine/facts/ad-domain';
import { derivePolicy } from '../engine/facts/derive-policy';
import type { FactSet } from '../engine/facts/fact-set';
import { type FixPlanContext, planFix } from '../engine/fixes/fix-plans';
import { practiceFor } from '../engine/scenarios/practice';

export interface Session {
  readonly capture: Capture;
  readonly source: ReportSource;
  /** Every probe of the capture, parsed once. */
  readonly facts: FactSet;
  /** The report of this capture, without the fix history (added when shown). */
  readonly report: Report;
  readonly fixPlans: Partial<Record<FixId, FixStep[]>>;
  readonly practice: PracticeInfo | null;
  /** The audit trail: every fix attempted in this session. */
  readonly fixAttempts: readonly FixAttempt[];
}

export interface SessionStore {
  current(): Session | null;
  /**
   * Another device, scenario or file, with a fresh audit trail unless it is kept: parsed here,
   * unless its facts come already parsed (a file read in the parse worker).
   */
  open(capture: Capture, source: ReportSource, options?: { keepHistory?: boolean; facts?: FactSet }): Session;
  /** The same session with changed output (re-run probes, pasted output, a practice step). */
  update(capture: Capture, source?: ReportSource): Session;
  /** Adds a fix attempt to the audit trail. */
  record(attempt: FixAttempt): void;
}

export function createSessionStore(): SessionStore {
  let session: Session | null = null;
  return {
    current: () => session,
    open(capture, source, options = {}) {
      const kept = options.keepHistory ? (session?.fixAttempts ?? []) : [];
      session = parsed(capture, source, kept, options.facts);
      return session;
    },
    update(capture, source) {
      session = parsed(capture, source ?? session?.source ?? { kind: 'live' }, session?.fixAttempts ?? []);
      return session;
    },
    record(attempt) {
      if (session) session = { ...session, fixAttempts: [...session.fixAttempts, attempt] };
    },
  };
}

function parsed(
  capture: Capture,
  source: ReportSource,
  fixAttempts: readonly FixAttempt[],
  parsedFacts?: FactSet,
): Session {
  const facts = parsedFacts ?? factsOfCapture(capture);
  const report = reportFromFacts(facts, capture, source);
  return {
    capture,
    source,
    facts,
    report,
    fixPlans: fixPlansFor(report, facts),
    practice: practiceFor(source),
    fixAttempts,
  };
}

/** The report of the session as it stands, with its audit trail and what the UI needs around it. */
export function present(session: Session, now = new Date()): RunSuccess {
  return {
    ok: true,
    report: reportOf(session, now),
    fixPlans: session.fixPlans,
    practice: session.practice,
  };
}

/** The session's report with its audit trail, generated now. */
export function reportOf(session: Session, now = new Date()): Report {
  return { ...session.report, generatedAt: now.toISOString(), fixAttempts: [...session.fixAttempts] };
}

/** What fix steps need to know about the device: its AD domain, and whether Group Policy delivers Hello. */
export function fixContext(set: FactSet): FixPlanContext {
  return { domain: adDomain(set), gpoConfigured: derivePolicy(set).gpoConfigured };
}

/** The steps of every fix the report offers, with this device's domain and policy filled in. */
function fixPlansFor(report: Report, set: FactSet): Partial<Record<FixId, FixStep[]>> {
  const context = fixContext(set);
  const ids = new Set(report.checks.flatMap((c) => c.fixes));
  return Object.fromEntries([...ids].map((id) => [id, planFix(id, context)]));
}
