import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CREDENTIAL_WORDS, HEADLINE_LABEL, TRUST_MODEL_WORDS } from '../lib/words';
import { useChecklistViewStore } from '../state/checklist-view-store';
import { useRunStore } from '../state/run-store';
import { StatusBadge } from './status-badge';

const useStyles = makeStyles({
  box: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr) auto',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: '6px solid',
  },
  pass: {
    backgroundColor: tokens.colorStatusSuccessBackground1,
    borderLeftColor: tokens.colorStatusSuccessBorder2,
  },
  warn: {
    backgroundColor: tokens.colorStatusWarningBackground1,
    borderLeftColor: tokens.colorStatusWarningBorder2,
  },
  fail: {
    backgroundColor: tokens.colorStatusDangerBackground1,
    borderLeftColor: tokens.colorStatusDangerBorder2,
  },
  unknown: {
    backgroundColor: tokens.colorNeutralBackground3,
    borderLeftColor: tokens.colorPaletteLavenderBorderActive,
  },
  badge: { fontSize: tokens.fontSizeBase400 },
  text: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  trust: { gridColumn: '2 / 4', margin: 0, color: tokens.colorNeutralForeground2 },
  trustName: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** The answer in one sentence, the trust model this session used, and what the policy asks for. */
export function Verdict() {
  const styles = useStyles();
  const report = useRunStore((s) => s.report);
  const reveal = useChecklistViewStore((s) => s.reveal);
  if (!report) return null;
  const { headline } = report;
  const step = headline.checkId;
  return (
    <section
      className={mergeClasses(styles.box, styles[headline.status])}
      aria-label="Verdict"
      data-testid="verdict"
    >
      <span className={styles.badge}>
        <StatusBadge status={headline.status} label={HEADLINE_LABEL[headline.status]} />
      </span>
      <p className={styles.text} data-testid="headline">
        {headline.text}
      </p>
      {step ? (
        <Button appearance="primary" onClick={() => reveal(step)}>
          Show this step
        </Button>
      ) : (
        <span />
      )}
      <p className={styles.trust} data-testid="trust-model">
        This session used: <span className={styles.trustName}>{TRUST_MODEL_WORDS[report.trustModel]}</span>
        {report.trustModelReason ? ` — ${report.trustModelReason}` : ''}
      </p>
      <p className={styles.trust} data-testid="policy-trust-model">
        Signed in with: <span className={styles.trustName}>{CREDENTIAL_WORDS[report.sessionCredential]}</span>
        {' · '}Policy asks for:{' '}
        <span className={styles.trustName}>{TRUST_MODEL_WORDS[report.policyTrustModel]}</span>
      </p>
    </section>
  );
}
