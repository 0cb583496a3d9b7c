/**
 * `@mas/core/testing`: helpers for the tests of an app built on MAS (no Nest loaded).
 */
export * from './test-namespace';
