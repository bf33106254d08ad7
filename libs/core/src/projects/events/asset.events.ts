// Events of the asset use cases (see ../../accounts/events for the style).
export {};
