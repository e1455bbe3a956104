// What the Export dialog's buttons do: ask for the document, then download or copy it.
import { doctorApi } from '../api/doctor-api';
import { copyText } from '../lib/clipboard';
import { downloadText } from '../lib/download';
import { errorText } from '../lib/error-text';
import { SAVE_CHOICES, type SaveKind } from '../lib/export-choices';

export type ExportOutcome = { ok: true; fileName: string } | { ok: false; reason: string };

/** Downloads the report (or capture) of what is on screen, redacted when asked. */
export async function saveDocument(kind: SaveKind, redact: boolean): Promise<ExportOutcome> {
  try {
    const exported = await doctorApi().exportDocument({ kind, redact });
    if (!exported.ok) return exported;
    const mimeType = SAVE_CHOICES.find((c) => c.kind === kind)?.mimeType;
    downloadText(exported.fileName, exported.text, mimeType);
    return { ok: true, fileName: exported.fileName };
  } catch (error) {
    return { ok: false, reason: errorText(error) };
  }
}

/** Copies the short Markdown summary for a ticket, redacted when asked. */
export async function copySummary(redact: boolean): Promise<ExportOutcome> {
  try {
    const exported = await doctorApi().exportDocument({ kind: 'summary', redact });
    if (!exported.ok) return exported;
    if (!(await copyText(exported.text))) return { ok: false, reason: 'the clipboard refused the text' };
    return { ok: true, fileName: exported.fileName };
  } catch (error) {
    return { ok: false, reason: errorText(error) };
  }
}
