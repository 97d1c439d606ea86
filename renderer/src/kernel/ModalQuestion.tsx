// A modal question (native <dialog>: focus stays inside, Escape cancels), opening on Cancel so
// a stray Enter never approves, deletes or erases anything. Every confirmation uses it.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  tone: 'primary' | 'danger';
  onConfirm: () => void;
  onCancel: () => void;
}

export function ModalQuestion(props: Props) {
  const { open, title, children, confirmLabel, cancelLabel, tone, onConfirm, onCancel } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelButton.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={onCancel}
      onClose={() => {
        if (open) onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div id={bodyId}>{children}</div>
      <div className="actions">
        <button className={tone} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button ref={cancelButton} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
