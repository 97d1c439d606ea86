// The review feature: the lead's and HQ's queue, the comment thread, the officer's side, and
// the registration of its messages (loaded by the shell before the first render).
import { registerMessages } from '../../i18n/registry.ts';
import { reviewMessages } from './messages.ts';

registerMessages(reviewMessages);

export { ReviewScreen } from './ReviewScreen.tsx';
export { Thread } from './Thread.tsx';
export { ReturnedPanel } from './ReturnedPanel.tsx';
export { reviewActorOf } from './actor.ts';
export { usePeople, nameOf } from './people.ts';
export { When } from './When.tsx';
