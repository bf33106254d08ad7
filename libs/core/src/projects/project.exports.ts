// The public API of the project use cases: commands, queries, input schemas and views.
export {};
