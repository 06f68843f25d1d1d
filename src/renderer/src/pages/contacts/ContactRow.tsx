import type { ContactView } from '../../../../shared/contacts/types';
import { highlightRanges } from '../../../../shared/search-text';
import { Badge } from '../../components/Badge';
import { Highlighted } from '../../components/Highlighted';
import { Icon } from '../../components/icons';
import { phoneRanges } from '../../format/highlight';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { followUpLabel, followUpState, followUpTone } from './contact-labels';

/** Must match `.contact-row`'s block size in contacts.css. */
export const contactRowHeight = 68;
const shownTags = 2;

interface ContactRowProps {
  contact: ContactView;
  selected: boolean;
  search: string;
  onOpen(id: number): void;
}

export function ContactRow({ contact, selected, search, onOpen }: ContactRowProps) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const extraTags = contact.tags.length - shownTags;
  return (
    <button
      type="button"
      className={selected ? 'list-row contact-row is-selected' : 'list-row contact-row'}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onOpen(contact.id)}
      data-testid={`contact-row-${contact.id}`}
    >
      <span className="avatar contact-avatar" aria-hidden="true">
        {contact.name ? contact.name.trim().charAt(0) : <Icon name="profile" />}
      </span>
      <span className="contact-main">
        <span className="contact-line">
          <span className="contact-name clip-text" data-testid="contact-name">
            <bdi>{contact.name ? <Highlighted text={contact.name} ranges={highlightRanges(contact.name, search, 'names')} /> : t('contacts.noName')}</bdi>
          </span>
          {contact.followUpDate ? (
            <Badge tone={followUpTone[followUpState(contact.followUpDate)]}>{followUpLabel(t, contact.followUpDate, language)}</Badge>
          ) : null}
        </span>
        <span className="contact-line contact-meta">
          {contact.phone ? (
            <span className="contact-phone" dir="ltr" data-testid="contact-phone">
              <Highlighted text={contact.phone} ranges={phoneRanges(contact.phone, search)} />
            </span>
          ) : null}
          <span className="contact-tags">
            {contact.tags.slice(0, shownTags).map((tag) => (
              <span key={tag} className="tag-chip" dir="auto">
                {tag}
              </span>
            ))}
            {extraTags > 0 ? (
              <span className="tag-chip tag-chip-more" data-testid="contact-more-tags">
                {/* Isolated: "+2" reads the same after an Arabic tag as after a Latin one. */}
                <bdi dir="ltr">{t('contacts.moreTags', { count: extraTags })}</bdi>
              </span>
            ) : null}
          </span>
        </span>
      </span>
    </button>
  );
}
