// Messages that belong to the pure core (shared/) but must reach people in their language:
// validation issues from the domain and bundle errors. Merged into i18next.
import { domainMessages } from '../../../shared/domain/messages.ts';
import { bundleMessages } from '../../../shared/bundle/messages.ts';

export const coreMessages = {
  en: { ...domainMessages.en, ...bundleMessages.en },
  fr: { ...domainMessages.fr, ...bundleMessages.fr },
};
