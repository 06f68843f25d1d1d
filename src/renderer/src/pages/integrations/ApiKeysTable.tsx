import type { ApiKeyView } from '../../../../shared/integrations/types';
import type { NumberView } from '../../../../shared/numbers/types';
import { useOfficeFormat } from '../../format/use-office-format';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';

const stateTone = { active: 'badge-green', expired: 'badge-gray', revoked: 'badge-red' } as const;

/** The office's keys: a handful, so a plain table (no secret: only its prefix). */
export function ApiKeysTable({ keys, numbers, onRevoke }: { keys: ApiKeyView[]; numbers: NumberView[]; onRevoke(key: ApiKeyView): void }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  // The office's zone, digits and calendar, redrawn when an admin changes them.
  const { formatDateTime } = useOfficeFormat();
  const comma = language === 'ar' ? '، ' : ', ';
  const numberName = (id: number) => numbers.find((n) => n.id === id)?.name ?? `#${id}`;
  if (keys.length === 0) return <p className="table-empty">{t('integrations.keys.empty')}</p>;
  return (
    <table className="table" data-testid="api-keys-table">
      <thead>
        <tr>
          <th>{t('integrations.keys.name')}</th>
          <th>{t('integrations.keys.prefix')}</th>
          <th>{t('integrations.keys.scopes')}</th>
          <th>{t('integrations.keys.numbers')}</th>
          <th>{t('integrations.keys.owner')}</th>
          <th>{t('integrations.keys.created')}</th>
          <th>{t('integrations.keys.lastUsed')}</th>
          <th>{t('integrations.keys.expires')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.id} data-testid={`api-key-row-${key.id}`}>
            <td>
              {key.name} <span className={`badge ${stateTone[key.state]}`} data-testid="api-key-state">{t(`integrations.keys.state.${key.state}`)}</span>
            </td>
            <td>
              <code dir="ltr">{key.prefix}…</code>
            </td>
            <td>{key.scopes.map((s) => t(`integrations.scope.${s}`)).join(comma)}</td>
            <td>{key.numberIds ? key.numberIds.map(numberName).join(comma) : t('integrations.keys.allNumbers')}</td>
            <td>{key.owner.name}</td>
            <td>{formatDateTime(key.createdAt)}</td>
            <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : t('integrations.keys.never')}</td>
            <td>{key.expiresAt ? formatDateTime(key.expiresAt) : t('integrations.keys.noExpiry')}</td>
            <td>
              {key.state === 'active' ? (
                <button type="button" className="button button-secondary button-small" onClick={() => onRevoke(key)} data-testid={`api-key-revoke-${key.id}`}>
                  {t('integrations.keys.revoke')}
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
