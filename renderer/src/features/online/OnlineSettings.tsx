// Settings › Online sync: the relay folder's address and this device's credentials. The
// password is sealed under the vault key on save; "Sync now" runs at once. When HQ's signed
// profile sets the relay, its address and interval show read-only: only credentials are typed.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  clearRelaySettings,
  relaySummary,
  relayUrl,
  saveRelaySettings,
} from '../../db/online/config.ts';
import { getNetworkProfile } from '../../db/identity.ts';
import { useServices } from '../../kernel/services.tsx';
import { syncNow } from './online-sync.ts';
import './online.css';

export function OnlineSettings() {
  const { t } = useTranslation();
  const { db, platform, vault } = useServices();
  const summary = useLiveQuery(() => relaySummary(db), [db]);
  const fromHq = useLiveQuery(async () => (await getNetworkProfile(db))?.relay ?? null, [db]);
  const [typedUrl, setUrl] = useState('');
  const url = fromHq ? fromHq.url : typedUrl;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // A message key, not its text: it follows a language switch.
  const [message, setMessage] = useState<
    'online.badUrl' | 'online.saved' | 'online.savedSession' | 'online.saveFailed' | null
  >(null);

  if (!platform.remote) return <p>{t('online.unavailable')}</p>;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const key = vault.key;
    if (relayUrl(url) === null) {
      setMessage('online.badUrl');
      return;
    }
    if (!key) return;
    void saveRelaySettings(db, key, { url, username, password }, platform.relayCredentials).then(
      (kept) => {
        setPassword('');
        setMessage(kept === 'session' ? 'online.savedSession' : 'online.saved');
      },
      () => setMessage('online.saveFailed'),
    );
  };

  return (
    <div className="online-settings">
      <p>{t('online.hint')}</p>
      {summary ? (
        <p data-testid="relay-configured">
          {t('online.configured', { url: fromHq?.url ?? summary.url, username: summary.username })}
        </p>
      ) : null}
      {fromHq ? (
        <p className="notice info" id="relay-set-by-hq" data-testid="relay-set-by-hq">
          {t('online.setByHq', { count: fromHq.intervalMinutes })}
        </p>
      ) : null}
      <form onSubmit={onSubmit} aria-label={t('online.heading')}>
        <div className="field">
          <label htmlFor="relay-url">{t('online.url')}</label>
          {fromHq ? (
            <input
              id="relay-url"
              type="url"
              readOnly
              value={fromHq.url}
              aria-describedby="relay-set-by-hq"
            />
          ) : (
            <input
              id="relay-url"
              type="url"
              required
              value={typedUrl}
              onChange={(e) => setUrl(e.target.value)}
            />
          )}
        </div>
        <div className="field">
          <label htmlFor="relay-user">{t('online.username')}</label>
          <input
            id="relay-user"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="relay-password">{t('online.password')}</label>
          <input
            id="relay-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <div className="online-actions">
          <button type="submit">{t('online.save')}</button>
          {summary ? (
            <>
              <button type="button" onClick={() => void syncNow()}>
                {t('online.syncNow')}
              </button>
              <button
                type="button"
                onClick={() => void clearRelaySettings(db, platform.relayCredentials)}
              >
                {t('online.remove')}
              </button>
            </>
          ) : null}
        </div>
      </form>
      {message ? <p role="status">{t(message)}</p> : null}
    </div>
  );
}
