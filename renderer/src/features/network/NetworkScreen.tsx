// PLACEHOLDER, replaced by HQ's network screen.
import { type Session } from '../../app/session.ts';

export function NetworkScreen(_props: { session: Session }) {
  return <section className="screen" />;
}
