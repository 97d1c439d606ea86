// PLACEHOLDER, replaced by the sync screen.
import { type Session } from '../../app/session.ts';

export function SyncScreen(_props: { session: Session }) {
  return <section className="screen" />;
}
