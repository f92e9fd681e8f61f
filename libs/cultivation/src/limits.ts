// A light public entry of the cultivation library for the API's clients: the limits a request meets, read by the
// console (apps/web) without loading anything else of the library.
export { MAX_PAGE } from './application/queries/page-size';
