import { useState } from 'react';
import type { ContactView } from '../../../../shared/contacts/types';
import { formatMoney } from '../../../../shared/money';
import { Icon } from '../../components/icons';
import { officeDigits } from '../../format/office-digits';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { ContactPreferencesDialog } from './ContactPreferencesDialog';

/** What the contact looks for, in the contact panel: a matching new or newly available property is sent to them. */
export function ContactPreferences({ contact, onSaved }: { contact: ContactView; onSaved(): void }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const [editing, setEditing] = useState(false);
  const p = contact.preferences;
  const money = (amount: number) => formatMoney(amount, language, officeDigits());
  const budget =
    p.budgetMin !== null && p.budgetMax !== null
      ? t('contactPrefs.budgetRange', { min: money(p.budgetMin), max: money(p.budgetMax) })
      : p.budgetMin !== null
        ? t('contactPrefs.budgetFrom', { min: money(p.budgetMin) })
        : p.budgetMax !== null
          ? t('contactPrefs.budgetTo', { max: money(p.budgetMax) })
          : null;
  const facts: [string, string, string][] = [];
  if (budget) facts.push(['budget', t('contactPrefs.budget'), budget]);
  if (p.city) facts.push(['city', t('contactPrefs.city'), p.city]);
  if (p.districts.length) facts.push(['districts', t('contactPrefs.districts'), p.districts.join('، ')]);
  if (p.propertyTypes.length) facts.push(['types', t('contactPrefs.types'), p.propertyTypes.map((type) => t(`propertyType.${type}`)).join(language === 'ar' ? '، ' : ', ')]);
  if (p.bedrooms !== null) facts.push(['bedrooms', t('contactPrefs.bedrooms'), t('contactPrefs.bedroomsAtLeast', { count: p.bedrooms })]);

  return (
    <section className="contact-section" aria-labelledby="contact-preferences-title" data-testid="contact-panel-preferences">
      <div className="contact-section-head">
        <h3 className="contact-section-title" id="contact-preferences-title">
          {t('contactPrefs.title')}
        </h3>
        <button type="button" className="button button-small button-ghost" onClick={() => setEditing(true)} data-testid="contact-preferences-edit">
          <Icon name="edit" className="icon icon-small" />
          {t('contactPrefs.edit')}
        </button>
      </div>
      {facts.length === 0 ? (
        <p className="muted">{t('contactPrefs.none')}</p>
      ) : (
        <dl className="contact-facts">
          {facts.map(([key, label, value]) => (
            <div key={key} className="contact-fact" data-testid={`contact-preferences-${key}`}>
              <dt>{label}</dt>
              <dd>
                <bdi>{value}</bdi>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {editing ? <ContactPreferencesDialog contact={contact} onClose={() => setEditing(false)} onSaved={onSaved} /> : null}
    </section>
  );
}
