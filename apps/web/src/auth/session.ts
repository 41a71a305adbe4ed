import { computed, ref } from 'vue';
import { commandPermissions } from '@enforcement/domain/access/command-permissions';
import { routeAccess } from '@enforcement/domain/access/route-access';
import type { Actor, Role } from '@enforcement/domain/access/roles';

const STORAGE_KEY = 'enforcement.session';

interface Session {
  token: string;
  actor: Actor;
  /** Expiry of the token (ms since epoch), from its `exp` claim. */
  expiresAt: number;
}

function decodeExpiry(token: string): number {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return (payload.exp ?? 0) * 1000;
  } catch {
    return 0;
  }
}

function restore(): Session | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
    return saved && saved.expiresAt > Date.now() ? saved : null;
  } catch {
    return null;
  }
}

/** The signed-in person, kept for this browser tab only (sessionStorage), never in a cookie. */
export const session = ref<Session | null>(restore());

export const actor = computed<Actor | null>(() => session.value?.actor ?? null);

export function signIn(token: string, who: Actor): void {
  session.value = { token, actor: who, expiresAt: decodeExpiry(token) };
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session.value));
}

export function signOut(): void {
  session.value = null;
  sessionStorage.removeItem(STORAGE_KEY);
}

export function bearerToken(): string | null {
  const current = session.value;
  if (current && current.expiresAt <= Date.now()) signOut();
  return session.value?.token ?? null;
}

export function hasRole(...roles: readonly Role[]): boolean {
  return actor.value?.roles.some((r) => roles.includes(r)) ?? false;
}

/**
 * Whether the signed-in person's roles may send a review command — read from the one access table the gateway and
 * the review rules use (libs/domain), so the interface only offers what the server would accept; the server decides.
 */
export function mayCommand(type: string): boolean {
  // Keyed by name so the app also runs against a server whose command list has moved on (an unknown command is never offered).
  const rule = (commandPermissions as Readonly<Record<string, { roles: readonly string[] } | undefined>>)[type];
  return hasRole(...((rule?.roles ?? []).filter((r) => r !== 'system') as Role[]));
}

/** Whether the review rules in this build know a command (e.g. the two-person opinion: draftOpinion, reReviewOpinion). */
export function knowsCommand(type: string): boolean {
  return type in commandPermissions;
}

/** Whether the person's roles may use a named read route of the access module (e.g. `reviews.opinion-documents`). */
export function mayRead(rule: keyof typeof routeAccess): boolean {
  return hasRole(...routeAccess[rule].roles);
}
