export * from "./core";
export * from "./random";
export * from "./data";
