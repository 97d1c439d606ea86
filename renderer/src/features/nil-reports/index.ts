// Nil reports: the officer's panel to file "nothing to report" for a month, and the
// registration of its messages (loaded by the shell before the first render).
import { registerMessages } from '../../i18n/registry.ts';
import { nilReportsMessages } from './messages.ts';

registerMessages(nilReportsMessages);

export { NilReportPanel } from './NilReportPanel.tsx';
