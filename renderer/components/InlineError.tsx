import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { errorText } from './error-text';

/** Props of InlineError. */
export interface InlineErrorProps {
  /** What failed, in the user's words, e.g. "Could not add the account". */
  title: string;
  error: unknown;
  /** Lets a test or a caller find this error among others. */
  testId?: string;
}

/** An error shown where it happened, with the service's code and message; never a blank view. */
export function InlineError({ title, error, testId }: InlineErrorProps) {
  const { code, message, details } = errorText(error);
  const showCode = code !== undefined && !message.includes(code);
  return (
    <MessageBar intent="error" layout="multiline" data-testid={testId} role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {showCode ? (
          <>
            <code>{code}</code>:{' '}
          </>
        ) : null}
        {message}
        {details ? (
          <ul>
            {details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
