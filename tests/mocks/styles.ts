/** Stands in for stylesheets that vendored test code requires (the tests need no styles). */
export {};
