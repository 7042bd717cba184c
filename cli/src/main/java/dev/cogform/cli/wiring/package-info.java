/**
 * What a command runs against: the process's environment, terminal and clock ({@link
 * dev.cogform.cli.wiring.StackServices}), and the state store and Cognito gateway a stack's settings
 * name ({@link dev.cogform.cli.wiring.Wiring}). Commands and {@code Main} depend on it; it depends on
 * neither, so tests hand commands fakes through it.
 */
package dev.cogform.cli.wiring;
