/**
 * Features plug themselves into the shell without editing it: each feature folder may export
 * - `routes.tsx`: `export const routes: FeatureRoute[]` — screens, and whether they appear in the
 *   main navigation (for which roles, in which order);
 * - `shell.tsx`: `export const shell: ShellPart` — parts shown on every screen (the "Nouvel appel"
 *   button in the top bar, the running timer's bar above the status bar…).
 */
import type { ComponentType, ReactNode } from 'react';
import { isStaffRole, type Role } from '../../shared/schemas';
import type { Route } from './router';

export type FeatureRoute = {
  /** Route prefix, e.g. "/tickets"; the longest matching prefix wins. */
  path: string;
  /** Navigation label as `namespace:key`, e.g. "tickets:nav". */
  labelKey: string;
  /** Position in the navigation (lower first); absent: not in the navigation. */
  navOrder?: number;
  /** Who may open it; absent: the provider's staff (a client account sees only what names it). */
  roles?: readonly Role[];
  render(route: Route): ReactNode;
  /** Fetches a screen loaded on first visit (ui/lazyScreen.tsx), so that visit does not wait. */
  preload?(): Promise<unknown>;
};

export type ShellPart = {
  /** Rendered in the top bar, right of the navigation. */
  TopbarActions?: ComponentType;
  /** Rendered above the status bar, on every screen. */
  BottomBar?: ComponentType;
  /** Rendered once, outside the layout (global dialogs and keyboard shortcuts). */
  Global?: ComponentType;
  /** Rendered inside the status bar, before the signed-in user (e.g. échéances due soon). */
  StatusItem?: ComponentType;
  order?: number;
  /** Who sees it; absent: the provider's staff, as for routes. */
  roles?: readonly Role[];
};

const routeModules = import.meta.glob<{ routes: FeatureRoute[] }>('../features/*/routes.tsx', { eager: true });
const shellModules = import.meta.glob<{ shell: ShellPart }>('../features/*/shell.tsx', { eager: true });

export const featureRoutes: FeatureRoute[] = Object.values(routeModules).flatMap((m) => m.routes);
export const shellParts: ShellPart[] = Object.values(shellModules)
  .map((m) => m.shell)
  .sort((a, b) => (a.order ?? 0) - (b.order ?? 0));

/**
 * Whether a role may see a route or shell part. Without `roles` only staff do: the client's
 * extranet is its own shell (features/extranet), never the staff screens by omission.
 */
export function allowed(item: Pick<FeatureRoute, 'roles'>, role: Role): boolean {
  return item.roles ? item.roles.includes(role) : isStaffRole(role);
}

/** The route for a path: the longest matching prefix among those the role may open. */
export function matchRoute(routes: readonly FeatureRoute[], path: string, role: Role): FeatureRoute | undefined {
  return routes
    .filter(
      (r) => allowed(r, role) && (r.path === '/' ? path === '/' : path === r.path || path.startsWith(`${r.path}/`)),
    )
    .sort((a, b) => b.path.length - a.path.length)[0];
}
