// The devices HQ approved: who holds each, in which role and post(s), the code of the key
// that alone may sign for it (what HQ compared by phone when approving), and whether HQ
// revoked it. A device not yet revoked can be, after a confirmation that says what it means.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  postCity,
  type ApprovedDevice,
  type NetworkProfile,
} from '../../../../shared/identity/index.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useFingerprintCodes } from '../../ui/useFingerprintCodes.ts';
import { formatIssued } from '../../ui/HqCode.tsx';
import { Holder } from '../../ui/DeviceCard.tsx';
import { ModalQuestion } from '../../kernel/ModalQuestion.tsx';
import { focusSoon } from '../../ui/focus.ts';

export function DevicesTable({
  profile,
  onRevoke,
  busy = false,
}: {
  profile: NetworkProfile;
  /** HQ's Network screen: revoke (issue the next profile). Absent: read only. */
  /** Resolves false when the revocation was refused (the screen shows why). */
  onRevoke?: (device: ApprovedDevice) => Promise<boolean>;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [confirming, setConfirming] = useState<string | null>(null);
  // The device just confirmed: once the new profile shows it revoked, the focus moves to its
  // "Revoked on" (its button is gone, and was disabled meanwhile: the focus was on the body).
  const [landing, setLanding] = useState<string | null>(null);
  const revokedNote = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!landing) return;
    if (profile.devices.some((d) => d.deviceId === landing && d.revokedAt !== undefined)) {
      revokedNote.current?.focus();
      setLanding(null);
    }
  }, [landing, profile]);
  const keys = useMemo(() => profile.devices.map((d) => d.signingKey), [profile]);
  const codes = useFingerprintCodes(keys);
  const cityOf = (code: string) => postCity(profile.posts, code, lang);
  const postsOf = (device: ApprovedDevice) => {
    if (device.postCode) return cityOf(device.postCode);
    // A lead's scope is the leads list, whatever its card asked for.
    const lead = profile.leads.find((l) => l.officerId === device.officerId);
    return (lead?.posts ?? device.posts ?? []).map(cityOf).join(', ');
  };
  const target = profile.devices.find((d) => d.deviceId === confirming);
  return (
    <>
      <table className="editor-table" data-testid="devices">
        <caption className="visually-hidden">{t('network.devices')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('network.device.name')}</th>
            <th scope="col">{t('network.device.role')}</th>
            <th scope="col">{t('network.device.posts')}</th>
            <th scope="col">{t('network.device.code')}</th>
            <th scope="col">{t('network.device.approved')}</th>
            <th scope="col">{t('network.device.status')}</th>
          </tr>
        </thead>
        <tbody>
          {profile.devices.map((device, i) => (
            <tr key={device.deviceId} data-device={device.deviceId}>
              <td>
                <Holder name={device.name} officerId={device.officerId} />
              </td>
              <td>{t(`network.device.role_${device.role}`)}</td>
              <td>{postsOf(device)}</td>
              <td>
                <code>{codes[i]}</code>
              </td>
              <td>{formatIssued(device.approvedAt, lang)}</td>
              <td>
                {device.revokedAt !== undefined ? (
                  <strong
                    className="revoked-note"
                    tabIndex={-1}
                    ref={device.deviceId === landing ? revokedNote : undefined}
                  >
                    {t('network.device.revokedOn', {
                      date: formatIssued(device.revokedAt, lang),
                    })}
                  </strong>
                ) : (
                  <>
                    {t('network.device.active')}{' '}
                    {onRevoke && device.role !== 'hq' ? (
                      <button
                        type="button"
                        aria-label={t('network.device.revokeLabel', { name: device.name })}
                        disabled={busy}
                        onClick={() => setConfirming(device.deviceId)}
                      >
                        {t('network.device.revoke')}
                      </button>
                    ) : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* A modal question, as every confirmation: it had been a panel under the last row,
          far from the row chosen, deaf to Escape, and its Cancel left the focus on the page's
          body. The native dialog gives the focus back to the row's button on Cancel. */}
      <ModalQuestion
        open={target !== undefined && onRevoke !== undefined}
        title={t('network.device.confirmRevokeTitle', {
          name: target?.name ?? '',
          officerId: target?.officerId ?? '',
        })}
        confirmLabel={t('network.device.confirmRevokeButton', { version: profile.version + 1 })}
        cancelLabel={t('network.device.cancel')}
        tone="danger"
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          setConfirming(null);
          if (!target || !onRevoke || busy) return;
          setLanding(target.deviceId);
          void onRevoke(target).then((done) => {
            if (done) return;
            // Refused: the device is still active; the focus goes back to its button.
            setLanding(null);
            focusSoon(() => {
              const row = [...document.querySelectorAll<HTMLElement>('tr[data-device]')].find(
                (r) => r.dataset.device === target.deviceId,
              );
              const button = row?.querySelector('button');
              // Enabled again once the screen is no longer busy.
              return button && !button.disabled ? button : null;
            });
          });
        }}
      >
        <p>{t('network.device.confirmRevoke')}</p>
      </ModalQuestion>
    </>
  );
}
