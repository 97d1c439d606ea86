// Last line of defence: a render error shows a message in the person's language with a
// reload button instead of a blank window. Stored data is untouched by a render error.
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Fallback() {
  const { t } = useTranslation();
  return (
    <div role="alert" className="centered">
      <h1>{t('errors.title')}</h1>
      <p>{t('errors.unexpected')}</p>
      <button className="primary" onClick={() => location.reload()}>
        {t('errors.reload')}
      </button>
    </div>
  );
}

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error('Render failed', error);
  }

  override render() {
    return this.state.failed ? <Fallback /> : this.props.children;
  }
}
