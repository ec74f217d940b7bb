import { randomUUID } from 'node:crypto';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import type { Clock } from '../clock/index.js';
import { STATUSES, nameOf, type WorkOrderQueries } from '../work-orders/index.js';
import { GuidingCaseExistsError, GuidingCaseNotFoundError, GuidingCaseStateError, WorkOrderNotClosedError } from './errors.js';
import { toGuidingCase, type GuidingCase } from './guiding-case.js';
import type { ProposeInput } from './schemas.js';
import { searchTerms } from './search-terms.js';
import { TRANSITIONS, type GuidingCaseAction } from './transitions.js';
import * as sql from './sql/guiding-cases.js';

export interface GuidingCaseServiceOptions {
  dataSource: DataSource;
  clock: Clock;
  /** Reads the order being proposed (its status, number, region, category). */
  workOrders: WorkOrderQueries;
}

/** Proposal, review and withdrawal of guiding cases; each one transaction on the case row. */
export class GuidingCaseService {
  constructor(private readonly o: GuidingCaseServiceOptions) {}

  /**
   * Proposes a closed order as a case. From the order only its id, number, region and category
   * are taken; the text is the proposer's. Requester names, phones and addresses are never
   * copied: cases are read by every unit and may be published, and the requester did not agree
   * to that (their data stays on the order, where masking applies).
   */
  async propose(input: Omit<ProposeInput, 'actor'>, actor: string): Promise<GuidingCase> {
    try {
      return await this.o.dataSource.transaction(async (tx) => {
        const order = await this.o.workOrders.get(input.workOrder, undefined, tx);
        if (order.status !== 'closed') throw new WorkOrderNotClosedError(order.number, `${nameOf(STATUSES, order.status)} (${order.status})`);
        const [live] = (await tx.query(sql.liveCaseOfOrder, [order.id])) as Array<{ id: string; state: string }>;
        if (live) throw new GuidingCaseExistsError(order.number, live.id, live.state);
        const id = randomUUID();
        await tx.query(sql.insertCase, [
          id, order.id, order.number, order.region, order.category, input.title.trim(), input.summary.trim(), input.handling.trim(), input.basis.trim(),
          searchTerms(input.title, input.summary, input.handling, input.basis), searchTerms(input.title), actor, this.o.clock.now(),
        ]);
        return this.#read(tx, id);
      });
    } catch (err) {
      // Two proposals of one order at the same moment: the partial unique index lets one through.
      if (isUniqueViolation(err)) {
        const order = await this.o.workOrders.get(input.workOrder);
        const [live] = (await this.o.dataSource.transaction((tx) => tx.query(sql.liveCaseOfOrder, [order.id]))) as Array<{ id: string; state: string }>;
        throw new GuidingCaseExistsError(order.number, live?.id ?? '?', live?.state ?? 'proposed');
      }
      throw err;
    }
  }

  /** approve → published, reject → rejected; only a proposed case is reviewed. */
  review(id: string, decision: 'approve' | 'reject', actor: string, comment: string | null): Promise<GuidingCase> {
    return this.#transition(id, decision, async (tx, to, now) => {
      await tx.query(sql.review, [id, to, actor, now, comment]);
    });
  }

  withdraw(id: string, actor: string, reason: string | null): Promise<GuidingCase> {
    return this.#transition(id, 'withdraw', async (tx, _to, now) => {
      await tx.query(sql.withdraw, [id, actor, now, reason]);
    });
  }

  get(id: string): Promise<GuidingCase> {
    return this.o.dataSource.transaction((tx) => this.#read(tx, id));
  }

  async #transition(id: string, action: GuidingCaseAction, apply: (tx: EntityManager, to: string, now: Date) => Promise<void>): Promise<GuidingCase> {
    return this.o.dataSource.transaction(async (tx) => {
      const [row] = (await tx.query(sql.caseByIdForUpdate, [id])) as Array<Record<string, unknown>>;
      if (!row) throw new GuidingCaseNotFoundError(id);
      const rule = TRANSITIONS[action];
      const state = String(row.state);
      if (!rule.from.includes(state as never)) throw new GuidingCaseStateError(id, state, action, rule.from);
      await apply(tx, rule.to, this.o.clock.now());
      return this.#read(tx, id);
    });
  }

  async #read(tx: EntityManager, id: string): Promise<GuidingCase> {
    const [row] = (await tx.query(sql.caseById, [id])) as Array<Record<string, unknown>>;
    if (!row) throw new GuidingCaseNotFoundError(id);
    return toGuidingCase(row);
  }
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof QueryFailedError && (err.driverError as { code?: string } | undefined)?.code === '23505';
}
