// The lock screen and passphrase messages.
import { bilingual } from '../../i18n/bilingual.ts';

export const lockMessages = bilingual(
  {
    lock: {
      title: 'Liaison Log is locked',
    },
  },
  {
    lock: {
      title: 'Liaison Log est verrouillé',
    },
  },
);
