// The Summaries screen, for the shell, and the registration of its messages and of the shared
// summary vocabulary (measures, periods), loaded before the first render.
import { registerMessages } from '../../i18n/registry.ts';
import { summaryMessages } from '../../../../shared/summary/messages.ts';
import { summariesMessages } from './messages.ts';

registerMessages(summariesMessages);
registerMessages(summaryMessages);

export { SummariesScreen } from './SummariesScreen.tsx';
