// Dates of exchanges (exports, receipts, imports) in the person's language and time zone:
// the post's zone for officers and leads, the computer's own at HQ.
import { useCallback } from 'react';
import { type Language } from '../../../../shared/domain/catalogue-types.ts';
import { getPost } from '../../../../shared/domain/posts.ts';
import { useLang } from '../../i18n/useLang.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * An ISO instant as "Mar 4, 2026, 2:05 p.m. EST", its zone named (a lead and HQ read times
 * from posts in other zones); an unparsable string is shown as it is.
 */
export function formatWhen(iso: string, lang: Language, timeZone?: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const key = `${lang}|${timeZone ?? ''}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
      // dateStyle and timeStyle cannot name the zone: the same parts, spelled out.
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
      ...(timeZone ? { timeZone } : {}),
    });
    formats.set(key, f);
  }
  return f.format(new Date(ms));
}

/** formatWhen bound to the current language and the post's time zone. */
export function useFormatWhen(postCode?: string): (iso: string) => string {
  const lang = useLang();
  const timeZone = postCode ? getPost(postCode)?.timeZone : undefined;
  return useCallback((iso: string) => formatWhen(iso, lang, timeZone), [lang, timeZone]);
}
