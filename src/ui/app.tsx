/** The frame: sign-in, the role's menu, and the page the hash names. */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Link, Redirect, Route, Router, Switch, useLocation } from 'wouter-preact';
import { useHashLocation } from 'wouter-preact/use-hash-location';
import { LoginPage } from './login/index.js';
import { hasRole, setSession, useSession } from './shared/session.js';
import { clockSynced } from './shared/clock.js';
import { ErrorBanner, Loading } from './shared/components.js';
import { ROUTES, homeFor, type RouteDef } from './routes.js';

const ROLE_NAMES: Record<string, string> = {
  administrator: '系统管理员',
  dispatcher: '派单员',
  handler: '承办人',
  'unit-head': '单位负责人',
  supervisor: '督查',
  auditor: '审计',
  worker: '接口账号',
};

/**
 * wouter hands path params over as they stand in the hash: still URL-encoded (definition ids
 * hold `:`), and the last one with any `?query` after it. Pages get them decoded and bare.
 */
function decodeParams(params: Record<string, string>): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const bare = value.split('?')[0] ?? '';
    try {
      decoded[key] = decodeURIComponent(bare);
    } catch {
      decoded[key] = bare;
    }
  }
  return decoded;
}

/** Loads a route's module on first visit, then renders the named page with the path's params. */
function LazyPage({ route, params }: { route: RouteDef; params: Record<string, string> }) {
  const [page, setPage] = useState<{ C: ComponentType<any> } | { error: unknown } | null>(null);
  useEffect(() => {
    let live = true;
    setPage(null);
    route
      .load()
      .then((module) => {
        const C = module[route.component];
        if (live) setPage(C ? { C } : { error: new Error(`页面 ${route.component} 不存在`) });
      })
      .catch((error) => live && setPage({ error }));
    return () => {
      live = false;
    };
  }, [route]);
  if (!page) return <Loading />;
  if ('error' in page) return <ErrorBanner error={page.error} />;
  return <page.C {...params} />;
}

function Shell() {
  const session = useSession()!;
  const [location] = useLocation();
  useEffect(() => {
    clockSynced().catch(() => undefined);
  }, []);
  const visible = ROUTES.filter((r) => hasRole(session, ...r.roles));
  const user = session.user;
  return (
    <div class="shell">
      <header class="topbar">
        <span class="brand">诉求 · 12345 工单办理</span>
        <span class="whoami" data-testid="whoami">
          {user.displayName ?? user.username}
          <small>{user.roles.map((r) => ROLE_NAMES[r] ?? r).join('、')}</small>
        </span>
        <button type="button" class="link" onClick={() => setSession(null)}>
          退出
        </button>
      </header>
      <nav class="sidebar" aria-label="主菜单">
        {visible
          .filter((r) => r.menu)
          .map((r) => (
            <Link key={r.path} href={r.path} class={location === r.path || location.startsWith(`${r.path}/`) ? 'active' : ''}>
              {r.menu}
            </Link>
          ))}
      </nav>
      <main class="content">
        <Switch>
          {visible.map((r) => (
            <Route key={r.path} path={r.path}>
              {(params: Record<string, string>) => <LazyPage route={r} params={decodeParams(params)} />}
            </Route>
          ))}
          <Route>
            <Redirect to={homeFor(user.roles)} replace />
          </Route>
        </Switch>
      </main>
    </div>
  );
}

/**
 * The hash's path without its `?query`: pages keep filters there (`#/ledger?region=huojia`),
 * and wouter would otherwise match the whole hash and find no page.
 */
function useHashPath(): ReturnType<typeof useHashLocation> {
  const [location, navigate] = useHashLocation();
  return [location.split('?')[0] ?? location, navigate] as ReturnType<typeof useHashLocation>;
}

export function App() {
  const session = useSession();
  return <Router hook={useHashPath}>{session ? <Shell /> : <LoginPage />}</Router>;
}
