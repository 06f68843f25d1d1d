import { termForms, type SearchField } from '../../shared/search-forms';
import { searchTerms } from '../../shared/search-text';

/**
 * A query as an FTS5 MATCH expression over the normalised index: every term must be found,
 * each in any of the word forms it finds (search-forms.ts) — «شقة» as
 * ("شقه"* OR "الشقه"* OR "والشقه"* …). The stored index stays one token per word; the
 * article and clitic forms are looked up at query time (a dozen prefix look-ups per Arabic
 * term, about a millisecond on a million messages, against a fifth more index and a rebuild).
 * Null when the query has no words.
 */
export function ftsMatch(query: string, field: SearchField): string | null {
  const groups = searchTerms(query).map((term) => {
    // Terms hold only letters and digits, so quoting each form is enough.
    const forms = termForms(term, field).map((form) => `"${form.text}"${form.whole ? '' : '*'}`);
    return forms.length === 1 ? forms[0]! : `(${forms.join(' OR ')})`;
  });
  return groups.length > 0 ? groups.join(' AND ') : null;
}
