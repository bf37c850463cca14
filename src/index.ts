export * from "./core";
export * from "./random";
export * from "./data";
export * from "./plots";
export * from "./display";
export * from "./exercises";
