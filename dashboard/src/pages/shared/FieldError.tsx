import type { FieldError } from '../../api/client.ts';

/** The API's message for one field (`details.fields[].path`), under the input it is about. */
export function FieldMessage({ fields, path }: { fields: FieldError[]; path: string }) {
  const f = fields.find((x) => x.path === path);
  if (!f) return null;
  return (
    <div className="invalid-feedback d-block" data-testid={`error-${path}`}>
      {f.message}
    </div>
  );
}

export const invalid = (fields: FieldError[], path: string) => (fields.some((f) => f.path === path) ? ' is-invalid' : '');
