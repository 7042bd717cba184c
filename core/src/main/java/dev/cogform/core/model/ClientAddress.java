package dev.cogform.core.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** A client's address in the desired state: the pool key and the client key, written {@code pool.client}. */
public record ClientAddress(String pool, String client) implements Comparable<ClientAddress> {

    /** Keys users may write for pools and clients. */
    public static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    public ClientAddress {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(client, "client");
    }

    /** Parses {@code pool.client}; fails with a message naming the expected form. */
    public static ClientAddress parse(String text) {
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1 || text.indexOf('.', dot + 1) >= 0) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a client address; write POOL.CLIENT, for example main.web");
        }
        return new ClientAddress(text.substring(0, dot), text.substring(dot + 1));
    }

    /** The order of the written form {@code pool.client}; within one pool without building strings (planning sorts a lot). */
    @Override
    public int compareTo(ClientAddress o) {
        if (pool.equals(o.pool)) {
            return client.compareTo(o.client);
        }
        return toString().compareTo(o.toString());
    }

    @Override
    public String toString() {
        return pool + "." + client;
    }
}
