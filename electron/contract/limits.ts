// Limits that both sides of the IPC boundary apply: the renderer refuses early with a clear
// message, main and the preview refuse again whatever the renderer did.

/** Real captures are a few hundred KB at most; anything far larger is not one of ours. */
export const MAX_CAPTURE_BYTES = 20 * 1024 * 1024;

/** Pasted Get-AzureADKerberosServer output, in characters. */
export const MAX_ADMIN_OUTPUT_CHARS = 256 * 1024;

/** A file name sent over the API (Windows' MAX_PATH). */
export const MAX_FILE_NAME_CHARS = 260;

/** Files per summarizeFiles call: the fleet view sends batches, so a large fleet shows progress. */
export const MAX_FLEET_FILES_PER_CALL = 50;
/** Text per summarizeFiles call, all files together: one capture at its limit, or many small ones. */
export const MAX_FLEET_CHARS_PER_CALL = MAX_CAPTURE_BYTES;
