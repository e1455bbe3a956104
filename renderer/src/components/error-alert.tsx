import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useRunStore } from '../state/run-store';

/** Why the last open or run failed; the previous checklist stays on screen below it. */
export function ErrorAlert() {
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
            <span data-testid="error-reason">{error.reason}</span>
            {hasReport ? ' The checklist below is still the previous one.' : ''}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={dismiss}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
