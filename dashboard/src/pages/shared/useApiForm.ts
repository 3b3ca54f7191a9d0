import { useState } from 'react';
import { ApiError, type FieldError } from '../../api/client.ts';

/**
 * The state of a form that the API validates: its per-field messages
 * (`details.fields`), any other error, and whether a save is under way.
 */
export function useApiForm() {
  const [fields, setFields] = useState<FieldError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  /** Runs a save; on failure keeps the API's field messages and resolves undefined. */
  const run = async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setFields([]);
    setError(null);
    setBusy(true);
    try {
      return await action();
    } catch (e) {
      setError(e);
      if (e instanceof ApiError) setFields(e.fields);
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  /** A problem found before sending (text that is not JSON), shown like the API's. */
  const fail = (path: string, message: string) => failFields([{ path, message }]);
  const failFields = (list: FieldError[]) => {
    setError(new ApiError(400, 'validation_failed', list.map((f) => f.message).join('; '), list));
    setFields(list);
  };

  /** An error to show above the form: one the fields do not explain. */
  const general = error !== null && fields.length === 0 ? error : null;
  return { fields, error, general, busy, run, fail, failFields };
}
export type ApiForm = ReturnType<typeof useApiForm>;
