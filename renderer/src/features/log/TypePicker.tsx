// Step one of a new entry: choose the activity type, with the digits 1-7 as shortcuts.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CATALOGUE } from '../../../../shared/domain/catalogue.ts';
import { type ActivityTypeId } from '../../../../shared/domain/catalogue-types.ts';
import { useLang } from '../../i18n/useLang.ts';
import { DraftsNotice } from './DraftsNotice.tsx';
import './log.css';

export function TypePicker({ onPick }: { onPick: (type: ActivityTypeId) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const index = Number(e.key) - 1;
      const type = CATALOGUE[index];
      if (Number.isInteger(index) && type) {
        e.preventDefault();
        onPick(type.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onPick]);

  return (
    <section aria-labelledby="pick-heading">
      <h1 id="pick-heading" tabIndex={-1}>
        {t('form.chooseType')}
      </h1>
      <p className="hint">{t('form.chooseTypeHint')}</p>
      <DraftsNotice />
      <ul className="type-grid">
        {CATALOGUE.map((type, i) => (
          <li key={type.id}>
            <button
              ref={i === 0 ? first : undefined}
              data-type={type.id}
              onClick={() => onPick(type.id)}
              aria-keyshortcuts={String(i + 1)}
            >
              <span className="key" aria-hidden="true">
                {i + 1}
              </span>
              <span className="name">{type.label[lang]}</span>
              <span className="desc">{type.description[lang]}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
