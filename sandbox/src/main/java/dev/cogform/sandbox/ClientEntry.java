package dev.cogform.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One stored app client. {@code settings} holds every Describe member except the identity, secret
 * and dates, defaults filled in; an update replaces the entry. {@code seq} orders clients for paging.
 * {@code secrets} are its client secrets, oldest first (at most {@link ClientApi#MAX_SECRETS});
 * {@code secret} is the newest one's value, the one DescribeUserPoolClient returns, kept beside the
 * list so that data files written before secrets had ids still read.
 */
record ClientEntry(String clientId, long seq, String secret, double created, double modified, ObjectNode settings,
                   List<SecretEntry> secrets) {

    ClientEntry {
        if (secrets == null) {
            // A data file from before secret rotation: its one secret gets an id now.
            secrets = secret == null ? List.of() : List.of(new SecretEntry(Ids.secretId(clientId, 0), secret, created));
        }
        secrets = List.copyOf(secrets);
        secret = secrets.isEmpty() ? null : secrets.get(secrets.size() - 1).value();
    }

    /** A client with these secrets, oldest first. */
    ClientEntry withSecrets(List<SecretEntry> newSecrets) {
        return new ClientEntry(clientId, seq, null, created, modified, settings, newSecrets);
    }

    /** One client secret: its id, value and creation date (epoch seconds, as Cognito's dates). */
    record SecretEntry(String id, String value, double created) {
    }
}
