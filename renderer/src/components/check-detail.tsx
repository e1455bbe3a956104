import type { CheckResult } from '@contract/types';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { BlockedBy } from '../lib/blocked-by';
import { rerun } from '../state/run-actions';
import { useRunStore } from '../state/run-store';
import { useReadOnly } from '../state/source-store';
import { CheckTools } from './check-tools';
import { DocLinks } from './doc-links';
import { EvidenceItem } from './evidence-item';
import { FixList } from './fix-list';
import { RowFixOutcome } from './row-fix-outcome';

const useStyles = makeStyles({
  panel: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalL}`,
    paddingLeft: '3.25rem',
    minWidth: 0,
  },
  section: { display: 'grid', gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, maxWidth: '75ch' },
  term: { fontWeight: tokens.fontWeightSemibold },
  evidence: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

interface CheckDetailProps {
  check: CheckResult;
  headingId: string;
  blocked: BlockedBy | null;
}

/** A step, action first: what it means, what to do, the fixes, then the evidence behind it. */
export function CheckDetail({ check, headingId, blocked }: CheckDetailProps) {
  const styles = useStyles();
  const running = useRunStore((s) => s.running);
  const readOnly = useReadOnly();
  return (
    <section className={styles.panel} aria-labelledby={headingId} data-detail-for={check.id}>
      <RowFixOutcome checkId={check.id} />
      <div className={styles.section} data-detail-section="meaning">
        <h4 className={styles.heading}>What it means</h4>
        <p className={styles.text}>{check.explanation}</p>
      </div>
      {(blocked || check.remediation) && (
        <div className={styles.section} data-detail-section="to-do">
          <h4 className={styles.heading}>What to do</h4>
          {blocked && (
            <p className={styles.text}>
              Fix “{blocked.title}” ({blocked.where}) first: it failed and explains this step. What was found
              here is shown for reference.
            </p>
          )}
          {check.remediation && <p className={styles.text}>{check.remediation}</p>}
        </div>
      )}
      {!readOnly && check.fixes.length > 0 && (
        <div className={styles.section} data-detail-section="fixes">
          <h4 className={styles.heading}>Fixes</h4>
          <FixList fixIds={check.fixes} checkId={check.id} />
        </div>
      )}
      {!readOnly && <CheckTools checkId={check.id} />}
      <div className={styles.section} data-detail-section="evidence">
        <h4 className={styles.heading}>Evidence</h4>
        <p className={styles.text}>
          <span className={styles.term}>What was found: </span>
          {check.summary}
        </p>
        {check.contradiction && <p className={styles.text}>{check.contradiction}</p>}
        {check.evidence.length > 0 && (
          <ul className={styles.evidence}>
            {check.evidence.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a check may cite the same probe twice.
              <EvidenceItem key={`${item.probeId}-${index}`} item={item} />
            ))}
          </ul>
        )}
      </div>
      {check.docs.length > 0 && (
        <div className={styles.section}>
          <h4 className={styles.heading}>Learn more</h4>
          <DocLinks docs={check.docs} />
        </div>
      )}
      {!readOnly && (
        <div className={styles.actions}>
          <Button disabled={running} onClick={() => void rerun(check.id)}>
            Re-run this check
          </Button>
        </div>
      )}
    </section>
  );
}
