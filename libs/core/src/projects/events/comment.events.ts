// Events of the comment use cases (see ../../accounts/events for the style).
export {};
