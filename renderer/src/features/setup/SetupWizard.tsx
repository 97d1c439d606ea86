// PLACEHOLDER, replaced by the first-run wizard.
import { SetupScreen } from './SetupScreen.tsx';

export function SetupWizard() {
  return <SetupScreen />;
}
