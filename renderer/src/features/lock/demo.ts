// The demo network's passphrase: printed on the demo screens, so it protects nothing (the
// demo holds invented data only). Real devices choose their own in the wizard.
export const DEMO_PASSPHRASE = 'demo';
