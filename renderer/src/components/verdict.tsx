import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { VERDICT_LABEL, verdictKind, verdictText } from '../lib/words';
import { useRunStore } from '../state/run-store';
import { StatusBadge } from './status-badge';
import { TrustLine } from './trust-line';
import { VerdictAction } from './verdict-action';

const useStyles = makeStyles({
  box: {
    display: 'grid',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: '6px solid',
    minWidth: 0,
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
  // Not red: nothing is known to be broken, this session simply cannot show it. A dashed bar as well as a colour.
  'cannot-judge': {
    backgroundColor: tokens.colorNeutralBackground3,
    borderLeftStyle: 'dashed',
    borderLeftColor: tokens.colorBrandStroke1,
  },
  // The label and the sentence flow as one paragraph, so the sentence has the whole width.
  answer: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  badge: { display: 'inline-flex', verticalAlign: 'top', marginRight: tokens.spacingHorizontalM },
});

/** The answer in one sentence, what to do next, and the trust model this session used. */
export function Verdict() {
  const styles = useStyles();
  const report = useRunStore((s) => s.report);
  if (!report) return null;
  const { headline } = report;
  const kind = verdictKind(headline);
  const step = report.checks.find((c) => c.id === headline.checkId);
  return (
    <section
      className={mergeClasses(styles.box, styles[kind])}
      aria-label="Verdict"
      data-testid="verdict"
      data-verdict={kind}
    >
      <p className={styles.answer}>
        <span className={styles.badge}>
          <StatusBadge
            status={kind === 'cannot-judge' ? 'unknown' : headline.status}
            label={VERDICT_LABEL[kind]}
          />
        </span>
        <span data-testid="headline">{verdictText(headline)}</span>
      </p>
      {step && <VerdictAction check={step} />}
      <TrustLine report={report} />
    </section>
  );
}
