import t, { type Test } from 'tap';
import {
  applyPaging,
  InvalidRequestError,
  parseBool,
  parseDateParam,
  parseFlag,
  parseInteger,
  parseList,
  parsePaging,
  parseSorting,
  parseVariableFilters,
} from '../../../src/rest/camunda/index.js';

function rejects(t: Test, fn: () => unknown, field: string, message?: RegExp): void {
  t.throws(fn, { name: 'InvalidRequestError', field, statusCode: 400, type: 'InvalidRequestException', ...(message ? { message } : {}) }, field);
}

const TASK_SORT_BY = ['id', 'name', 'created', 'dueDate', 'priority', 'processVariable'] as const;

t.test('parsePaging', async (t) => {
  t.same(parsePaging({}), { firstResult: 0, maxResults: null });
  t.same(parsePaging(undefined), { firstResult: 0, maxResults: null });
  t.same(parsePaging({ firstResult: '10', maxResults: '0' }), { firstResult: 10, maxResults: 0 });
  t.same(parsePaging({ firstResult: 5, maxResults: 20 }), { firstResult: 5, maxResults: 20 }, 'already coerced by a schema');
  t.same(parsePaging({ firstResult: '', maxResults: '' }), { firstResult: 0, maxResults: null });
  t.same(parsePaging({ maxResults: ['3', '4'] }), { firstResult: 0, maxResults: 3 }, 'repeated: first wins');
  rejects(t, () => parsePaging({ firstResult: '-1' }), 'firstResult', /Cannot set query parameter 'firstResult' to value '-1'/);
  rejects(t, () => parsePaging({ maxResults: 'abc' }), 'maxResults', /'maxResults'.*must be an integer/);
  rejects(t, () => parsePaging({ maxResults: '1.5' }), 'maxResults');
  t.same(applyPaging([1, 2, 3, 4], { firstResult: 1, maxResults: 2 }), [2, 3]);
  t.same(applyPaging([1, 2, 3], { firstResult: 0, maxResults: 0 }), [], 'maxResults=0 → []');
  t.same(applyPaging([1, 2, 3], { firstResult: 1, maxResults: null }), [2, 3]);
  t.equal(parseInteger({ priority: '-5' }, 'priority'), -5);
});

t.test('parseSorting: query pair', async (t) => {
  t.same(parseSorting({}, TASK_SORT_BY), []);
  t.same(parseSorting({ sortBy: 'created', sortOrder: 'desc' }, TASK_SORT_BY), [{ sortBy: 'created', sortOrder: 'desc' }]);
  const single = /^Only a single sorting parameter specified\. sortBy and sortOrder required$/;
  rejects(t, () => parseSorting({ sortBy: 'created' }, TASK_SORT_BY), 'sortOrder', single);
  rejects(t, () => parseSorting({ sortOrder: 'asc' }, TASK_SORT_BY), 'sortBy', single);
  rejects(t, () => parseSorting({ sortBy: 'color', sortOrder: 'asc' }, TASK_SORT_BY), 'sortBy', /'sortBy' to value 'color': must be one of id, name/);
  rejects(t, () => parseSorting({ sortBy: 'id', sortOrder: 'up' }, TASK_SORT_BY), 'sortOrder', /'up'/);
});

t.test('parseSorting: POST body form', async (t) => {
  t.same(
    parseSorting(
      {
        sorting: [
          { sortBy: 'dueDate', sortOrder: 'asc' },
          { sortBy: 'processVariable', sortOrder: 'desc', parameters: { variable: 'level', type: 'Integer' } },
        ],
      },
      TASK_SORT_BY,
    ),
    [
      { sortBy: 'dueDate', sortOrder: 'asc' },
      { sortBy: 'processVariable', sortOrder: 'desc', parameters: { variable: 'level', type: 'Integer' } },
    ],
  );
  t.same(parseSorting({ sortBy: 'id', sortOrder: 'asc', sorting: [{ sortBy: 'name', sortOrder: 'desc' }] }, TASK_SORT_BY).length, 2);
  rejects(t, () => parseSorting({ sorting: [{ sortBy: 'name' }] }, TASK_SORT_BY), 'sorting[0]', /sortBy and sortOrder required/);
  rejects(t, () => parseSorting({ sorting: [{ sortBy: 'x', sortOrder: 'asc' }] }, TASK_SORT_BY), 'sorting[0].sortBy');
  rejects(t, () => parseSorting({ sorting: [{ sortBy: 'id', sortOrder: 'ASC' }] }, TASK_SORT_BY), 'sorting[0].sortOrder');
  rejects(t, () => parseSorting({ sorting: 'id' }, TASK_SORT_BY), 'sorting');
});

t.test('parseBool / parseFlag', async (t) => {
  t.equal(parseBool({ active: 'true' }, 'active'), true);
  t.equal(parseBool({ active: 'FALSE' }, 'active'), false);
  t.equal(parseBool({ active: true }, 'active'), true);
  t.equal(parseBool({}, 'active'), undefined);
  rejects(t, () => parseBool({ active: 'yes' }, 'active'), 'active', /'active' to value 'yes'/);
  t.equal(parseFlag({ suspended: 'false' }, 'suspended'), false, 'false means "do not filter"');
  t.equal(parseFlag({ suspended: 'true' }, 'suspended'), true);
  t.equal(parseFlag({}, 'suspended'), false);
});

t.test('parseList', async (t) => {
  t.same(parseList({ tenantIdIn: 'a,b' }, 'tenantIdIn'), ['a', 'b']);
  t.same(parseList({ tenantIdIn: 'a,,b,' }, 'tenantIdIn'), ['a', 'b']);
  t.same(parseList({ tenantIdIn: ['a', 'b,c'] }, 'tenantIdIn'), ['a', 'b', 'c'], 'repeated parameter or body array');
  t.equal(parseList({}, 'tenantIdIn'), undefined);
  t.equal(parseList({ tenantIdIn: '' }, 'tenantIdIn'), undefined);
  rejects(t, () => parseList({ tenantIdIn: [1] }, 'tenantIdIn'), 'tenantIdIn');
  rejects(t, () => parseList({ tenantIdIn: 5 }, 'tenantIdIn'), 'tenantIdIn');
});

t.test('parseDateParam', async (t) => {
  t.equal(parseDateParam({ dueBefore: '2026-11-23T10:00:00.000 0800' }, 'dueBefore')?.toISOString(), '2026-11-23T02:00:00.000Z');
  t.equal(parseDateParam({ dueBefore: '2026-11-23T10:00:00.000+0800' }, 'dueBefore')?.toISOString(), '2026-11-23T02:00:00.000Z');
  t.equal(parseDateParam({}, 'dueBefore'), undefined);
  rejects(t, () => parseDateParam({ dueBefore: '23.11.2026' }, 'dueBefore'), 'dueBefore');
});

t.test('parseVariableFilters', async (t) => {
  t.same(parseVariableFilters({ processVariables: 'region_eq_puyang,level_gteq_2' }, 'processVariables'), [
    { name: 'region', operator: 'eq', value: 'puyang' },
    { name: 'level', operator: 'gteq', value: '2' },
  ]);
  t.same(
    parseVariableFilters({ v: 'a_neq_1,b_gt_2,c_lt_3,d_lteq_4,e_like_%x%,f_eq_' }, 'v')?.map((f) => [f.operator, f.value]),
    [['neq', '1'], ['gt', '2'], ['lt', '3'], ['lteq', '4'], ['like', '%x%'], ['eq', '']],
  );
  t.same(parseVariableFilters({ v: 'a_eq_x_y' }, 'v'), [{ name: 'a', operator: 'eq', value: 'x_y' }], '_ in values is tolerated');
  t.same(parseVariableFilters({ v: ['a_eq_1', 'b_eq_2'] }, 'v')?.length, 2, 'repeated parameter');
  t.same(parseVariableFilters({ variables: [{ name: 'level', operator: 'gt', value: 2 }] }, 'variables'), [
    { name: 'level', operator: 'gt', value: 2 },
  ]);
  t.equal(parseVariableFilters({}, 'v'), undefined);
  rejects(t, () => parseVariableFilters({ processVariables: 'region_xx_1' }, 'processVariables'), 'processVariables', /operator 'xx' must be one of eq, neq/);
  rejects(t, () => parseVariableFilters({ processVariables: 'region' }, 'processVariables'), 'processVariables', /name_operator_value/);
  rejects(t, () => parseVariableFilters({ processVariables: 'region_eq' }, 'processVariables'), 'processVariables');
  rejects(t, () => parseVariableFilters({ processVariables: '_eq_1' }, 'processVariables'), 'processVariables');
  rejects(t, () => parseVariableFilters({ processVariables: 'a_eq_1,' }, 'processVariables'), 'processVariables');
  rejects(t, () => parseVariableFilters({ variables: [{ name: 'a', operator: 'is', value: 1 }] }, 'variables'), 'variables[0].operator');
  rejects(t, () => parseVariableFilters({ variables: [{ name: 'a', operator: 'eq' }] }, 'variables'), 'variables[0].value');
  rejects(t, () => parseVariableFilters({ variables: [{ operator: 'eq', value: 1 }] }, 'variables'), 'variables[0]');
  rejects(t, () => parseVariableFilters({ variables: { a: 1 } }, 'variables'), 'variables');
  t.type(new InvalidRequestError('x'), Error);
});
