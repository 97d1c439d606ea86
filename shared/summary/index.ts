// Summaries' pure core: measures and rollups, periods, totals, completeness and CSV.
export * from './measures.ts';
export * from './messages.ts';
export * from './periods.ts';
export * from './totals.ts';
export * from './completeness.ts';
export * from './csv.ts';
export * from './packed.ts';
