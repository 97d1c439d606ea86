// The activity log's public entry: the list, the forms and the detail the shell routes to.
// Its strings live in i18n/en.ts and fr.ts (list, form, detail).
export { ActivityList } from './ActivityList.tsx';
export { NewActivity } from './NewActivity.tsx';
export { EditActivity } from './EditActivity.tsx';
export { ActivityDetail } from './ActivityDetail.tsx';
