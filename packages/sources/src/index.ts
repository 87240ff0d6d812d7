export * from "./schema.ts";
export * from "./engine.ts";
