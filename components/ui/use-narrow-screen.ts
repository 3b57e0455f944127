"use client";

import { useSyncExternalStore } from "react";

/** Tailwind's `sm` breakpoint from below: the layouts that say `sm:hidden` show here. */
const NARROW = "(width < 40rem)";

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/**
 * Whether the viewport is below `sm`, for a screen that renders one of two layouts instead of
 * both. The server cannot measure, so it passes its guess (lib/http/phone-request.ts): hydration
 * renders that guess, as the server did, and React then re-renders with the real answer, so a
 * wrong guess costs one render, never a hydration mismatch.
 */
export function useNarrowScreen(serverGuess: boolean): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW).matches,
    () => serverGuess,
  );
}

const noSubscription = () => () => undefined;

/** False on the server and while hydrating, true once the client has taken over: for markup the server leaves out. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
