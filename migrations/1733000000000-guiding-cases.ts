import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Guiding cases (指导案例, seed 001 art. 11; docs/guiding-cases.md): solved work orders written
 * up as guidance for similar ones, proposed, reviewed and published.
 *
 * - The case keeps the order's id, number, region and category, never the requester: cases are
 *   read by every unit and may be published outside the government, and the requester never
 *   agreed to that. The text is written by the proposer, not copied from the order's content.
 * - `state`: proposed → published | rejected; proposed or published → withdrawn.
 *   At most one proposed or published case per order (partial unique index), so two proposals
 *   of the same order cannot race past each other.
 * - `terms` / `title_terms`: search terms computed in code (Intl.Segmenter words plus
 *   character bigrams, see src/guiding-cases/search-terms.ts). PostgreSQL's full-text parser
 *   does not segment Chinese, and pg_trgm is neither installed on every server nor loaded in
 *   embedded PGlite, so matching is array overlap on a GIN index, which both have built in.
 */
export class GuidingCases1733000000000 implements MigrationInterface {
  name = 'GuidingCases1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE guiding_case (
        id text PRIMARY KEY,
        work_order_id text NOT NULL REFERENCES work_order(id),
        work_order_number text NOT NULL,
        region text NOT NULL,
        category text NOT NULL,
        title text NOT NULL,
        summary text NOT NULL,
        handling text NOT NULL,
        basis text NOT NULL,
        state text NOT NULL CHECK (state IN ('proposed', 'published', 'rejected', 'withdrawn')),
        terms text[] NOT NULL,
        title_terms text[] NOT NULL,
        proposed_by text NOT NULL,
        proposed_at timestamptz NOT NULL,
        reviewed_by text,
        reviewed_at timestamptz,
        review_comment text,
        published_at timestamptz,
        withdrawn_by text,
        withdrawn_at timestamptz,
        withdraw_reason text,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX guiding_case_one_live_per_order ON guiding_case (work_order_id) WHERE state IN ('proposed', 'published')`);
    await q.query(`CREATE INDEX guiding_case_state_category ON guiding_case (state, category, published_at DESC)`);
    await q.query(`CREATE INDEX guiding_case_terms ON guiding_case USING gin (terms)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS guiding_case`);
  }
}
