/**
 * The desired state: what {@code cogform.yaml} says, as immutable records with source positions, and
 * {@link dev.cogform.core.desired.StackFile}, which reads them (the whole file, or only its {@code state:}
 * block for the state commands). The only core package that reads files. The Cognito rules that check what it
 * read live in {@code rule}; {@code stack} runs both.
 */
package dev.cogform.core.desired;
