// The public API of the review-link use cases: commands, queries, input schemas and views.
export {};
