// Bundles announced by a sender that never arrived ("A bundle from officer X at post Y is
// missing"), from the receiver's coverage ranges; the change numbers are one click away.
import { useTranslation } from 'react-i18next';
import { type NetworkProfile } from '../../../../shared/identity/profile.ts';
import { useLang } from '../../i18n/useLang.ts';
import { type DeviceGapView } from '../../db/exchange/api.ts';
import { gapDetail, gapLine, translateLine } from './report-lines.ts';

interface Props {
  gaps: readonly DeviceGapView[];
  profile: NetworkProfile | undefined;
}

export function GapList({ gaps, profile }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section className="sync-card" aria-labelledby="sync-gaps-heading" data-testid="sync-gaps">
      <h2 id="sync-gaps-heading">{t('sync.gaps.heading')}</h2>
      {gaps.length === 0 ? (
        <p className="hint">{t('sync.gaps.none')}</p>
      ) : (
        <>
          <ul className="sync-gap-list">
            {gaps.map((gap) => (
              <li key={`${gap.sender.deviceId}/${gap.from}`} data-testid="sync-gap">
                <span data-testid="sync-gap-line">
                  {translateLine(t, gapLine(gap, profile, lang))}
                </span>
                <details className="sync-detail">
                  <summary>{t('sync.export.detailToggle')}</summary>
                  <p data-testid="sync-gap-detail">
                    {translateLine(t, gapDetail(gap))} {t('sync.report.device')}{' '}
                    <code className="sync-code">{gap.sender.fingerprint}</code>
                  </p>
                </details>
              </li>
            ))}
          </ul>
          <p className="hint">{t('sync.gaps.hint')}</p>
        </>
      )}
    </section>
  );
}
