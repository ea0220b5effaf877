export * from "./auth";
export * from "./catalog";
export * from "./commerce";
export * from "./behaviour";
export * from "./campaigns";
export * from "./community";
export * from "./security";
