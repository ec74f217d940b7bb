import type { SqlFilter } from '../db/index.js';
import * as sql from './sql/variable-filter.js';

export type VariableOperator = 'eq' | 'neq' | 'gt' | 'gteq' | 'lt' | 'lteq' | 'like';

/**
 * One condition on a process variable. `value` is what the client sent: a string in the GET
 * form (`amount_gt_5`), any JSON scalar in the POST form. `date` is the instant `value`
 * denotes when it reads as a Camunda date, so Date variables compare as instants.
 */
export interface VariableCondition {
  name: string;
  operator: VariableOperator;
  value: string | number | boolean | null;
  date?: Date;
}

const SQL_OPERATORS: Record<VariableOperator, string> = { eq: '=', neq: '=', gt: '>', gteq: '>=', lt: '<', lteq: '<=', like: 'LIKE' };

/**
 * Adds one condition per filter on the variables of the instance in `instanceColumn`.
 * A GET-form string is compared the way its text suggests: as a number against numeric
 * variables, as an instant against Date variables, as text against strings (and, for eq/neq,
 * against booleans), because Camunda's GET form cannot say which type it means.
 * `neq` needs the variable to exist with another value, as in Camunda.
 */
export function whereVariables(f: SqlFilter, instanceColumn: string, filters: readonly VariableCondition[] | undefined): void {
  for (const c of filters ?? []) {
    const name = f.param(c.name);
    const matches = matchCondition(f, c);
    const condition = c.operator === 'neq' ? `NOT coalesce(${matches}, false)` : matches;
    f.where(sql.variableExists(instanceColumn, name, condition));
  }
}

function matchCondition(f: SqlFilter, c: VariableCondition): string {
  const op = SQL_OPERATORS[c.operator];
  const v = c.value;
  if (v === null) return sql.isNull;
  if (c.operator === 'like') return `(CASE WHEN ${sql.isString} THEN ${sql.compareText(op, f.param(String(v)))} ELSE false END)`;
  const branches: string[] = [];
  if (typeof v === 'number') {
    branches.push(`WHEN ${sql.isNumber} THEN ${sql.compareNumber(op, f.param(v))}`);
  } else if (typeof v === 'boolean') {
    branches.push(`WHEN ${sql.isBoolean} THEN ${sql.compareText(op, f.param(String(v)))}`);
  } else {
    if (c.date) branches.push(`WHEN ${sql.isDate} THEN ${sql.compareDate(op, f.param(c.date))}`);
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v.trim())) branches.push(`WHEN ${sql.isNumber} THEN ${sql.compareNumber(op, f.param(Number(v)))}`);
    const text = f.param(v);
    branches.push(`WHEN ${sql.isString} THEN ${sql.compareText(op, text)}`);
    if (c.operator === 'eq' || c.operator === 'neq') branches.push(`WHEN ${sql.isBoolean} THEN ${sql.compareText(op, text)}`);
  }
  return `(CASE ${branches.join(' ')} ELSE false END)`;
}

/**
 * Adds "the instance has variable `name` equal to `value`" with the value's own type, as
 * message correlation keys need: the String "5" does not match the Integer 5. Dates compare
 * as instants, null matches a null variable.
 */
export function whereVariableEquals(f: SqlFilter, instanceColumn: string, name: string, value: unknown): void {
  const nameParam = f.param(name);
  let condition: string;
  if (value === null || value === undefined) condition = sql.isNull;
  else if (value instanceof Date) condition = `(CASE WHEN ${sql.isDate} THEN ${sql.compareDate('=', f.param(value))} ELSE false END)`;
  else condition = sql.equalsJson(f.param(JSON.stringify(value)));
  f.where(sql.variableExists(instanceColumn, nameParam, condition));
}
