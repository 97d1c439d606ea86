// The network feature's public entry: HQ's Network screen, the profile editors the wizard
// reuses, and the registration of its messages (loaded by the shell before the first render).
import { registerMessages } from '../../i18n/registry.ts';
import { networkMessages } from './messages.ts';

registerMessages(networkMessages);

export { NetworkScreen } from './NetworkScreen.tsx';
export { LeadsEditor } from './LeadsEditor.tsx';
export { PolicyForm } from './PolicyForm.tsx';
export { PostsEditor } from './PostsEditor.tsx';
