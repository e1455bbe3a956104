import { validateUncPath } from '@contract/validate-unc-path';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { rememberedShare, rememberShare } from '../lib/share-memory';
import { useRunStore } from '../state/run-store';
import { testShare } from '../state/share-test-actions';

const useStyles = makeStyles({
  box: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '40rem', minWidth: 0 },
  input: { fontFamily: tokens.fontFamilyMonospace },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  note: { color: tokens.colorNeutralForeground2 },
});

export const REPLAY_SHARE_NOTE = 'The share test runs on the device itself (live mode)';

function sentence(reason: string): string {
  return `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`;
}

/** Type a UNC path (checked as you type, with the same rules as the engine); live, the app opens it. */
export function ShareTest() {
  const styles = useStyles();
  const noteId = useId();
  const deviceName = useRunStore((s) => s.report?.device.name ?? null);
  const live = useRunStore((s) => s.report?.source.kind === 'live');
  const running = useRunStore((s) => s.running);
  const [path, setPath] = useState(() => rememberedShare(deviceName));
  const checked = path.trim() === '' ? null : validateUncPath(path);
  const reason = checked && !checked.ok ? sentence(checked.reason) : undefined;
  const canTest = checked?.ok === true && live && !running;

  return (
    <div className={styles.box} data-testid="share-test">
      <Field
        label={{ children: 'Test a file share', weight: 'semibold' }}
        hint="A share this user opens, such as \\fs01\projects. The app opens it and checks that Windows used a Kerberos ticket, not a password fallback."
        validationState={reason ? 'error' : 'none'}
        validationMessage={reason}
      >
        <Input
          className={styles.input}
          value={path}
          placeholder="\\server\share"
          autoComplete="off"
          spellCheck={false}
          onChange={(_, data) => {
            setPath(data.value);
            const valid = validateUncPath(data.value);
            if (valid.ok) rememberShare(deviceName, valid.path);
          }}
        />
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabledFocusable={!canTest}
          aria-describedby={live ? undefined : noteId}
          onClick={() => {
            if (canTest && checked?.ok) void testShare(checked.path);
          }}
        >
          Test share
        </Button>
        {!live && (
          <span id={noteId} className={styles.note}>
            {REPLAY_SHARE_NOTE}
          </span>
        )}
      </div>
    </div>
  );
}
