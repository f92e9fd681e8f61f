// Given / when / then for deciders (as emmett's DeciderSpecification): every domain spec reads like
// the rule it checks. Drives any Decider, so the enterprise and targets deciders share it.
import type { Decider } from '@cl/cultivation';

/** A given event, optionally with the eventId a later command will refer to. */
export type Given<E> = E | { eventId: string; event: E };

type ErrorClass = abstract new (...args: never[]) => Error;

function isEnvelope<E>(g: Given<E>): g is { eventId: string; event: E } {
  return typeof g === 'object' && g !== null && 'eventId' in g && 'event' in g;
}

/** Starts a spec over a decider with a fixed decision context. */
export function deciderSpec<S, C, E, Ctx>(decider: Decider<S, C, E, Ctx>, context: Ctx) {
  return {
    given(events: readonly Given<E>[] = []) {
      const state = events.reduce<S>((s, g, i) => {
        const envelope = isEnvelope(g) ? g : { eventId: `given-${i + 1}`, event: g };
        return decider.evolve(s, envelope);
      }, decider.initialState());
      return {
        /** The state the given events fold to. */
        state,
        when(command: C, ctx: Ctx = context) {
          const run = () => decider.decide(command, state, ctx);
          return {
            /** Asserts the exact events decided; returns the state after folding them. */
            then(expected: readonly E[]): S {
              const actual = run();
              expect(actual).toEqual(expected);
              return actual.reduce((s, event, i) => decider.evolve(s, { eventId: `then-${i + 1}`, event }), state);
            },
            /** Asserts the command is accepted and decides no events (already done, or nothing to do). */
            thenNothingHappened(): void {
              expect(run()).toEqual([]);
            },
            /** Asserts a refusal of the given class, matching e.g. { rule, field }. */
            thenThrows(errorClass: ErrorClass, expected: Record<string, unknown> = {}): Error {
              let caught: unknown;
              try {
                run();
              } catch (e) {
                caught = e;
              }
              if (!(caught instanceof errorClass)) {
                const got =
                  caught === undefined
                    ? 'no error (events were decided)'
                    : `${String(caught)} ${JSON.stringify(caught)}`;
                throw new Error(`expected ${errorClass.name}, got ${got}`);
              }
              expect(caught).toMatchObject(expected);
              return caught as Error;
            },
          };
        },
      };
    },
  };
}
