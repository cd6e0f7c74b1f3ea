import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from '../i18n';

function ScreenLoading() {
  const { t } = useTranslation();
  return (
    <p className="page muted" role="status">
      {t('app.loadingScreen')}
    </p>
  );
}

/**
 * A screen whose code is fetched on its first visit. The team lead's chart screens carry the
 * chart library and its dependencies — about a third of the bundle — which every device would
 * otherwise compile before its first screen (measured: `npm run bench client`, reopen figure).
 * A chunk that cannot load reaches the ErrorBoundary like any other failure, with its reload.
 */
export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> & { preload(): Promise<unknown> } {
  // One fetch, shared by `preload` and the first render.
  let loading: Promise<ComponentType<P>> | null = null;
  const once = () => (loading ??= load());
  const Screen = lazy(async () => ({ default: await once() }));
  function LazyScreen(props: P) {
    return (
      <Suspense fallback={<ScreenLoading />}>
        <Screen {...props} />
      </Suspense>
    );
  }
  // A failed preload is retried by the first visit, which then shows the error.
  LazyScreen.preload = () =>
    once().catch(() => {
      loading = null;
    });
  return LazyScreen;
}
