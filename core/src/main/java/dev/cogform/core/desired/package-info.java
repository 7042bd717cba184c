/**
 * The desired state: what {@code cogform.yaml} says, as immutable records with source positions,
 * and the loader and validation rules that produce it. The only core package that reads files.
 */
package dev.cogform.core.desired;
