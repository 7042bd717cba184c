package dev.cogform.cli.command;

import dev.cogform.core.model.ClientAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * {@code --target}, {@code --refresh} and {@code --rotate-secret}: what a plan covers, whether it reads
 * Cognito, and whose client secret it rotates now.
 */
public final class PlanningOptions {

    @Option(names = "--target", paramLabel = "POOL.CLIENT", converter = AddressConverter.class,
            description = "Limit the plan (and apply) to this client; repeatable. Not for routine use: other drift goes unseen.")
    List<ClientAddress> targets = new java.util.ArrayList<>();

    @Option(names = "--refresh", arity = "1", paramLabel = "true|false", defaultValue = "true",
            description = "Read the live clients first (default). With false, plan from the recorded state alone.")
    boolean refresh = true;

    @Option(names = "--rotate-secret", paramLabel = "POOL.CLIENT", converter = AddressConverter.class,
            description = "Plan a rotation of this client's secret now, whatever its age (for a leaked secret); repeatable.")
    List<ClientAddress> rotateSecrets = new java.util.ArrayList<>();

    public Set<ClientAddress> rotateSecrets() {
        return new LinkedHashSet<>(rotateSecrets);
    }

    public Set<ClientAddress> targets() {
        return new LinkedHashSet<>(targets);
    }

    public boolean refresh() {
        return refresh;
    }

    /** Parses {@code POOL.CLIENT}; a bad one is a usage error naming the expected form. */
    static final class AddressConverter implements picocli.CommandLine.ITypeConverter<ClientAddress> {
        @Override
        public ClientAddress convert(String value) {
            try {
                return ClientAddress.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
