/** Statements of guiding cases (table: migrations/1733000000000-guiding-cases.ts). */

const COLUMNS = `c.id, c.work_order_id, c.work_order_number, c.region, c.category, c.title, c.summary, c.handling, c.basis, c.state,
  c.proposed_by, c.proposed_at, c.reviewed_by, c.reviewed_at, c.review_comment, c.published_at,
  c.withdrawn_by, c.withdrawn_at, c.withdraw_reason, c.updated_at`;

export const insertCase = `
  INSERT INTO guiding_case (id, work_order_id, work_order_number, region, category, title, summary, handling, basis, state,
    terms, title_terms, proposed_by, proposed_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'proposed', $10, $11, $12, $13, $13)`;

export const liveCaseOfOrder = `SELECT id, state FROM guiding_case WHERE work_order_id = $1 AND state IN ('proposed', 'published')`;

export const caseById = `SELECT ${COLUMNS} FROM guiding_case c WHERE c.id = $1`;

export const caseByIdForUpdate = `${caseById} FOR UPDATE`;

export const review = `
  UPDATE guiding_case SET state = $2, reviewed_by = $3, reviewed_at = $4, review_comment = $5,
    published_at = CASE WHEN $2 = 'published' THEN $4 ELSE published_at END, updated_at = $4
  WHERE id = $1`;

export const withdraw = `
  UPDATE guiding_case SET state = 'withdrawn', withdrawn_by = $2, withdrawn_at = $3, withdraw_reason = $4, updated_at = $3
  WHERE id = $1`;

/**
 * Matching: cases sharing at least one search term with the query (GIN on `terms`), ranked by
 * how many distinct query terms they share, title terms counted twice, then newest first.
 * Without query terms every case of the filter matches with score 0.
 */
export function search(where: string, termsParam: string, page: string): string {
  return `
    SELECT ${COLUMNS},
      (SELECT count(*) FROM unnest(${termsParam}::text[]) q WHERE q = ANY (c.terms))
      + (SELECT count(*) FROM unnest(${termsParam}::text[]) q WHERE q = ANY (c.title_terms)) AS score
    FROM guiding_case c
    ${where}
    ORDER BY score DESC, coalesce(c.published_at, c.proposed_at) DESC, c.id
    ${page}`;
}

export function count(where: string): string {
  return `SELECT count(*)::int AS count FROM guiding_case c ${where}`;
}
