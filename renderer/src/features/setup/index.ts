// The first-run wizard's public entry, and the registration of its messages (loaded by the
// shell before the first render).
import { registerMessages } from '../../i18n/registry.ts';
import { wizardMessages } from './messages.ts';

registerMessages(wizardMessages);

export { SetupWizard } from './SetupWizard.tsx';
