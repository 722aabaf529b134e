import type { TurnContext } from 'botbuilder';

/**
 * A value kept in the turn state for this turn only and taken once: the first reader gets it, any
 * later one nothing. Turn state, never stored. One key per use (`turnOnce<T>('name')`).
 */
export interface TurnOnce<T> {
  set(context: TurnContext, value: T): void;
  /** The value set in this turn, if any; it is gone after this. */
  take(context: TurnContext): T | undefined;
}

export function turnOnce<T>(name: string): TurnOnce<T> {
  const key = Symbol(name);
  return {
    set: (context, value) => {
      context.turnState.set(key, value);
    },
    take: (context) => {
      const value = context.turnState.get(key) as T | undefined;
      context.turnState.delete(key);
      return value;
    },
  };
}
