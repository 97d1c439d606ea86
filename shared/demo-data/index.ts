export * from './counts.ts';
export * from './generate.ts';
export * from './prng.ts';
export * from './roster.ts';
export * from './targets.ts';
export * from './changes.ts';
export * from './bundles.ts';
