import { useState } from 'react';
import type { ContactView } from '../../../../shared/contacts/types';
import type { ConversationView } from '../../../../shared/inbox/types';
import type { PublicUser } from '../../../../shared/users/types';
import { Icon } from '../../components/icons';
import { useT } from '../../i18n/use-t';
import { ContactFormDialog } from '../contacts/ContactFormDialog';
import { ContactPanel } from '../contacts/ContactPanel';
import { useContactPanelOpen, useContactPanelStore } from './contact-panel-store';
import { PropertyInterests } from './PropertyInterests';
import { ConversationViewings } from '../viewings/ConversationViewings';
import { ConversationOffers } from '../offers/ConversationOffers';
import { ConversationAutomations } from '../automation/ConversationAutomations';

/** The thread header's button that shows or hides the contact panel. */
export function ContactPanelToggle() {
  const t = useT();
  const open = useContactPanelOpen();
  const label = open ? t('contactPanel.hide') : t('contactPanel.show');
  return (
    <button
      type="button"
      className={open ? 'button button-small button-secondary is-active' : 'button button-small button-ghost'}
      aria-pressed={open}
      aria-controls="inbox-contact-panel"
      onClick={() => useContactPanelStore.getState().setOpen(!open)}
      title={label}
      aria-label={label}
      data-testid="contact-panel-toggle"
    >
      <Icon name="profile" className="icon icon-small" />
    </button>
  );
}

/** The open conversation's contact, beside the thread on its inline-end side: the Contacts page's panel. */
export function InboxContactPanel({ conversation, user }: { conversation: ConversationView; user: PublicUser }) {
  const t = useT();
  const open = useContactPanelOpen();
  const [editing, setEditing] = useState<ContactView | null>(null);
  if (!open) return null;
  return (
    <aside className="inbox-contact" id="inbox-contact-panel" aria-label={t('contactPanel.label')} data-testid="inbox-contact-panel">
      <div className="inbox-contact-bar">
        <span className="inbox-contact-bar-title">{t('contactPanel.label')}</span>
        <button
          type="button"
          className="button button-small button-ghost"
          onClick={() => useContactPanelStore.getState().setOpen(false)}
          aria-label={t('contactPanel.hide')}
          title={t('contactPanel.hide')}
          data-testid="contact-panel-close"
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <ContactPanel key={conversation.contact.id} id={conversation.contact.id} me={user} conversationId={conversation.id} onEdit={setEditing} />
      <PropertyInterests key={`interests-${conversation.id}`} conversationId={conversation.id} />
      <ConversationViewings key={`viewings-${conversation.id}`} conversationId={conversation.id} user={user} />
      <ConversationOffers key={`offers-${conversation.id}`} conversationId={conversation.id} />
      <ConversationAutomations key={`automations-${conversation.id}`} conversationId={conversation.id} />
      {editing ? <ContactFormDialog contact={editing} onClose={() => setEditing(null)} onSaved={() => undefined} /> : null}
    </aside>
  );
}
