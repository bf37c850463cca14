export { RandomState, checkSeed } from "./random-state";
