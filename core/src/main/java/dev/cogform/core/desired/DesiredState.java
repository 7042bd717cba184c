package dev.cogform.core.desired;

import dev.cogform.core.model.ClientAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A loaded, validated stack. {@code digest} is the sha256 of the resolved desired content (after
 * variables and defaults), so a saved plan can tell whether the YAML still says the same thing.
 */
public record DesiredState(Path directory, ProviderConfig provider, StateConfig state,
                           List<DesiredPool> pools, String digest) {

    public DesiredState {
        pools = List.copyOf(pools);
    }

    /** All clients of all pools, in file order. */
    public List<DesiredClient> clients() {
        return pools.stream().flatMap(p -> p.clients().stream()).toList();
    }

    public Optional<DesiredClient> client(ClientAddress address) {
        return clients().stream().filter(c -> c.address().equals(address)).findFirst();
    }

    /**
     * A cogform command line for this stack, as a hint prints it: {@code cogform ARGS -C DIR}, without
     * {@code -C} for the working directory, so that it runs as printed from where the user is. {@code -C}
     * comes last (every command takes it there) so that the command reads as its docs name it.
     */
    public String command(String args) {
        String dir = directory == null ? "" : directory.toString();
        return "cogform " + args + (dir.isEmpty() || dir.equals(".") ? "" : " -C " + quoted(dir));
    }

    private static String quoted(String path) {
        return path.matches("[\\w./@%+=:,-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }

    public Optional<DesiredPool> pool(String key) {
        return pools.stream().filter(p -> p.key().equals(key)).findFirst();
    }
}
