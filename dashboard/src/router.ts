import { useSyncExternalStore } from 'react';

// A hash router is enough for a handful of screens and needs no server-side fallback route.

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const getPath = () => window.location.hash.replace(/^#/, '') || '/';

/** The current path without the leading '#', e.g. '/r/abc/overview'. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, getPath);
}

export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) window.location.replace(`#${path}`);
  else window.location.hash = path;
}

export const restaurantPath = (restaurantId: string, section: string) =>
  `/r/${encodeURIComponent(restaurantId)}/${section}`;

/** Splits '/r/:restaurantId/:section[/:itemId]'; anything else yields nulls. */
export function parseRestaurantPath(path: string): { restaurantId: string | null; section: string | null; itemId: string | null } {
  const m = /^\/r\/([^/]+)(?:\/([^/]+))?(?:\/([^/]+))?\/?$/.exec(path);
  return {
    restaurantId: m?.[1] ? decodeURIComponent(m[1]) : null,
    section: m?.[2] ?? null,
    itemId: m?.[3] ? decodeURIComponent(m[3]) : null,
  };
}

export const itemPath = (restaurantId: string, section: string, itemId: string) =>
  `${restaurantPath(restaurantId, section)}/${encodeURIComponent(itemId)}`;
