/**
 * One user: name, unit and roles (PATCH), disable or enable (signs the user out at once), and a
 * password reset (also signs out). Users are never deleted; history names them.
 */
import { useState } from 'preact/hooks';
import { api } from '../../shared/api.js';
import { ConfirmDialog, ErrorBanner, Notice } from '../../shared/components.js';
import type { Role } from '../../shared/session.js';
import type { Unit, User } from './admin-types.js';
import { RoleChecks } from './role-checks.js';
import { UnitSelect } from './unit-select.js';

export function UserEditor(props: { user: User; units: Unit[]; onChanged: (user: User) => void; onClose: () => void }) {
  const { user } = props;
  const [displayName, setDisplayName] = useState(user.displayName);
  const [unitId, setUnitId] = useState<string | null>(user.unitId);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState<'disable' | 'enable' | 'password' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const attempt = async (what: () => Promise<string>) => {
    setConfirm(null);
    setError(null);
    setDone(null);
    try {
      setDone(await what());
    } catch (e) {
      setError(e);
    }
  };
  const patch = (body: Partial<Pick<User, 'displayName' | 'unitId' | 'roles' | 'disabled'>>, message: string) =>
    attempt(async () => {
      props.onChanged(await api<User>(`/api/users/${encodeURIComponent(user.id)}`, { method: 'PATCH', body }));
      return message;
    });
  const resetPassword = () =>
    attempt(async () => {
      await api(`/api/users/${encodeURIComponent(user.id)}/password`, { method: 'POST', body: { password } });
      setPassword('');
      return `已重置 ${user.username} 的密码，该用户需用新密码重新登录`;
    });

  return (
    <section class="panel user-editor" aria-label={`用户 ${user.username}`}>
      <div class="toolbar">
        <h2>
          {user.displayName}（{user.username}）{user.disabled && <span class="tag overdue">已停用</span>}
        </h2>
        <button type="button" class="link" onClick={props.onClose}>
          关闭
        </button>
      </div>
      <form
        noValidate
        aria-label="修改用户"
        onSubmit={(e) => {
          e.preventDefault();
          void patch({ displayName, unitId, roles }, `已保存 ${user.username}`);
        }}
      >
        <div class="grid-2">
          <label class="field">
            <span>姓名</span>
            <input value={displayName} onInput={(e) => setDisplayName(e.currentTarget.value)} />
          </label>
          <UnitSelect units={props.units} value={unitId} onChange={setUnitId} />
        </div>
        <RoleChecks value={roles} onChange={setRoles} />
        <div class="toolbar">
          <button type="submit" class="primary">
            保存修改
          </button>
          {user.disabled ? (
            <button type="button" onClick={() => setConfirm('enable')}>
              启用用户
            </button>
          ) : (
            <button type="button" class="danger" onClick={() => setConfirm('disable')}>
              停用用户
            </button>
          )}
        </div>
      </form>
      <form
        class="toolbar"
        noValidate
        aria-label="重置密码"
        onSubmit={(e) => {
          e.preventDefault();
          setConfirm('password');
        }}
      >
        <label class="field">
          <span>新密码（8 位以上）</span>
          <input type="password" autoComplete="new-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <div class="field button-field">
          <span>&nbsp;</span>
          <button type="submit">重置密码</button>
        </div>
      </form>
      <ErrorBanner error={error} />
      {done && <Notice>{done}</Notice>}
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === 'disable' ? '停用用户' : confirm === 'enable' ? '启用用户' : '重置密码'}
        confirmLabel={confirm === 'disable' ? '确认停用' : confirm === 'enable' ? '确认启用' : '确认重置'}
        onConfirm={() =>
          confirm === 'password'
            ? void resetPassword()
            : void patch({ disabled: confirm === 'disable' }, confirm === 'disable' ? `已停用 ${user.username}` : `已启用 ${user.username}`)
        }
        onCancel={() => setConfirm(null)}
      >
        <p>
          {confirm === 'disable'
            ? `停用后 ${user.username} 立即退出登录且不能再登录；其经办记录保留。`
            : confirm === 'enable'
              ? `启用后 ${user.username} 可重新登录。`
              : `重置 ${user.username} 的密码；该用户已登录的会话将失效。`}
        </p>
      </ConfirmDialog>
    </section>
  );
}
