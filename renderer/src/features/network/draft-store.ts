// HQ's edits for the next profile version, kept outside the Network screen so that an idle
// lock (which unmounts every screen) loses nothing typed. In memory only: nothing in it is
// sensitive, and after a restart the screen starts again from the profile in force.
import { create } from 'zustand';
import { type ProfileEdits } from './issue-profile.ts';

interface NetworkDraft {
  /** The profile version the edits start from; edits for an older version are stale. */
  version: number | null;
  edits: ProfileEdits | null;
  keep: (version: number, edits: ProfileEdits) => void;
}

export const useNetworkDraft = create<NetworkDraft>((set) => ({
  version: null,
  edits: null,
  keep: (version, edits) => set({ version, edits }),
}));

/** The kept edits when they start from `version`, else undefined. */
export function keptEdits(version: number): ProfileEdits | undefined {
  const { version: kept, edits } = useNetworkDraft.getState();
  return kept === version && edits ? edits : undefined;
}
