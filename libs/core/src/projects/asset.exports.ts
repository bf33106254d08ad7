// The public API of the asset use cases: commands, queries, input schemas and views.
export {};
