// The folder chosen once for exports or imports (the platform remembers it), and a way to
// choose another. Where the platform keeps no folders, there is none and nothing to choose.
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../../kernel/services.tsx';
import { type FolderPurpose, type FolderRef } from '../../platform/types.ts';

export interface FolderState {
  supported: boolean;
  folder: FolderRef | null;
  /** Opens the folder picker; resolves to the new folder, or null when cancelled. */
  choose: () => Promise<FolderRef | null>;
}

export function useFolder(purpose: FolderPurpose): FolderState {
  const { platform } = useServices();
  const [folder, setFolder] = useState<FolderRef | null>(null);
  useEffect(() => {
    if (!platform.supportsFolders) return;
    let live = true;
    platform.getFolder(purpose).then(
      (f) => {
        if (live) setFolder(f);
      },
      (error: unknown) => console.error('Reading the remembered folder failed', error),
    );
    return () => {
      live = false;
    };
  }, [platform, purpose]);
  const choose = useCallback(async () => {
    const chosen = await platform.chooseFolder(purpose);
    if (chosen) setFolder(chosen);
    return chosen;
  }, [platform, purpose]);
  return { supported: platform.supportsFolders, folder, choose };
}
