import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { readableLines, splitOutput } from '../lib/readable-output';
import { CopyButton } from './copy-button';
import { OutputLines } from './output-lines';

const useStyles = makeStyles({
  box: { display: 'grid', gap: tokens.spacingVerticalXS, minWidth: 0 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** What a fix printed, on demand, with a copy button for the ticket. */
export function AttemptOutput({ output, title }: { output: string; title: string }) {
  const styles = useStyles();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  return (
    <div className={styles.box}>
      <div className={styles.buttons}>
        <Button
          size="small"
          appearance="secondary"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide output' : 'Show output'}
        </Button>
        <CopyButton text={output} what={`the output of ${title}`} />
      </div>
      <div id={panelId} hidden={!open}>
        {open && (
          <OutputLines
            lines={readableLines(splitOutput(output), () => false)}
            region={`Output of ${title}`}
          />
        )}
      </div>
    </div>
  );
}
