import type { Report } from '@contract/report-types';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { CREDENTIAL_WORDS, TRUST_MODEL_WORDS } from '../lib/words';

const useStyles = makeStyles({
  line: {
    margin: 0,
    display: 'flex',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  name: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  why: {
    minWidth: '24px',
    minHeight: '24px',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontSize: 'inherit',
  },
  reason: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

/** One short line: the trust model this session used, what signed in, what the policy asks for; the reason on request. */
export function TrustLine({ report }: { report: Report }) {
  const styles = useStyles();
  const reasonId = useId();
  const [open, setOpen] = useState(false);
  return (
    <div>
      <p className={styles.line} data-testid="trust-model">
        <span>
          This session used: <span className={styles.name}>{TRUST_MODEL_WORDS[report.trustModel]}</span>
        </span>
        <span aria-hidden="true">·</span>
        <span>
          Signed in with: <span className={styles.name}>{CREDENTIAL_WORDS[report.sessionCredential]}</span>
        </span>
        <span aria-hidden="true">·</span>
        <span>
          Policy asks for:{' '}
          <span className={styles.name} data-testid="policy-trust-model">
            {TRUST_MODEL_WORDS[report.policyTrustModel]}
          </span>
        </span>
        {report.trustModelReason && (
          <Button
            className={styles.why}
            size="small"
            appearance="transparent"
            aria-expanded={open}
            aria-controls={reasonId}
            aria-label="Why this trust model"
            onClick={() => setOpen(!open)}
          >
            {open ? 'Hide why' : 'Why?'}
          </Button>
        )}
      </p>
      <p id={reasonId} className={styles.reason} hidden={!open} data-testid="trust-model-reason">
        {report.trustModelReason}
      </p>
    </div>
  );
}
