import type { FixStep } from '@contract/fix-step';
import { makeStyles, tokens } from '@fluentui/react-components';
import { stepWords } from '../lib/fix-words';
import { CopyButton } from './copy-button';
import { INLINE_CODE } from './inline-code-style';

const useStyles = makeStyles({
  line: {
    margin: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  text: { margin: 0, maxWidth: '75ch' },
  term: { fontWeight: tokens.fontWeightSemibold },
  code: INLINE_CODE,
});

/** One step of a fix: what it runs or opens, the command an admin runs elsewhere, or what to do. */
export function FixStepView({ step, fixTitle }: { step: FixStep; fixTitle: string }) {
  const styles = useStyles();
  switch (step.kind) {
    case 'run':
    case 'open-settings': {
      const { verb, what } = stepWords(step);
      return (
        <p className={styles.line}>
          <span className={styles.term}>{verb}:</span>
          <code className={styles.code}>{what}</code>
        </p>
      );
    }
    case 'show-command':
      return (
        <>
          <p className={styles.line}>
            <span className={styles.term}>Command:</span>
            <code className={styles.code} data-testid="fix-command">
              {step.text}
            </code>
            <CopyButton text={step.text} what={`the command for ${fixTitle}`} />
          </p>
          <p className={styles.text}>
            <span className={styles.term}>Where to run it: </span>
            {step.where}
          </p>
        </>
      );
    case 'guidance':
      return (
        <p className={styles.text}>
          <span className={styles.term}>What to do: </span>
          {step.text}
        </p>
      );
  }
}
