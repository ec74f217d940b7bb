import { randomUUID } from 'node:crypto';
import { QueryFailedError, type DataSource } from 'typeorm';
import type { Clock } from '../clock/index.js';
import type { CommandOutcome, EngineHost, Queryable } from '../engine/index.js';
import { ProcessDefinitionSuspendedError } from '../engine/index.js';
import { NoActiveDefinitionError, RegionNotFoundError, type RegionService } from '../regions/index.js';
import { IdempotencyKeyReusedError, InvalidWorkOrderError } from './errors.js';
import { processVariables, registerForm, requestHash } from './form.js';
import { allocateNumber } from './numbering.js';
import type { WorkOrderProjector } from './projector.js';
import type { IntakeInput } from './schemas.js';
import type { Viewer } from './masking.js';
import type { WorkOrderQueries } from './queries.js';
import type { WorkOrderDetail } from './work-order.js';
import * as sql from './sql/intake.js';

export interface IntakeOptions {
  /** The client's Idempotency-Key: the same key in the same region registers one order. */
  idempotencyKey?: string | null;
  /** Who registered the order (authentication fills it in later). */
  userId?: string | null;
}

export interface WorkOrderIntakeOptions {
  dataSource: DataSource;
  clock: Clock;
  host: EngineHost;
  regions: RegionService;
  projector: WorkOrderProjector;
  queries: WorkOrderQueries;
}

/**
 * Registers a work order from any channel. One transaction: take the region's next number,
 * start the region's active process with the number as business key, insert the order and
 * its attachments, project it. Either all of it commits or none of it (and the number is
 * handed out again). The answer is read back afterwards, in a snapshot of its own.
 *
 * Every statement of a request runs inside a transaction, reads included: on embedded PGlite
 * the socket server interleaves the protocol messages of concurrent connections outside
 * transactions (pglite#1046), which corrupts both queries.
 */
export class WorkOrderIntake {
  constructor(private readonly o: WorkOrderIntakeOptions) {}

  async register(input: IntakeInput, options: IntakeOptions = {}, viewer?: Viewer): Promise<{ order: WorkOrderDetail; created: boolean }> {
    const form = registerForm(input, this.o.clock.now());
    const key = options.idempotencyKey ?? null;
    const hash = requestHash(input);
    let started: CommandOutcome | undefined;
    let result: { id: string; created: boolean };
    try {
      result = await this.o.dataSource.transaction(async (tx) => {
        if (key) {
          await tx.query(sql.lockIdempotencyKey, [form.region, key]);
          const replay = await this.#replay(tx, form.region, key, hash);
          if (replay) return { id: replay, created: false };
        }
        const definitionId = await this.#activeDefinition(tx, form.region);
        const now = this.o.clock.now();
        const number = await allocateNumber(tx, form.region, now);
        const outcome = await this.o.host.start(definitionId, { businessKey: number, variables: processVariables(form, number), userId: options.userId ?? null, tx });
        const id = randomUUID();
        await tx.query(sql.insertOrder, [
          id, number, form.region, form.requesterType, form.requesterName, form.unitContact, form.phone, form.address, form.requestedAt,
          form.channel, form.category, form.content, form.urgency, form.responsibleUnits, form.leadUnit, form.deadline, form.formContact,
          form.formContactPhone, form.remarks, key, hash, outcome.instanceId, definitionId, options.userId ?? null, now,
        ]);
        if (form.attachments.length) {
          const rows = form.attachments.map((a, position) => ({ id: randomUUID(), position, storage_key: a.storageKey, name: a.name, size: a.size, content_type: a.contentType }));
          await tx.query(sql.insertAttachments, [id, now, JSON.stringify(rows)]);
        }
        // The start's own afterCommand ran before the row existed; project the first wait now.
        await this.o.projector.refresh(tx, outcome.instanceId, now);
        started = outcome;
        return { id, created: true };
      });
    } catch (err) {
      if (err instanceof RegionWithoutDefinition) throw await this.#whyNoDefinition(form.region);
      // Backstop for the advisory lock: the unique key lost a race, so the winner's order stands.
      if (key && isUniqueViolation(err)) {
        const replay = await this.o.dataSource.transaction((tx) => this.#replay(tx, form.region, key, hash));
        if (replay) result = { id: replay, created: false };
        else throw err;
      } else {
        throw err;
      }
    }
    if (started) this.o.host.announce(started);
    // Read back after the commit: the day's counter is not held while the answer is built.
    return { order: await this.o.queries.get(result.id, viewer), created: result.created };
  }

  async #replay(q: Queryable, region: string, key: string, hash: string): Promise<string | undefined> {
    const [row] = (await q.query(sql.orderByIdempotencyKey, [region, key])) as Array<{ id: string; number: string; request_hash: string }>;
    if (!row) return undefined;
    if (row.request_hash !== hash) throw new IdempotencyKeyReusedError(region, key, row.number);
    return row.id;
  }

  /** Outside the rolled-back transaction, the region service says why: no such region, or nothing active. */
  async #whyNoDefinition(region: string): Promise<Error> {
    try {
      await this.o.regions.activeDefinitionId(region);
    } catch (err) {
      return err instanceof RegionNotFoundError ? new InvalidWorkOrderError('region', `no region '${region}'`) : (err as Error);
    }
    // Activated a moment ago: the client may simply retry.
    return new NoActiveDefinitionError(region);
  }

  async #activeDefinition(tx: Queryable, region: string): Promise<string> {
    const active = (await this.o.regions.activeDefinitions(tx)).find((a) => a.regionId === region);
    if (!active) throw new RegionWithoutDefinition();
    const [row] = (await tx.query(sql.definitionSuspended, [active.definitionId])) as Array<{ suspended: boolean }>;
    if (row?.suspended) throw new ProcessDefinitionSuspendedError(active.definitionId);
    return active.definitionId;
  }
}

/** Internal: the region is unknown or has no active definition; register() says which. */
class RegionWithoutDefinition extends Error {
  override readonly name = 'RegionWithoutDefinition';
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof QueryFailedError && (err.driverError as { code?: string } | undefined)?.code === '23505';
}
