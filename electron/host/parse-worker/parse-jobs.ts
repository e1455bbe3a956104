// What the parse worker does with text from outside: a capture file read and every probe parsed, or an
// administrator's pasted Get-AzureADKerberosServer output parsed. Plain engine calls, so the
// same job runs in the worker and, for comparison, in any thread.

import type { Capture } from '@contract/types';
import { readCapture } from '../../engine/capture/read-capture';
import { factsOfCapture } from '../../engine/diagnose';
import type { FactSet } from '../../engine/facts/fact-set';
import { PROBE_PARSERS } from '../../engine/facts/probe-parsers';
import type { JobReply, JobRequest } from './deadline-workers';

export type ParseJob =
  | { kind: 'capture'; text: string; fileName: string }
  | { kind: 'admin-output'; text: string };

/**
 * A capture read and every probe parsed, or why it could not be read (a short one-line reason).
 * The facts are plain data, cloned with the capture whose outputs they share: the session keeps
 * them and runs the checks on them, so nothing is parsed or checked twice.
 */
export type CaptureRead = { ok: true; capture: Capture; facts: FactSet } | { ok: false; reason: string };

/** A pasted output parsed; `recognized` as the parser says (an unrecognized paste is still kept as the probe's output). */
export type AdminOutputRead = { ok: true; recognized: boolean } | { ok: false; reason: string };

export type ParseJobResult = CaptureRead | AdminOutputRead;

/** The message the host sends: one job. */
export type ParseRequest = JobRequest<ParseJob>;

/** The message the worker sends back. */
export type ParseReply = JobReply<ParseJobResult>;

export function runParseJob(job: ParseJob): ParseJobResult {
  if (job.kind === 'admin-output') {
    return { ok: true, recognized: PROBE_PARSERS['entra-kerberos-server-admin'](job.text).recognized };
  }
  const read = readCapture(job.text);
  if (!read.ok) return read;
  return { ok: true, capture: read.capture, facts: factsOfCapture(read.capture) };
}
