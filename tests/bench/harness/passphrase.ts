// The benchmark device's passphrase: the harness sets the vault up with it (in Chromium), the
// runner types it on the lock screen (in Node).
export const BENCH_PASSPHRASE = 'bench passphrase';
