import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
} from '@fluentui/react-components';
import { useRunStore } from '../state/run-store';

const useStyles = makeStyles({ line: { display: 'block' } });

function DismissIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

/** Why the last open or run failed; the previous checklist stays on screen below it. */
export function ErrorAlert() {
  const styles = useStyles();
  const error = useRunStore((s) => s.error);
  const hasReport = useRunStore((s) => s.report !== null);
  const dismiss = useRunStore((s) => s.dismissError);
  // The alert region always exists, so screen readers announce the message when it appears.
  return (
    <div role="alert" data-testid="error-alert">
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{error.title}</MessageBarTitle>
            <span className={styles.line} data-testid="error-reason">
              {error.reason}
            </span>
            {hasReport && <span className={styles.line}>The checklist below is still the previous one.</span>}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label="Dismiss"
                icon={<DismissIcon />}
                onClick={dismiss}
              />
            }
          />
        </MessageBar>
      )}
    </div>
  );
}
