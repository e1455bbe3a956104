import {
  Button,
  Checkbox,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { SAVE_CHOICES, type SaveKind } from '../lib/export-choices';
import { copySummary, type ExportOutcome, saveDocument } from '../state/export-actions';

const useStyles = makeStyles({
  content: { display: 'grid', gap: tokens.spacingVerticalM },
  label: { display: 'grid' },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  // Two words on one line: the dialog's action row has room for it.
  nowrap: { whiteSpace: 'nowrap' },
  copied: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** What the last button press came to, shown in the dialog. */
type Message = { kind: 'copied'; redacted: boolean } | { kind: 'failed'; title: string; reason: string };

interface ExportDialogSurfaceProps {
  /** Closes the dialog after a save has been handed to the download. */
  onSaved: () => void;
}

/** The formats a report can be saved in, each with a line on what it is for. */
function SaveChoiceField({ kind, onChange }: { kind: SaveKind; onChange: (kind: SaveKind) => void }) {
  const styles = useStyles();
  return (
    <Field label="What to save">
      <RadioGroup
        value={kind}
        onChange={(_, data) => {
          const choice = SAVE_CHOICES.find((c) => c.kind === data.value);
          if (choice) onChange(choice.kind);
        }}
      >
        {SAVE_CHOICES.map((choice) => (
          <Radio
            key={choice.kind}
            value={choice.kind}
            label={
              <span className={styles.label}>
                <span>{choice.label}</span>
                <span className={styles.note}>{choice.note}</span>
              </span>
            }
          />
        ))}
      </RadioGroup>
    </Field>
  );
}

/** A copied summary is announced as a status; a failure as an alert with its own words. */
function ExportMessage({ message }: { message: Message | null }) {
  const styles = useStyles();
  return (
    <>
      <div role="status" data-testid="export-status">
        {message?.kind === 'copied' && (
          <span className={styles.copied}>
            Copied: the {message.redacted ? 'redacted' : 'unredacted'} summary is on the clipboard.
          </span>
        )}
      </div>
      <div role="alert">
        {message?.kind === 'failed' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{message.title}</MessageBarTitle>
              {message.reason}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </>
  );
}

/** Chooses a report format and redaction, then saves the file or copies the ticket summary. */
export function ExportDialogSurface({ onSaved }: ExportDialogSurfaceProps) {
  const styles = useStyles();
  const [kind, setKind] = useState<SaveKind>('html');
  // Anything that leaves the app is redacted unless the person says otherwise.
  const [redact, setRedact] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  const act = async (work: () => Promise<ExportOutcome>, onDone: (outcome: ExportOutcome) => void) => {
    setBusy(true);
    setMessage(null);
    const outcome = await work();
    setBusy(false);
    onDone(outcome);
  };
  const save = () =>
    act(
      () => saveDocument(kind, redact),
      (outcome) => {
        if (outcome.ok) onSaved();
        else setMessage({ kind: 'failed', title: 'Could not save', reason: outcome.reason });
      },
    );
  const copy = () =>
    act(
      () => copySummary(redact),
      (outcome) =>
        setMessage(
          outcome.ok
            ? { kind: 'copied', redacted: redact }
            : { kind: 'failed', title: 'Could not copy the summary', reason: outcome.reason },
        ),
    );

  return (
    <DialogSurface data-testid="export-dialog">
      <DialogBody>
        <DialogTitle>Export</DialogTitle>
        <DialogContent className={styles.content}>
          <SaveChoiceField kind={kind} onChange={setKind} />
          <Field hint="Replaces user, device, domain and host names, SIDs, ids and addresses with placeholders (user-1, host-2) in the file and the summary. The screen itself is not redacted.">
            <Checkbox
              checked={redact}
              onChange={(_, data) => setRedact(data.checked === true)}
              label="Redact names and ids"
            />
          </Field>
          <ExportMessage message={message} />
        </DialogContent>
        <DialogActions>
          {/* Busy buttons stay focusable: a disabled one would drop the focus out of the dialog. */}
          <DialogTrigger disableButtonEnhancement action="close">
            <Button appearance="secondary">Cancel</Button>
          </DialogTrigger>
          <Button
            appearance="secondary"
            className={styles.nowrap}
            disabledFocusable={busy}
            onClick={() => void copy()}
          >
            Copy summary
          </Button>
          <Button appearance="primary" disabledFocusable={busy} onClick={() => void save()}>
            Save
          </Button>
        </DialogActions>
      </DialogBody>
    </DialogSurface>
  );
}
