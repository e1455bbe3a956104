import type { Capture } from '@contract/types';

/** The probe an administrator's pasted output goes in: never run by the app, on any device. */
export const ADMIN_PROBE = 'entra-kerberos-server-admin';

/** The capture with an administrator's pasted Get-AzureADKerberosServer output as its own probe. */
export function withAdminOutput(capture: Capture, text: string): Capture {
  const pasted = {
    command: ['Get-AzureADKerberosServer'],
    exitCode: 0,
    stdout: text,
    stderr: '',
    durationMs: 0,
    error: null,
  };
  return { ...capture, probes: { ...capture.probes, [ADMIN_PROBE]: pasted } };
}
