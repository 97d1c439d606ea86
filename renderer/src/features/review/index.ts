// The review feature: the lead's and HQ's queue, the comment thread, the officer's side.
export { ReviewScreen } from './ReviewScreen.tsx';
export { Thread } from './Thread.tsx';
export { ReturnedPanel } from './ReturnedPanel.tsx';
export { reviewActorOf } from './actor.ts';
export { usePeople } from './people.ts';
