/** Injection token of the EventStore port (the adapter is chosen by EVENT_STORE). */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** Injection token of the subscriptions' bounds (LiveFeedLimits). */
export const LIVE_FEED_LIMITS = Symbol('LIVE_FEED_LIMITS');
