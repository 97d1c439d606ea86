// PLACEHOLDER
export function useIdleLock(_active: boolean): void {}
