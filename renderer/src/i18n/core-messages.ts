// Messages that belong to the pure core (shared/) but must reach people in their language:
// validation issues from the domain, and later bundle errors. Merged into i18next.
import { domainMessages } from '../../../shared/domain/messages.ts';

export const coreMessages = {
  en: { ...domainMessages.en },
  fr: { ...domainMessages.fr },
};
