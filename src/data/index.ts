export * from "./people";
export * from "./points";
export * from "./generators";
export * from "./split";
