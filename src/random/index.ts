export { RandomState } from "./random-state";
