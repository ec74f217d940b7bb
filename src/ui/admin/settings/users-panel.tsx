/** Users: filtered by unit, role and status; create one; open one to change it. */
import { useState } from 'preact/hooks';
import { api } from '../../shared/api.js';
import { ErrorBanner, Loading, Notice } from '../../shared/components.js';
import type { Role } from '../../shared/session.js';
import { useApi } from '../../shared/use-api.js';
import { ROLE_INFO, roleName, type Unit, type User } from './admin-types.js';
import { RoleChecks } from './role-checks.js';
import { UserEditor } from './user-editor.js';
import { UnitSelect } from './unit-select.js';

function CreateUserForm(props: { units: Unit[]; onCreated: (user: User) => void }) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [roles, setRoles] = useState<Role[]>(['handler']);
  const [error, setError] = useState<unknown>(null);

  const create = async () => {
    setError(null);
    try {
      const body = { username, password, roles, unitId, ...(displayName.trim() && { displayName: displayName.trim() }) };
      props.onCreated(await api<User>('/api/users', { method: 'POST', body }));
      setUsername('');
      setDisplayName('');
      setPassword('');
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form
      class="panel"
      aria-label="新建用户"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <h2>新建用户</h2>
      <div class="grid-3">
        <label class="field required">
          <span>用户名（登录名）</span>
          <input value={username} autoComplete="off" onInput={(e) => setUsername(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>姓名</span>
          <input value={displayName} onInput={(e) => setDisplayName(e.currentTarget.value)} />
        </label>
        <label class="field required">
          <span>初始密码</span>
          <input type="password" autoComplete="new-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
      </div>
      <UnitSelect units={props.units} value={unitId} onChange={setUnitId} />
      <RoleChecks value={roles} onChange={setRoles} />
      <button type="submit" class="primary">
        新建用户
      </button>
      <ErrorBanner error={error} />
    </form>
  );
}

export function UsersPanel(props: { units: Unit[] }) {
  const [unitId, setUnitId] = useState('');
  const [role, setRole] = useState('');
  const [disabled, setDisabled] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const users = useApi<{ total: number; items: User[] }>('/api/users', { unitId, role, disabled, maxResults: 200 });
  const unitName = (id: string | null) => (id ? (props.units.find((u) => u.id === id)?.name ?? id) : '—');
  const open = users.data?.items.find((u) => u.id === openId);

  return (
    <div class="grid-2 users-columns">
      <section class="panel" aria-label="用户">
        <h2>用户</h2>
        <div class="toolbar" role="search" aria-label="筛选用户">
          <label class="field">
            <span>单位</span>
            <select aria-label="按单位筛选" value={unitId} onChange={(e) => setUnitId(e.currentTarget.value)}>
              <option value="">全部</option>
              {props.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span>角色</span>
            <select aria-label="按角色筛选" value={role} onChange={(e) => setRole(e.currentTarget.value)}>
              <option value="">全部</option>
              {ROLE_INFO.map((r) => (
                <option key={r.role} value={r.role}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span>状态</span>
            <select aria-label="按状态筛选" value={disabled} onChange={(e) => setDisabled(e.currentTarget.value)}>
              <option value="">全部</option>
              <option value="false">在用</option>
              <option value="true">已停用</option>
            </select>
          </label>
        </div>
        <ErrorBanner error={users.error} />
        {done && <Notice>{done}</Notice>}
        {users.loading && !users.data && <Loading />}
        {users.data && (
          <table class="data" aria-label="用户列表">
            <thead>
              <tr>
                <th>用户名</th>
                <th>姓名</th>
                <th>单位</th>
                <th>角色</th>
                <th>状态</th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((u) => (
                <tr key={u.id} class={u.disabled ? 'disabled' : ''} data-user={u.username}>
                  <td>
                    <button type="button" class="link" aria-label={`打开用户 ${u.username}`} onClick={() => setOpenId(u.id)}>
                      {u.username}
                    </button>
                  </td>
                  <td>{u.displayName}</td>
                  <td>{unitName(u.unitId)}</td>
                  <td>{u.roles.map(roleName).join('、')}</td>
                  <td>{u.disabled ? <span class="tag overdue">已停用</span> : <span class="tag ok">在用</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {users.data && <p class="muted">共 {users.data.total} 人</p>}
      </section>
      <div>
        {open ? (
          <UserEditor key={open.id} user={open} units={props.units} onChanged={() => users.reload()} onClose={() => setOpenId(null)} />
        ) : (
          <CreateUserForm
            units={props.units}
            onCreated={(u) => {
              setDone(`已新建用户 ${u.username}`);
              users.reload();
            }}
          />
        )}
      </div>
    </div>
  );
}
