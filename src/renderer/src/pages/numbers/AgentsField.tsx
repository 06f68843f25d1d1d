import { useId } from 'react';
import type { PublicUser } from '../../../../shared/users/types';
import { FieldError } from '../../components/FieldError';
import { useT } from '../../i18n/use-t';

interface AgentsFieldProps {
  /** null while the user list loads. */
  users: PublicUser[] | null;
  selected: number[];
  onChange(agentIds: number[]): void;
  error?: string | undefined;
}

/** "Agents who work this number": a checkbox per active agent (admins and supervisors see every number anyway). */
export function AgentsField({ users, selected, onChange, error }: AgentsFieldProps) {
  const t = useT();
  const id = useId();
  const agents = (users ?? []).filter((u) => u.role === 'agent' && u.isActive).sort((a, b) => a.name.localeCompare(b.name));
  const toggle = (userId: number, on: boolean) => onChange(on ? [...selected, userId] : selected.filter((x) => x !== userId));
  return (
    <fieldset className="field agents-field" aria-describedby={`${id}-hint`} data-testid="number-form-agents">
      <legend className="field-label">{t('find.numberAgents')}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        {t('find.numberAgentsHint')}
      </p>
      {users === null ? (
        <p className="muted agents-note">{t('app.loading')}</p>
      ) : agents.length === 0 ? (
        <p className="muted agents-note">{t('find.numberAgentsNone')}</p>
      ) : (
        <div className="agents-options">
          {agents.map((agent) => (
            <label key={agent.id} className="agents-option">
              <input
                type="checkbox"
                checked={selected.includes(agent.id)}
                onChange={(event) => toggle(agent.id, event.target.checked)}
                data-testid={`number-form-agent-${agent.email}`}
              />
              <span className="agents-option-name">{agent.name}</span>
            </label>
          ))}
        </div>
      )}
      <FieldError id={`${id}-error`} field="agentIds" message={error} />
    </fieldset>
  );
}
