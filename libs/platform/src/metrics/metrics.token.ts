/** Injection token of the MetricsRecorder (the libraries inject it with @Optional(); NO_METRICS without it). */
export const METRICS = Symbol('METRICS');
