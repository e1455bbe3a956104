import {
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';

const useStyles = makeStyles({
  box: { display: 'grid', gap: tokens.spacingVerticalS },
  name: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
});

/** Typed the way the guard compares it: case-insensitive, spaces around ignored. */
export function namesMatch(typed: string, userName: string): boolean {
  return typed.trim().toLowerCase() === userName.toLowerCase();
}

interface DestructiveConfirmationProps {
  /** The signed-in user whose data the fix deletes; null when the evidence does not say. */
  userName: string | null;
  typed: string;
  onTypedChange: (value: string) => void;
}

/** The explicit "yes" a destructive fix needs: the person types the user's name. */
export function DestructiveConfirmation({ userName, typed, onTypedChange }: DestructiveConfirmationProps) {
  const styles = useStyles();
  if (userName === null) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This fix cannot be confirmed</MessageBarTitle>
          The evidence does not say who is signed in, so nobody can confirm whose data this deletes.
        </MessageBarBody>
      </MessageBar>
    );
  }
  const matched = namesMatch(typed, userName);
  return (
    <div className={styles.box}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This deletes data of {userName}.</MessageBarTitle>
          It cannot be undone.
        </MessageBarBody>
      </MessageBar>
      <Field
        label={{
          children: (
            <>
              To confirm, type the user name <span className={styles.name}>{userName}</span>
            </>
          ),
        }}
        hint={
          matched
            ? undefined
            : 'Upper or lower case does not matter. The Run button stays off until it matches.'
        }
        validationState={matched ? 'success' : 'none'}
        validationMessage={matched ? 'The name matches.' : undefined}
      >
        <Input
          value={typed}
          autoComplete="off"
          spellCheck={false}
          data-testid="confirm-user-name"
          onChange={(_, data) => onTypedChange(data.value)}
        />
      </Field>
    </div>
  );
}
