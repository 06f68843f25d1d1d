import { useState } from 'react';
import { templateCategories, type TemplateCategory, type TemplateView } from '../../../../shared/templates/types';
import type { PublicUser } from '../../../../shared/users/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { SearchField } from '../../components/SearchField';
import { SelectField } from '../../components/SelectField';
import { useSubmit } from '../../hooks/use-submit';
import { describeError } from '../../i18n/errors';
import { isolate } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { canManageTemplates } from '../shell/access';
import { categoryLabel } from './template-labels';
import { TemplateCard, type TemplateActions } from './TemplateCard';
import { TemplateFormDialog } from './TemplateFormDialog';
import { useDebounced, useTemplates } from './use-templates';

type Open = { kind: 'create' } | { kind: 'edit'; template: TemplateView } | { kind: 'delete'; template: TemplateView } | null;
type ActiveFilter = '' | 'active' | 'inactive';

/** Kept as a key, not a text, so switching the language re-translates it. */
interface Notice {
  key: 'templates.saved' | 'templates.deleted';
  name: string;
}

/** A delete refused because automation rules use the template names them under `id`. */
const removalFields: readonly string[] = ['id'];

export function TemplatesPage({ user }: { user: PublicUser }) {
  const t = useT();
  const manage = canManageTemplates(user.role);
  const [category, setCategory] = useState<TemplateCategory | ''>('');
  const [active, setActive] = useState<ActiveFilter>('');
  const [searchText, setSearchText] = useState('');
  const search = useDebounced(searchText.trim(), 200);
  const filtered = category !== '' || active !== '' || search !== '';
  const templates = useTemplates({
    ...(category ? { category } : {}),
    ...(active ? { isActive: active === 'active' } : {}),
    ...(search ? { search } : {}),
  });
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const removal = useSubmit(removalFields);
  const close = () => setOpen(null);

  async function remove(template: TemplateView) {
    const ok = await removal.run(() => call('templates.delete', { id: template.id }));
    if (!ok) return;
    close();
    setNotice({ key: 'templates.deleted', name: template.name });
    templates.reload();
  }

  const actions: TemplateActions | undefined = manage
    ? {
        onEdit: (template) => setOpen({ kind: 'edit', template }),
        onDelete: (template) => {
          removal.reset();
          setOpen({ kind: 'delete', template });
        },
      }
    : undefined;
  const saved = (template: TemplateView) => {
    setNotice({ key: 'templates.saved', name: template.name });
    templates.reload();
  };

  const categoryOptions: { value: TemplateCategory | ''; label: string }[] = [
    { value: '', label: t('templates.allCategories') },
    ...templateCategories.map((c) => ({ value: c, label: categoryLabel(t, c) })),
  ];
  const activeOptions: { value: ActiveFilter; label: string }[] = [
    { value: '', label: t('templates.allStates') },
    { value: 'active', label: t('templates.activeOnly') },
    { value: 'inactive', label: t('templates.inactiveOnly') },
  ];
  const list = templates.data;
  return (
    <section className="page" data-testid="templates-page">
      <PageHeader
        title={t('templates.title')}
        intro={t('templates.intro')}
        actions={
          manage ? (
            <button type="button" className="button button-primary" onClick={() => setOpen({ kind: 'create' })} data-testid="templates-add">
              <Icon name="plus" />
              {t('templates.add')}
            </button>
          ) : null
        }
      />
      {!manage ? (
        <Alert tone="info" testId="templates-read-only">
          {t('templates.readOnly')}
        </Alert>
      ) : null}
      {notice ? (
        <Alert tone="success" testId="templates-success">
          {t(notice.key, { name: isolate(notice.name) })}
        </Alert>
      ) : null}
      {templates.error ? (
        <Alert tone="error" testId="templates-error">
          {describeError(t, templates.error).formMessage}
        </Alert>
      ) : null}

      <div className="templates-toolbar">
        <SearchField label={t('templates.search')} placeholder={t('templates.searchPlaceholder')} value={searchText} onChange={setSearchText} testId="templates-search" />
        <SelectField<TemplateCategory | ''> name="category" label={t('templates.filterCategory')} hideLabel value={category} options={categoryOptions} onChange={setCategory} testId="templates-category-filter" />
        <SelectField<ActiveFilter> name="active" label={t('templates.filterActive')} hideLabel value={active} options={activeOptions} onChange={setActive} testId="templates-active-filter" />
      </div>

      {list === undefined && !templates.error ? <p className="muted">{t('app.loading')}</p> : null}
      {list?.length === 0 ? (
        <div className="card empty-card" data-testid="templates-empty">
          <span className="empty-card-icon" aria-hidden="true">
            <Icon name="template" />
          </span>
          <p className="empty-card-title">{filtered ? t('templates.noMatches') : t('templates.empty')}</p>
          {manage && !filtered ? <p className="muted">{t('templates.emptyManager')}</p> : null}
        </div>
      ) : null}
      {list && list.length > 0 ? (
        <div className="template-grid" data-testid="templates-list" aria-busy={templates.loading}>
          {list.map((template) => (
            <TemplateCard key={template.id} template={template} actions={actions} />
          ))}
        </div>
      ) : null}

      {open?.kind === 'create' ? <TemplateFormDialog onClose={close} onSaved={saved} /> : null}
      {open?.kind === 'edit' ? <TemplateFormDialog template={open.template} onClose={close} onSaved={saved} /> : null}
      {open?.kind === 'delete' ? (
        <ConfirmDialog
          title={t('templates.deleteTitle')}
          message={t('templates.confirmDelete', { name: isolate(open.template.name) })}
          confirmLabel={t('templates.delete')}
          danger
          pending={removal.pending}
          error={removal.shown.formMessage ?? removal.shown.fields.id}
          onConfirm={() => void remove(open.template)}
          onCancel={close}
        />
      ) : null}
    </section>
  );
}
