/**
 * The stored headline the page painted first (lib/headline, issue #15), for the full UI's views to show
 * until their live queries answer: the hand-over from the first paint keeps the same numbers on screen.
 */
import { createContext } from 'preact';
import type { StoreHeadline } from '@/lib/headline/schema';

export const InitialHeadline = createContext<StoreHeadline | undefined>(undefined);
