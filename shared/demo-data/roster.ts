// The demo roster lives beside the demo profile, which lists the officers' devices
// (shared/identity/demo-roster.ts); the demo data reads it from here.
export * from '../identity/demo-roster.ts';
