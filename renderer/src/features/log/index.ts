// The activity log's public entry: the list, the forms and the detail the shell routes to,
// and the registration of its messages (loaded by the shell before the first render).
import { registerMessages } from '../../i18n/registry.ts';
import { logMessages } from './messages.ts';
import { logExportMessages } from './export-messages.ts';

registerMessages(logMessages);
registerMessages(logExportMessages);

export { ActivityList } from './ActivityList.tsx';
export { NewActivity } from './NewActivity.tsx';
export { EditActivity } from './EditActivity.tsx';
export { ActivityDetail } from './ActivityDetail.tsx';
