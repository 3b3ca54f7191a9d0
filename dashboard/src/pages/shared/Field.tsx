import type { ReactNode } from 'react';
import type { FieldError } from '../../api/client.ts';
import { FieldMessage, invalid } from './FieldError.tsx';

/** A labelled control in a grid column, with the API's message for `path` under it. */
export function Field(props: { id: string; label: string; path: string; fields: FieldError[]; className?: string; children: ReactNode }) {
  return (
    <div className={props.className ?? 'col-sm-6'}>
      <label className="form-label" htmlFor={props.id}>{props.label}</label>
      {props.children}
      <FieldMessage fields={props.fields} path={props.path} />
    </div>
  );
}

/** A text-like input bound to a string, marked invalid when the API names its field. */
export function TextInput(props: {
  id: string; value: string; onChange: (v: string) => void; fields: FieldError[]; path: string;
  type?: string; inputMode?: 'decimal' | 'numeric'; placeholder?: string; size?: 'sm';
}) {
  return (
    <input id={props.id} type={props.type ?? 'text'} inputMode={props.inputMode} placeholder={props.placeholder}
      className={`form-control${props.size ? ' form-control-sm' : ''}${invalid(props.fields, props.path)}`}
      value={props.value} onChange={(e) => props.onChange(e.target.value)} />
  );
}

export function Check(props: { id: string; label: string; checked: boolean; onChange: (v: boolean) => void; className?: string }) {
  return (
    <div className={`form-check ${props.className ?? ''}`}>
      <input id={props.id} type="checkbox" className="form-check-input" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <label className="form-check-label" htmlFor={props.id}>{props.label}</label>
    </div>
  );
}

/** Every API message under a path and its children ("postcodes", "postcodes.2"), for one control holding a list. */
export function NestedMessages({ fields, path }: { fields: FieldError[]; path: string }) {
  const mine = fields.filter((f) => f.path === path || f.path.startsWith(`${path}.`));
  if (mine.length === 0) return null;
  return (
    <div className="invalid-feedback d-block" data-testid={`error-${path}`}>
      {mine.map((f) => <div key={f.path + f.message}>{f.path === path ? f.message : `${f.path.slice(path.length + 1)} : ${f.message}`}</div>)}
    </div>
  );
}
