import { useLive } from '../../data/react';
import { useTranslation } from '../../i18n';
import { MainCourantePage } from '../main-courante/MainCourantePage';
import { ThreadPage } from '../main-courante/ThreadPage';

/**
 * `/main-courante` for a client account: the thread itself when the account has one client (the
 * usual case), the list of its clients' threads for a group's account. The threads are the
 * staff's own screens; what the account reads and may write there is the server's rule
 * (internal entries never reach it; it writes information, requests and incidents as itself).
 */
export function MainCouranteHome({ clientId }: { clientId: string | undefined }) {
  const { t } = useTranslation('main-courante');
  const clients = useLive((d) => d.clients.all$(), []).data;
  if (clientId) return <ThreadPage key={clientId} clientId={clientId} />;
  if (!clients) return <p className="page muted">{t('loading')}</p>;
  const only = clients.length === 1 ? clients[0] : undefined;
  return only ? <ThreadPage key={only.id} clientId={only.id} withBackLink={false} /> : <MainCourantePage />;
}
