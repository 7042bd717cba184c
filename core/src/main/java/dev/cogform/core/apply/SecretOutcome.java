package dev.cogform.core.apply;

import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.plan.SecretChange;

/**
 * What became of one planned secret step. {@code secretId} is the secret added or deleted (for a
 * rotation whose secret an interrupted apply had added already, that one; {@code adopted} says so);
 * {@code message} says what failed. Never a secret value.
 */
public record SecretOutcome(ClientAddress address, SecretChange.Kind kind, Outcome.Status status, String secretId,
                            boolean adopted, String message) {
}
