export * from './rules.ts';
export * from './comments.ts';
