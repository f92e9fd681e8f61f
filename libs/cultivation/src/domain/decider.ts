// The one shape of a decider (as emmett's Decider): the command executor, the batch writer and the
// given/when/then spec helper all drive a decider through this type alone.
import type { Envelope } from './events/envelope';

export interface Decider<State, Command, Event, Context> {
  /** The events a command produces from the state, [] when nothing is to be done; a refusal throws. */
  decide(command: Command, state: State, context: Context): readonly Event[];
  /** Folds one event (with the id it is stored under) into the state. */
  evolve(state: State, envelope: Envelope<Event>): State;
  /**
   * Optional: the same fold into a state the caller owns (nothing else holds it or anything in it), changed in place
   * rather than copied per event: for folding a stream from initialState (foldStored).
   */
  evolveOwned?(state: State, envelope: Envelope<Event>): State;
  /** The state of a stream with no events. */
  initialState(): State;
}
