// The public API of the comment use cases: commands, queries, input schemas and views.
export {};
