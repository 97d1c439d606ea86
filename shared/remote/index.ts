// The online relay's pure rules: layout (where files go), plan (what one sync does), backoff.
export * from './layout.ts';
export * from './plan.ts';
export * from './backoff.ts';
