/**
 * Search terms of a text, for matching guiding cases without a Chinese-aware full-text parser.
 *
 * PostgreSQL's `to_tsvector` splits on spaces and punctuation, so a Chinese sentence becomes one
 * "word" and nothing matches. We segment in code instead, where Node's ICU has a Chinese word
 * dictionary (`Intl.Segmenter('zh', { granularity: 'word' })`), and store the terms as a
 * `text[]` that PostgreSQL and PGlite both index with GIN. Dictionary segmentation alone misses
 * near-synonyms that share characters (下水道堵塞 / 下水道堵了: 堵塞 ≠ 堵了), so every run of
 * Chinese characters also contributes its character bigrams (下水, 水道, 道堵, …), the classic
 * n-gram approach to CJK retrieval. Single characters are left out: 的, 了, 不 match everything.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN_RUN = /\p{Script=Han}+/gu;

/** At most this many terms per text: a query is bound as one array parameter. */
export const MAX_TERMS = 2000;

export function searchTerms(...texts: ReadonlyArray<string | null | undefined>): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const normal = text.normalize('NFKC').toLowerCase();
    for (const s of segmenter.segment(normal)) {
      if (!s.isWordLike) continue;
      const word = s.segment.trim();
      if ([...word].length >= 2 || /^\d+$/.test(word)) terms.add(word);
    }
    for (const run of normal.match(HAN_RUN) ?? []) {
      const chars = [...run];
      for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i]! + chars[i + 1]!);
    }
  }
  return [...terms].slice(0, MAX_TERMS);
}
