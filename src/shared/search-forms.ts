/**
 * Which written words a search term finds — one definition for the core's full-text query and
 * the renderer's highlighting, both over normalised text (search-text.ts).
 *
 * A term finds the words that begin with it. An Arabic term also finds itself behind the
 * article and the clitics written onto it (الشقة، والشقة، بالشقة، للشقة … for «شقة»); a term
 * typed with the article finds it behind a clitic too («الرياض» finds «بالرياض», «للرياض»).
 * Only after the article: a bare و/ب/ل/ف/ك is as often the word's own first letter (ورقة، بيت،
 * فيلا، كبير), so stripping it would find unrelated words.
 *
 * The minimum: a term of one character, or one that is only an article or clitic (ال، وال، لل …),
 * finds that whole word only — as a prefix it would find nearly every word.
 */

/** Article forms a word may start with (normalised), longest first so the longest one is taken. */
export const arabicPrefixes = ['وبال', 'فبال', 'وكال', 'فكال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال'] as const;

const article = 'ال';
/** Letters a stem needs after the article before it is looked for behind other prefixes. */
const minStem = 2;
/** Latin names often carry the Arabic article joined on (Alharbi, Elsayed): "harbi" finds them. */
const latinNamePrefixes = ['al', 'el'] as const;
const minLatinNameStem = 3;

const arabicLetter = /^\p{Script=Arabic}/u;
const latinLetter = /^[a-z]/;
const prefixOnly = new Set<string>(arabicPrefixes);

export interface TermForm {
  /** A word matches when it begins with this (normalised) text, or equals it when `whole`. */
  text: string;
  whole: boolean;
  /** Where in the word the highlight starts: the article or clitic in front is not marked. */
  markFrom: number;
}

/** What is searched: message text, or customer names and emails (where Latin names may carry "al"). */
export type SearchField = 'text' | 'names';

/** The word beginnings a normalised term finds, the term itself first. */
export function termForms(term: string, field: SearchField): TermForm[] {
  if (term.length < 2 || prefixOnly.has(term)) return [{ text: term, whole: true, markFrom: 0 }];
  const forms: TermForm[] = [{ text: term, whole: false, markFrom: 0 }];
  if (arabicLetter.test(term)) {
    const typedArticle = term.startsWith(article);
    // «الم» is too short a stem to look for behind other prefixes: it stays a plain prefix.
    if (typedArticle && term.length - article.length < minStem) return forms;
    const stem = typedArticle ? term.slice(article.length) : term;
    for (const prefix of arabicPrefixes) {
      if (typedArticle && prefix === article) continue;
      // With the article typed, the highlight keeps it: «الرياض» in «بالرياض», «لرياض» in «للرياض».
      const markFrom = typedArticle ? prefix.length - (prefix.endsWith(article) ? article.length : 1) : prefix.length;
      forms.push({ text: prefix + stem, whole: false, markFrom });
    }
  } else if (field === 'names' && latinLetter.test(term) && term.length >= minLatinNameStem) {
    for (const prefix of latinNamePrefixes) forms.push({ text: prefix + term, whole: false, markFrom: prefix.length });
  }
  return forms;
}

/** The part of a normalised word a term finds, as [start, end) in the word, or null. */
export function matchInWord(word: string, forms: readonly TermForm[]): [number, number] | null {
  for (const form of forms) {
    if (form.whole ? word === form.text : word.startsWith(form.text)) return [form.markFrom, form.text.length];
  }
  return null;
}
