// The current screen's title as the shell's route registry names it for this role, so a
// screen's heading and the window title never disagree (HQ's log is the network log).
import { createContext, useContext } from 'react';

export const ScreenTitle = createContext<string | null>(null);

/** The title the shell gave this screen, or null outside the shell (unit tests). */
export function useScreenTitle(): string | null {
  return useContext(ScreenTitle);
}
