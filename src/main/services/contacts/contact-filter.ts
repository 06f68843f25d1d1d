import { phoneDigitsQuery } from '../../../shared/search-text';
import { ftsMatch } from '../../search/search-match';
import type { ContactScope } from './contact-access';

export interface ContactFilter {
  search?: string | undefined;
  tag?: string | undefined;
  dueToday?: boolean | undefined;
}

export interface FilterSql {
  where: string[];
  params: Record<string, string | number>;
}

/**
 * The list's and the export's filters as SQL over `contacts c`, within what the caller may see. Names and emails are found
 * through the full-text index (normalised Arabic, word beginnings, behind the article and
 * clitics); a phone in any typed form by any run of its digits, which every stored E.164 form contains.
 */
export function contactFilterSql(filter: ContactFilter, todayMs: number, scope: ContactScope | null, form: 'ordered' | 'set' = 'ordered'): FilterSql {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  // The caller's own contacts first: every page, count and export goes through here.
  if (scope) {
    where.push(form === 'set' ? scope.whereSet : scope.where);
    Object.assign(params, scope.params);
  }
  const search = filter.search?.trim() ?? '';
  if (search) {
    const either: string[] = [];
    const names = ftsMatch(search, 'names');
    if (names) {
      either.push('c.id in (select rowid from contacts_fts where contacts_fts match @fts)');
      params.fts = names;
    }
    const digits = phoneDigitsQuery(search);
    if (digits) {
      // Any run of the phone's digits, through the trigram index.
      either.push('c.id in (select rowid from contacts_phone_fts where contacts_phone_fts match @digits)');
      params.digits = `"${digits}"`;
    }
    // A query with nothing searchable in it (only punctuation) finds nothing rather than everything.
    where.push(either.length > 0 ? `(${either.join(' or ')})` : '0');
  }
  if (filter.tag) {
    where.push('exists (select 1 from json_each(c.tags) where json_each.value = @tag)');
    params.tag = filter.tag;
  }
  if (filter.dueToday) {
    where.push('c.follow_up_date = @today');
    params.today = todayMs;
  }
  return { where, params };
}
