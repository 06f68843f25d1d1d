import { phoneDigitsQuery, searchTerms } from '../../../shared/search-text';

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
 * The list's and the export's filters as SQL over `contacts c`. Names and emails are found
 * through the full-text index (normalised Arabic, prefixes); a phone in any typed form by its
 * digits, which every stored E.164 form contains.
 */
export function contactFilterSql(filter: ContactFilter, todayMs: number): FilterSql {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  const search = filter.search?.trim() ?? '';
  if (search) {
    const either: string[] = [];
    const terms = searchTerms(search);
    if (terms.length > 0) {
      either.push('c.id in (select rowid from contacts_fts where contacts_fts match @fts)');
      // Terms hold only letters and digits, so quoting each is enough; `*` finds word beginnings.
      params.fts = terms.map((term) => `"${term}"*`).join(' ');
    }
    const digits = phoneDigitsQuery(search);
    if (digits) {
      either.push("c.phone like '%' || @digits || '%'");
      params.digits = digits;
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
