// Events of the review-link use cases (see ../../accounts/events for the style).
export {};
