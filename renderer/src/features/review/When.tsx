// A time as the post's people read it, its zone named, and as the viewer reads it when the
// viewer's clock shows another time (a lead in Ottawa reading a note written in Bogotá).
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang.ts';
import { formatInZones } from '../../ui/format.ts';

/** The zone this computer's clock is set to: the viewer's. */
export function viewerTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export function When({ ms, timeZone }: { ms: number; timeZone: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { post, viewer } = formatInZones(ms, lang, timeZone, viewerTimeZone());
  return (
    <>
      <time dateTime={new Date(ms).toISOString()}>{post}</time>
      {viewer ? (
        <span className="secondary when-viewer"> {t('when.yours', { time: viewer })}</span>
      ) : null}
    </>
  );
}
