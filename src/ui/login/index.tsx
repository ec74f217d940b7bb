/** 登录: username and password to POST /api/auth/login; the token is kept for this tab. */
import { useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.js';
import { setSession, type SessionUser } from '../shared/session.js';
import { syncClock } from '../shared/clock.js';
import { ErrorBanner } from '../shared/components.js';

interface LoginResponse {
  token: string;
  expiresIn: number;
  user: SessionUser;
}

/** Sign-in refusals in the words an office user expects; the service's text stays in brackets. */
function signInRefusal(e: unknown): unknown {
  if (!(e instanceof ApiError)) return e;
  if (e.status === 401) return new Error('用户名或密码错误');
  if (e.status === 403) return new Error(`该账号已停用，请联系系统管理员（${e.message}）`);
  if (e.status === 429) return new Error(`连续输错密码次数过多，账号已暂时锁定，请 15 分钟后再试或联系系统管理员（${e.message}）`);
  return e;
}

export function LoginPage() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      const login = await api<LoginResponse>('/api/auth/login', { method: 'POST', body: { username: String(form.get('username') ?? ''), password: String(form.get('password') ?? '') } });
      setSession({ token: login.token, user: login.user });
      const me = await api<SessionUser>('/api/auth/me');
      setSession({ token: login.token, user: me });
      await syncClock();
    } catch (e) {
      setSession(null);
      setError(signInRefusal(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <main class="login">
      <form class="login-card" onSubmit={submit} aria-label="登录">
        <h1>诉求 · 12345 工单办理</h1>
        <p class="muted">政务服务便民热线与“有诉即办”工单系统</p>
        <ErrorBanner error={error} />
        <label class="field">
          <span>用户名</span>
          <input name="username" autocomplete="username" required autofocus />
        </label>
        <label class="field">
          <span>密码</span>
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? '正在登录…' : '登录'}
        </button>
      </form>
    </main>
  );
}
