package dev.cogform.cli.wiring;

import dev.cogform.cli.git.SourceControl;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.stack.DesiredStateLoader;
import dev.cogform.core.desired.LoadResult;
import dev.cogform.core.desired.Variables;
import dev.cogform.core.live.CognitoGateway;
import dev.cogform.core.live.cognito.QuotaBudget;
import dev.cogform.core.refresh.PoolResolver;
import dev.cogform.core.state.StateStore;
import java.io.Console;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What commands need from the world: loading a stack, its gateway and state store, a clock, the
 * terminal and the environment. {@link #standard()} is the real one (the loader and {@link Wiring});
 * tests pass fakes through {@code Main.commandLine(StackServices)}.
 */
public interface StackServices {

    LoadResult load(Path stackDir, Variables variables);

    /**
     * Called before {@link #load} by commands that will call {@link #gateway}: the standard services
     * start setting up the AWS SDK in the background ({@link Wiring#warmUp()}), so it overlaps loading
     * the YAML. Does nothing by default.
     */
    default void prepareGateway() {
    }

    CognitoGateway gateway(DesiredState stack);

    StateStore stateStore(DesiredState stack);

    /**
     * The gateway for the stack drawing on {@code budget}, shared with the other stacks of its
     * account-region (see {@link #budgetKey}); fakes may ignore the budget.
     */
    default CognitoGateway gateway(DesiredState stack, QuotaBudget budget) {
        return gateway(stack);
    }

    /**
     * Which rate budget the stack draws on: its account, region and (for non-AWS endpoints) endpoint.
     * Stacks with the same key share Cognito's quotas.
     */
    default String budgetKey(DesiredState stack) {
        return "default";
    }

    /** How pool names resolve: a lookup; the sandbox wiring may create missing pools instead. */
    default PoolResolver poolResolver(DesiredState stack, CognitoGateway gateway) {
        return PoolResolver.lookup(gateway);
    }

    Clock clock();

    /** Where stacks stand in git, for plan provenance and apply's checks; by default JGit on the real work tree. */
    default SourceControl sourceControl() {
        return SourceControl.git(environment());
    }

    Terminal terminal();

    /** The process environment (NO_COLOR). */
    Map<String, String> environment();

    /** A terminal to ask on: interactive when a human is there to answer. */
    interface Terminal {
        boolean interactive();

        /** The next line typed, or null at end of input. */
        String readLine();
    }

    static StackServices standard() {
        return new StackServices() {
            @Override
            public LoadResult load(Path stackDir, Variables variables) {
                return DesiredStateLoader.load(stackDir, variables);
            }

            @Override
            public void prepareGateway() {
                Wiring.warmUp();
            }

            @Override
            public CognitoGateway gateway(DesiredState stack) {
                return Wiring.gateway(stack);
            }

            @Override
            public PoolResolver poolResolver(DesiredState stack, CognitoGateway gateway) {
                return gateway instanceof SandboxGateway sandbox ? sandbox.poolResolver() : PoolResolver.lookup(gateway);
            }

            @Override
            public StateStore stateStore(DesiredState stack) {
                return Wiring.stateStore(stack);
            }

            @Override
            public CognitoGateway gateway(DesiredState stack, QuotaBudget budget) {
                return Wiring.gateway(stack, budget);
            }

            @Override
            public String budgetKey(DesiredState stack) {
                return Wiring.budgetKey(stack);
            }

            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }

            @Override
            public Terminal terminal() {
                Console console = System.console();
                return new Terminal() {
                    @Override
                    public boolean interactive() {
                        return console != null;
                    }

                    @Override
                    public String readLine() {
                        return console == null ? null : console.readLine();
                    }
                };
            }

            @Override
            public Map<String, String> environment() {
                return System.getenv();
            }
        };
    }
}
