// Limits that both sides of the IPC boundary apply: the renderer refuses early with a clear
// message, main and the preview refuse again whatever the renderer did.

/** Real captures are a few hundred KB at most; anything far larger is not one of ours. */
export const MAX_CAPTURE_BYTES = 20 * 1024 * 1024;

/** Pasted Get-AzureADKerberosServer output, in characters. */
export const MAX_ADMIN_OUTPUT_CHARS = 256 * 1024;

/** A file name sent over the API (Windows' MAX_PATH). */
export const MAX_FILE_NAME_CHARS = 260;
