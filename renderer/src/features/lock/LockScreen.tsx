// PLACEHOLDER
import { type Session } from '../../app/session.ts';

export function LockScreen(_props: { session: Session }) {
  return <section className="screen" />;
}
