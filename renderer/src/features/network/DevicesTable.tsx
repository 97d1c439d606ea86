// The devices HQ approved: who holds each, in which role and post(s), and the code of the key
// that alone may sign for it (what HQ compared by phone when approving).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { postCity, type NetworkProfile } from '../../../../shared/identity/index.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useFingerprintCodes } from '../setup/useFingerprintCodes.ts';
import { formatIssued } from '../setup/VerifyStep.tsx';

export function DevicesTable({ profile }: { profile: NetworkProfile }) {
  const { t } = useTranslation();
  const lang = useLang();
  const keys = useMemo(() => profile.devices.map((d) => d.signingKey), [profile]);
  const codes = useFingerprintCodes(keys);
  const cityOf = (code: string) => postCity(profile.posts, code, lang);
  const postsOf = (device: NetworkProfile['devices'][number]) => {
    if (device.postCode) return cityOf(device.postCode);
    // A lead's scope is the leads list, whatever its card asked for.
    const lead = profile.leads.find((l) => l.officerId === device.officerId);
    return (lead?.posts ?? device.posts ?? []).map(cityOf).join(', ');
  };
  return (
    <table className="editor-table" data-testid="devices">
      <caption className="visually-hidden">{t('network.devices')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('network.device.name')}</th>
          <th scope="col">{t('network.device.role')}</th>
          <th scope="col">{t('network.device.posts')}</th>
          <th scope="col">{t('network.device.code')}</th>
          <th scope="col">{t('network.device.approved')}</th>
        </tr>
      </thead>
      <tbody>
        {profile.devices.map((device, i) => (
          <tr key={device.deviceId}>
            <td>
              {device.name} <span className="hint">({device.officerId})</span>
            </td>
            <td>{t(`network.device.role_${device.role}`)}</td>
            <td>{postsOf(device)}</td>
            <td>
              <code>{codes[i]}</code>
            </td>
            <td>{formatIssued(device.approvedAt, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
