// Messages that belong to the pure core (shared/) but must reach people in their language:
// validation issues from the domain; bundle, vault and identity errors. Merged into i18next.
import { domainMessages } from '../../../shared/domain/messages.ts';
import { bundleMessages } from '../../../shared/bundle/messages.ts';
import { vaultMessages } from '../../../shared/vault/messages.ts';
import { identityMessages } from '../../../shared/identity/messages.ts';

export const coreMessages = {
  en: { ...domainMessages.en, ...bundleMessages.en, ...vaultMessages.en, ...identityMessages.en },
  fr: { ...domainMessages.fr, ...bundleMessages.fr, ...vaultMessages.fr, ...identityMessages.fr },
};
