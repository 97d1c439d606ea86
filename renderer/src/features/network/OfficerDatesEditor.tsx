// HQ sets when each officer started and left its post (optional): completeness then expects
// its reports only in between. The profile lists officers by their approved devices, so the
// dates sit on each officer device; an officer with two laptops shows twice.
import { useTranslation } from 'react-i18next';
import { postCity, type NetworkProfile } from '../../../../shared/identity/index.ts';
import { useLang } from '../../i18n/useLang.ts';
import { Holder } from '../../ui/DeviceCard.tsx';
import { type OfficerDates } from './issue-profile.ts';

export function OfficerDatesEditor({
  profile,
  dates,
  onChange,
}: {
  profile: NetworkProfile;
  dates: Readonly<Record<string, OfficerDates>>;
  onChange: (dates: Record<string, OfficerDates>) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const officers = profile.devices.filter((d) => d.role === 'officer');
  if (officers.length === 0) return <p className="hint">{t('network.officers.none')}</p>;
  const set = (deviceId: string, patch: Partial<OfficerDates>) => {
    const before = dates[deviceId] ?? { startOn: '', endOn: '' };
    onChange({ ...dates, [deviceId]: { ...before, ...patch } });
  };
  return (
    <div className="editor">
      <p className="hint">{t('network.officers.intro')}</p>
      <div className="table-scroll">
        <table className="editor-table" data-testid="officer-dates">
          <caption className="visually-hidden">{t('network.officers.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('network.device.name')}</th>
              <th scope="col">{t('network.posts.post')}</th>
              <th scope="col">{t('network.officers.startOn')}</th>
              <th scope="col">{t('network.officers.endOn')}</th>
            </tr>
          </thead>
          <tbody>
            {officers.map((device) => {
              const { startOn, endOn } = dates[device.deviceId] ?? { startOn: '', endOn: '' };
              const wrong = startOn !== '' && endOn !== '' && endOn < startOn;
              const errorId = `officer-dates-error-${device.deviceId}`;
              return (
                <tr key={device.deviceId}>
                  <td>
                    <Holder name={device.name} officerId={device.officerId} />
                  </td>
                  <td>{postCity(profile.posts, device.postCode ?? '', lang)}</td>
                  <td>
                    <input
                      type="date"
                      value={startOn}
                      aria-label={t('network.officers.startLabel', { name: device.name })}
                      onChange={(e) => set(device.deviceId, { startOn: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      type="date"
                      value={endOn}
                      aria-label={t('network.officers.endLabel', { name: device.name })}
                      aria-invalid={wrong || undefined}
                      aria-describedby={wrong ? errorId : undefined}
                      onChange={(e) => set(device.deviceId, { endOn: e.target.value })}
                    />
                    {wrong ? (
                      <p className="error" id={errorId} role="alert">
                        {t('network.officers.datesOrder')}
                      </p>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
