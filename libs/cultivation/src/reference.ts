// A second, light public entry of the cultivation library: reference data a command line checks its arguments
// against (Tianjin's districts), without loading the application. Also exported by index.ts.
export { DISTRICTS } from './domain/shared/districts';
