// A yes/no question whose "yes" destroys something (delete an entry, erase the device): the
// shared modal question with a danger button and a one-paragraph body.
import { ModalQuestion } from '../kernel/ModalQuestion.tsx';

interface Props {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ body, ...rest }: Props) {
  return (
    <ModalQuestion tone="danger" {...rest}>
      <p>{body}</p>
    </ModalQuestion>
  );
}
