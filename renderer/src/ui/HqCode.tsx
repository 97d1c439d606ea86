// HQ's fingerprint code as people read it aloud, and the date a profile was issued: shown
// by the wizard's check and by HQ's Network screen alike.
import './fingerprint.css';

export function formatIssued(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long' }).format(
    new Date(iso),
  );
}

export function HqCode({ code, id }: { code: string; id?: string }) {
  return (
    <code className="fingerprint" id={id} data-testid="hq-code">
      {code}
    </code>
  );
}
