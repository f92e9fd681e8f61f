/** Injection token of the EventStore port (the adapter is chosen by EVENT_STORE). */
export const EVENT_STORE = Symbol('EVENT_STORE');
