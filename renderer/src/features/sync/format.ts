// Dates of exchanges (exports, receipts, imports) in the person's language and time zone:
// the post's zone for officers and leads, the computer's own at HQ.
import { useCallback } from 'react';
import { type Language } from '../../../../shared/domain/catalogue-types.ts';
import { getPost } from '../../../../shared/domain/posts.ts';
import { useLang } from '../../i18n/useLang.ts';
import { zoned } from '../../ui/format.ts';

/**
 * An ISO instant as "Mar 4, 2026, 2:05 p.m. EST", its zone named (a lead and HQ read times
 * from posts in other zones); an unparsable string is shown as it is.
 */
export function formatWhen(iso: string, lang: Language, timeZone?: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return zoned(lang, timeZone, true).format(new Date(ms));
}

/** formatWhen bound to the current language and the post's time zone. */
export function useFormatWhen(postCode?: string): (iso: string) => string {
  const lang = useLang();
  const timeZone = postCode ? getPost(postCode)?.timeZone : undefined;
  return useCallback((iso: string) => formatWhen(iso, lang, timeZone), [lang, timeZone]);
}
