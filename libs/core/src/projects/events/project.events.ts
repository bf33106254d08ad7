// Events of the project use cases (see ../../accounts/events for the style).
export {};
