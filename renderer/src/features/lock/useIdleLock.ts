// Locks the app after the profile's idle time: no key, no mouse, no touch for that long drops
// the data key. Forms save their drafts as they unmount (sealed with the key they still
// hold), so nothing typed is lost; unlocking brings the person back to the same screen.
import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_POLICY } from '../../../../shared/identity/network.ts';
import { getNetworkProfile } from '../../db/identity.ts';
import { useServices } from '../../kernel/services.tsx';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function useIdleLock(active: boolean): void {
  const { db, vault } = useServices();
  const minutes = useLiveQuery(
    async () => (await getNetworkProfile(db))?.policy.idleLockMinutes,
    [db],
  );
  const limitMs = (minutes ?? DEFAULT_POLICY.idleLockMinutes) * 60_000;

  useEffect(() => {
    if (!active) return;
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Timers sleep with the laptop and are throttled in the background, so each check
    // compares clock times rather than trusting that the timer fired on time.
    const check = () => {
      const idle = Date.now() - last;
      if (idle >= limitMs) {
        vault.lock();
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(check, limitMs - idle);
    };
    const onActivity = () => {
      last = Date.now();
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onActivity, { passive: true });
    document.addEventListener('visibilitychange', onVisible);
    timer = setTimeout(check, limitMs);
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [active, limitMs, vault]);
}
