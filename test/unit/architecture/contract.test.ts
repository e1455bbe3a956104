// The contract's single sources: the version comes from package.json, the capture limit is one
// number for every side, and the capture's types are the schema's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { adminOutputSchema } from '@contract/api-contract';
import { type CaptureShape, captureSchema } from '@contract/capture-schema';
import { MAX_ADMIN_OUTPUT_CHARS, MAX_CAPTURE_BYTES } from '@contract/limits';
import { TOOL_VERSION } from '@contract/tool-version';
import type { Capture, ProbeResult } from '@contract/types';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createCapture } from '../../../electron/engine/capture/write-capture';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';

const PACKAGE = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../package.json'), 'utf8'));

describe('contract', () => {
  it("records package.json's version as the tool's version", () => {
    expect(TOOL_VERSION).toBe(PACKAGE.version);
    expect(createCapture({}).tool.version).toBe(PACKAGE.version);
  });

  it('has one capture limit and one pasted-output limit', () => {
    expect(MAX_CAPTURE_BYTES).toBe(20 * 1024 * 1024);
    expect(adminOutputSchema.safeParse({ text: 'x'.repeat(MAX_ADMIN_OUTPUT_CHARS) }).success).toBe(true);
    expect(adminOutputSchema.safeParse({ text: 'x'.repeat(MAX_ADMIN_OUTPUT_CHARS + 1) }).success).toBe(false);
  });

  it('derives the capture types from the schema', () => {
    expectTypeOf<ProbeResult>().toEqualTypeOf<CaptureShape['probes'][string]>();
    expectTypeOf<Omit<Capture, 'probes'>>().toEqualTypeOf<Omit<CaptureShape, 'probes'>>();
    const capture = loadScenario('healthy-hybrid');
    expect(captureSchema.safeParse(capture).success).toBe(true);
  });
});
