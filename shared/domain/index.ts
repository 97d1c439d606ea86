// The domain's public face: the activity-type catalogue and its validation, the activity
// record and its field paths, posts and regions, fiscal periods, and the validation messages.
export * from './catalogue-types.ts';
export * from './catalogue.ts';
export * from './activity.ts';
export * from './activity-paths.ts';
export * from './schemas.ts';
export * from './messages.ts';
export * from './dates.ts';
export * from './fiscal.ts';
export * from './posts.ts';
