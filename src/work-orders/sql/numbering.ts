/**
 * The per-region, per-day counter. The upsert takes the row lock and holds it until the intake
 * transaction ends, so concurrent intakes of one region queue here and each sees the previous
 * one's increment: no two orders share a number, and a rolled-back intake gives its number back.
 */
export const nextSequence = `
  INSERT INTO work_order_sequence AS s (region, day, seq) VALUES ($1, $2, 1)
  ON CONFLICT (region, day) DO UPDATE SET seq = s.seq + 1
  RETURNING seq`;
