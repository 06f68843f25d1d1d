import { useEffect, useState } from 'react';
import type { CloudHealth } from '../../../../shared/cloud/types';
import type { PublicUser } from '../../../../shared/users/types';
import { call, onEvent } from '../../api/client';
import { useT } from '../../i18n/use-t';
import { useRouteStore } from '../../stores/route-store';

/** Says on every page when Cloud API messages cannot arrive; admins get a way to the fix. */
export function CloudBanner({ user }: { user: PublicUser }) {
  const t = useT();
  const navigate = useRouteStore((state) => state.navigate);
  const [health, setHealth] = useState<CloudHealth | null>(null);
  useEffect(() => {
    let live = true;
    void call('cloud.health', {})
      .then((next) => live && setHealth(next))
      .catch(() => undefined);
    const stop = onEvent('cloud.health.changed', ({ health: next }) => setHealth(next));
    return () => {
      live = false;
      stop();
    };
  }, [user.id]);
  if (!health?.problem) return null;
  return (
    <div className="cloud-banner" role="status" data-testid="cloud-banner">
      <span>{t(`cloud.banner.${health.problem}`)}</span>
      {user.role === 'admin' ? (
        <button type="button" className="button button-small button-secondary" onClick={() => navigate('cloud')} data-testid="cloud-banner-open">
          {t('cloud.banner.open')}
        </button>
      ) : null}
    </div>
  );
}
