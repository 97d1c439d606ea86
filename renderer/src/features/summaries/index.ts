// The Summaries screen, for the shell.
export { SummariesScreen } from './SummariesScreen.tsx';
