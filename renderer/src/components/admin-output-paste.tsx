import { MAX_ADMIN_OUTPUT_CHARS } from '@contract/limits';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { STATUS_LABEL } from '../lib/words';
import { type AdminOutputResult, checkAdminOutput } from '../state/admin-output-actions';
import { useRunStore } from '../state/run-store';
import { CopyButton } from './copy-button';
import { INLINE_CODE } from './inline-code-style';

const useStyles = makeStyles({
  box: { display: 'grid', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, maxWidth: '75ch' },
  command: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  code: INLINE_CODE,
  textarea: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** The administrator's side of the Entra Kerberos keys: their Get-AzureADKerberosServer output, pasted. */
export function AdminOutputPaste() {
  const styles = useStyles();
  const headingId = useId();
  const domain = useRunStore((s) => s.report?.device.domain ?? null);
  const running = useRunStore((s) => s.running);
  const [text, setText] = useState('');
  const [result, setResult] = useState<AdminOutputResult | null>(null);
  const command = `Get-AzureADKerberosServer -Domain ${domain ?? '<AD domain>'} -UserPrincipalName <admin UPN>`;

  const check = async () => {
    setResult(null);
    setResult(await checkAdminOutput(text));
  };

  return (
    <section className={styles.box} aria-labelledby={headingId} data-testid="admin-output">
      <h4 className={styles.heading} id={headingId}>
        Check the keys from the administrator's side
      </h4>
      <p className={styles.text}>
        This device cannot read the key versions. An administrator runs this in PowerShell (module
        AzureADHybridAuthenticationManagement, for example on the Entra Connect server) and sends you
        everything it prints. Nothing runs here.
      </p>
      <div className={styles.command}>
        <code className={styles.code}>{command}</code>
        <CopyButton text={command} what="the command Get-AzureADKerberosServer" />
      </div>
      <Field label="Paste the output of Get-AzureADKerberosServer (run by an administrator)">
        <Textarea
          value={text}
          rows={6}
          resize="vertical"
          textarea={{ className: styles.textarea, spellCheck: false }}
          maxLength={MAX_ADMIN_OUTPUT_CHARS}
          onChange={(_, data) => setText(data.value)}
        />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running || text.trim() === ''} onClick={() => void check()}>
          Check these keys
        </Button>
      </div>
      <div role="status" data-testid="admin-output-status">
        {result?.ok && (
          <p className={styles.text}>
            Checked: this step now says {STATUS_LABEL[result.check.status]}. {result.check.summary}
          </p>
        )}
      </div>
      <div role="alert">
        {result && !result.ok && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Could not check these keys</MessageBarTitle>
              <span data-testid="admin-output-error">{result.reason}</span>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
