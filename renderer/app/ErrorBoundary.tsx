import { Component, type ErrorInfo, type ReactNode } from 'react';
import { i18n } from '../i18n';

type State = { error: Error | null };

/** Last-resort catch: a broken screen shows an error and a reload, never a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Cadran: unhandled UI error', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="page">
        <h1>{i18n.t('errors.title')}</h1>
        <pre className="error-detail">{this.state.error.message}</pre>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          {i18n.t('errors.reload')}
        </button>
      </div>
    );
  }
}
