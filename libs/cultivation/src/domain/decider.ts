// The one shape of a decider (as emmett's Decider): the command executor, the batch writer and the
// given/when/then spec helper all drive a decider through this type alone.
import type { Envelope } from './events/envelope';

export interface Decider<State, Command, Event, Context> {
  /** The events a command produces from the state, [] when nothing is to be done; a refusal throws. */
  decide(command: Command, state: State, context: Context): readonly Event[];
  /** Folds one event (with the id it is stored under) into the state. */
  evolve(state: State, envelope: Envelope<Event>): State;
  /** The state of a stream with no events. */
  initialState(): State;
}
