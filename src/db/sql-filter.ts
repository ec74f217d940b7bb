/**
 * Builds the WHERE, ORDER BY and LIMIT of a list query from optional filters, always with bound
 * parameters. Column names come from code, never from the request: callers map each
 * Camunda `sortBy` to a column through a fixed table.
 */
export class SqlFilter {
  readonly params: unknown[] = [];
  readonly #conditions: string[] = [];

  /** Adds `$n` for a value and returns the placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** A raw condition; `{}` placeholders are replaced by bound parameters, in order. */
  where(condition: string, ...values: unknown[]): this {
    let i = 0;
    this.#conditions.push(condition.replace(/\{\}/g, () => this.param(values[i++])));
    return this;
  }

  eq(column: string, value: unknown): this {
    return value === undefined ? this : this.where(`${column} = {}`, value);
  }

  like(column: string, pattern: string | undefined): this {
    return pattern === undefined ? this : this.where(`${column} LIKE {}`, pattern);
  }

  in(column: string, values: readonly unknown[] | undefined): this {
    return values === undefined ? this : this.where(`${column} = ANY({})`, values);
  }

  notIn(column: string, values: readonly unknown[] | undefined): this {
    return values === undefined ? this : this.where(`NOT (${column} = ANY({}))`, values);
  }

  compare(column: string, op: '<' | '<=' | '>' | '>=', value: unknown): this {
    return value === undefined ? this : this.where(`${column} ${op} {}`, value);
  }

  when(flag: boolean | undefined, condition: string): this {
    return flag ? this.where(condition) : this;
  }

  /** `tenantIdIn` + `withoutTenantId`, the way every Camunda list filters by tenant. */
  tenants(column: string, tenantIdIn: string[] | undefined, withoutTenantId: boolean | undefined): this {
    if (tenantIdIn && withoutTenantId) return this.where(`(${column} = ANY({}) OR ${column} IS NULL)`, tenantIdIn);
    if (withoutTenantId) return this.where(`${column} IS NULL`);
    return this.in(column, tenantIdIn);
  }

  get clause(): string {
    return this.#conditions.length ? `WHERE ${this.#conditions.join(' AND ')}` : '';
  }

  /** ORDER BY from already-mapped columns, with `tieBreaker` last so pages never overlap. */
  orderBy(sorts: Array<{ column: string; order: 'asc' | 'desc' }>, tieBreaker: string): string {
    const parts = sorts.map((s) => `${s.column} ${s.order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`);
    parts.push(tieBreaker);
    return `ORDER BY ${parts.join(', ')}`;
  }

  /** `maxResults` null or undefined = no limit. */
  page(firstResult: number | undefined, maxResults: number | null | undefined): string {
    const parts: string[] = [];
    if (maxResults !== undefined && maxResults !== null) parts.push(`LIMIT ${this.param(maxResults)}`);
    if (firstResult) parts.push(`OFFSET ${this.param(firstResult)}`);
    return parts.join(' ');
  }
}
