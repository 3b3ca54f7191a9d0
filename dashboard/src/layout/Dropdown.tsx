import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Bootstrap's dropdown markup driven by React state: Bootstrap's JS (and Popper) would fight React over the DOM.
 * `data-bs-popper="static"` opts into Bootstrap's CSS-only placement.
 */
export function Dropdown(props: { label: ReactNode; ariaLabel?: string; buttonClassName?: string; testId?: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="dropdown" ref={ref}>
      <button
        type="button"
        className={`btn dropdown-toggle ${props.buttonClassName ?? ''}`}
        aria-expanded={open}
        aria-label={props.ariaLabel}
        data-testid={props.testId}
        onClick={() => setOpen((o) => !o)}
      >
        {props.label}
      </button>
      {/* Any click inside the menu is a choice, so it closes the menu. */}
      <ul className={`dropdown-menu dropdown-menu-end shadow-sm${open ? ' show' : ''}`} data-bs-popper="static" onClick={() => setOpen(false)}>
        {props.children}
      </ul>
    </div>
  );
}
