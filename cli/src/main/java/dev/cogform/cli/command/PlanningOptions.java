package dev.cogform.cli.command;

import dev.cogform.core.model.ClientAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** {@code --target} and {@code --refresh}: what a plan covers and whether it reads Cognito. */
public final class PlanningOptions {

    @Option(names = "--target", paramLabel = "POOL.CLIENT", converter = AddressConverter.class,
            description = "Limit the plan (and apply) to this client; repeatable. Not for routine use: other drift goes unseen.")
    List<ClientAddress> targets = new java.util.ArrayList<>();

    @Option(names = "--refresh", arity = "1", paramLabel = "true|false", defaultValue = "true",
            description = "Read the live clients first (default). With false, plan from the recorded state alone.")
    boolean refresh = true;

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
