// The activity log's public entry: the list, the forms and the detail the shell routes to.
// Most of its strings live in i18n/en.ts and fr.ts (list, form, detail); the unreadable-entry
// table registers here.
import { registerMessages } from '../../i18n/registry.ts';
import { logMessages } from './messages.ts';

registerMessages(logMessages);

export { ActivityList } from './ActivityList.tsx';
export { NewActivity } from './NewActivity.tsx';
export { EditActivity } from './EditActivity.tsx';
export { ActivityDetail } from './ActivityDetail.tsx';
