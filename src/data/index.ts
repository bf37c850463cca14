export * from "./people";
export * from "./points";
