package dev.cogform.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One stored app client. {@code settings} holds every Describe member except the identity, secret
 * and dates, defaults filled in; an update replaces the entry. {@code seq} orders clients for paging.
 */
record ClientEntry(String clientId, long seq, String secret, double created, double modified, ObjectNode settings) {
}
