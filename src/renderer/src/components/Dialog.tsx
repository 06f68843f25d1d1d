import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose(): void;
  /** Usually a <form> with `dialog-body` and `dialog-footer` sections, so Enter submits. */
  children: ReactNode;
  testId?: string;
  /** While saving, Escape does nothing: closing would hide the outcome. */
  busy?: boolean;
  /** `large` for wide content such as a table preview. */
  size?: 'small' | 'medium' | 'large';
}

/**
 * A modal on the native <dialog>: the browser traps focus, makes the page behind inert and
 * reports Escape; we move focus in on open and give it back to the opener on close.
 */
export function Dialog({ title, onClose, children, testId, busy = false, size = 'medium' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const busyRef = useRef(busy);
  busyRef.current = busy;
  const unmounting = useRef(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    unmounting.current = false;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[autofocus], input:not([disabled]), select:not([disabled]), button:not([disabled])')?.focus();
    return () => {
      unmounting.current = true;
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busyRef.current) onCloseRef.current();
      }}
      onClose={() => {
        // The browser may close it itself (a repeated Escape): keep React's state in step.
        if (!unmounting.current) onCloseRef.current();
      }}
    >
      <div className="dialog-header">
        <h2 className="dialog-title" id={titleId}>
          {title}
        </h2>
      </div>
      {children}
    </dialog>
  );
}
