// Moving focus to something that is about to appear. After a state change the element a
// keyboard user should land on (a row scrolled into a virtual list, a report read from the
// database, a control shown once work starts) may exist only a few frames later, more so on
// a busy laptop; one requestAnimationFrame is not always enough. This looks frame by frame
// for a bounded time, and gives up as soon as the person has moved on.

/** How long to keep looking: past it, the person has long since acted on the screen. */
export const FOCUS_LOOK_MS = 5000;

export interface FocusSoonOptions {
  /**
   * Whether focus may still be moved: checked at every frame, so a person who has moved
   * elsewhere in the meantime is left there. Always, when not given.
   */
  stillWanted?: () => boolean;
  lookMs?: number;
}

/**
 * Focuses what `find` returns, as soon as it returns something, looking once a frame.
 * Returns a function that stops looking (for an effect's clean-up).
 */
export function focusSoon(
  find: () => HTMLElement | null | undefined,
  options: FocusSoonOptions = {},
): () => void {
  const until = performance.now() + (options.lookMs ?? FOCUS_LOOK_MS);
  let frame = 0;
  const look = () => {
    if (options.stillWanted && !options.stillWanted()) return;
    const target = find();
    if (target) {
      target.focus();
      return;
    }
    if (performance.now() < until) frame = requestAnimationFrame(look);
  };
  frame = requestAnimationFrame(look);
  return () => cancelAnimationFrame(frame);
}
