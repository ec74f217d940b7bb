/**
 * Who is signed in: the token from POST /api/auth/login and the user it names, kept in
 * sessionStorage (closing the browser signs out; a tab's reload does not). Components read it
 * through `useSession`, which re-renders them on sign-in and sign-out.
 */
import { useEffect, useState } from 'preact/hooks';

export type Role = 'administrator' | 'dispatcher' | 'handler' | 'unit-head' | 'supervisor' | 'auditor' | 'worker';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string | null;
  unitId: string | null;
  roles: Role[];
  region?: string | null;
}

export interface Session {
  token: string;
  user: SessionUser;
}

const KEY = 'suqiu.session';
const listeners = new Set<() => void>();

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

let current: Session | null = read();

export function getSession(): Session | null {
  return current;
}

export function setSession(session: Session | null): void {
  current = session;
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

export function useSession(): Session | null {
  const [session, set] = useState(current);
  useEffect(() => {
    const listener = () => set(current);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return session;
}

export function hasRole(session: Session | null, ...roles: Role[]): boolean {
  return !!session && session.user.roles.some((r) => roles.includes(r));
}
