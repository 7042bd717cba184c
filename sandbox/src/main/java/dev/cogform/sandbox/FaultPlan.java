package dev.cogform.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Faults the sandbox injects, per operation: internal errors (HTTP 500 {@code InternalErrorException}),
 * throttles ({@code TooManyRequestsException}), added latency, and dropped connections (closed without
 * an answer, before or after the request was processed). Each rule fires always, for the next N calls,
 * or at a random rate.
 *
 * <p>Spec syntax (comma-separated rules): {@code OPERATION:KIND[:TRIGGER]} where OPERATION is a Cognito
 * operation name or {@code *}; KIND is {@code error}, {@code throttle}, {@code drop}, {@code drop-after}
 * or {@code latency=<N>ms}; TRIGGER is {@code always} (the default), {@code next=<N>} or
 * {@code rate=<0..1>}. Example:
 * {@code UpdateUserPoolClient:throttle:next=3,DescribeUserPoolClient:latency=50ms,CreateUserPoolClient:drop:rate=0.1}.
 *
 * <p>A plan is live and thread-safe: rules can be added or cleared while the sandbox runs, and
 * {@code next=N} counts down as calls arrive. Latencies of all firing rules add up; the first firing
 * rule of another kind decides the answer.
 */
public final class FaultPlan {

    /** What a rule does to a call. */
    public enum Kind {
        /** Answer HTTP 500 {@code InternalErrorException}. */
        ERROR("error"),
        /** Answer {@code TooManyRequestsException}. */
        THROTTLE("throttle"),
        /** Wait before processing (inside the pool's write section for client writes). */
        LATENCY("latency"),
        /** Close the connection without processing or answering. */
        DROP("drop"),
        /** Process the request, then close the connection without answering. */
        DROP_AFTER("drop-after");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * One rule. {@code operation} is a Cognito operation name or {@code *}; {@code latencyMillis} is
     * used by {@link Kind#LATENCY} only; {@code times} &gt; 0 limits the rule to the next that many
     * calls (0 = unlimited); {@code rate} is the chance a call is hit (1 = every call).
     */
    public record Rule(String operation, Kind kind, long latencyMillis, int times, double rate) {
        public Rule {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(kind, "kind");
            if (!"*".equals(operation) && Operation.byWireName(operation).isEmpty()) {
                throw new IllegalArgumentException("unknown operation '" + operation + "'; use * or one of "
                        + Arrays.stream(Operation.values()).map(Operation::wireName).collect(Collectors.joining(", ")));
            }
            if (latencyMillis < 0 || times < 0 || !(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("latency and next must not be negative; rate must be between 0 and 1");
            }
        }

        /** The rule failing every call of {@code operation} with {@code kind}. */
        public static Rule always(String operation, Kind kind) {
            return new Rule(operation, kind, 0, 0, 1);
        }

        /** The rule failing the next {@code times} calls of {@code operation} with {@code kind}. */
        public static Rule next(String operation, Kind kind, int times) {
            return new Rule(operation, kind, 0, times, 1);
        }

        /** The rule delaying every call of {@code operation} by {@code millis}. */
        public static Rule latency(String operation, long millis) {
            return new Rule(operation, Kind.LATENCY, millis, 0, 1);
        }
    }

    /** What to do with one call: wait {@code latencyMillis}, then {@code outcome} (null = answer normally). */
    record Decision(long latencyMillis, Kind outcome) {
        static final Decision NONE = new Decision(0, null);
    }

    private static final Pattern LATENCY = Pattern.compile("latency=([0-9]{1,9})(ms|s)?");
    private static final Pattern NEXT = Pattern.compile("next=([0-9]{1,9})");
    private static final Pattern RATE = Pattern.compile("rate=(0(\\.[0-9]+)?|1(\\.0+)?|\\.[0-9]+)");

    private final List<Active> rules = new CopyOnWriteArrayList<>();
    private Random random = new Random();

    private record Active(Rule rule, AtomicInteger remaining) {
    }

    /** A plan with no rules. */
    public static FaultPlan none() {
        return new FaultPlan();
    }

    /** Parses the spec syntax described on this class; blank means no rules. */
    public static FaultPlan parse(String spec) {
        return new FaultPlan().add(spec);
    }

    /** Adds the rules of a spec; fails with a message naming the bad part and the expected form. */
    public FaultPlan add(String spec) {
        List<Rule> parsed = new ArrayList<>();
        if (spec != null && !spec.isBlank()) {
            for (String part : spec.split(",")) {
                parsed.add(parseRule(part.trim()));
            }
        }
        parsed.forEach(this::add);
        return this;
    }

    public FaultPlan add(Rule rule) {
        rules.add(new Active(rule, new AtomicInteger(rule.times())));
        return this;
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    /** Makes {@code rate=} rules reproducible. */
    public synchronized FaultPlan seed(long seed) {
        random = new Random(seed);
        return this;
    }

    /** The rules still in force, in order. */
    public List<Rule> rules() {
        return rules.stream().filter(a -> a.rule.times() == 0 || a.remaining.get() > 0).map(Active::rule).toList();
    }

    Decision decide(String operation) {
        long latency = 0;
        Kind outcome = null;
        for (Active active : rules) {
            Rule rule = active.rule;
            if (!rule.operation().equals("*") && !rule.operation().equals(operation)) {
                continue;
            }
            if (rule.kind() != Kind.LATENCY && outcome != null) {
                continue;
            }
            if (!fires(active)) {
                continue;
            }
            if (rule.kind() == Kind.LATENCY) {
                latency += rule.latencyMillis();
            } else {
                outcome = rule.kind();
            }
        }
        return latency == 0 && outcome == null ? Decision.NONE : new Decision(latency, outcome);
    }

    private boolean fires(Active active) {
        Rule rule = active.rule;
        if (rule.rate() < 1 && !chance(rule.rate())) {
            return false;
        }
        if (rule.times() > 0) {
            return active.remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }
        return true;
    }

    private synchronized boolean chance(double rate) {
        return random.nextDouble() < rate;
    }

    private static Rule parseRule(String text) {
        String[] parts = text.split(":");
        if (parts.length < 2 || parts.length > 3) {
            throw bad(text, "expected OPERATION:KIND[:TRIGGER]");
        }
        String operation = parts[0].trim();
        String kindText = parts[1].trim().toLowerCase(Locale.ROOT);
        Kind kind;
        long latency = 0;
        Matcher lm = LATENCY.matcher(kindText);
        if (lm.matches()) {
            kind = Kind.LATENCY;
            latency = Long.parseLong(lm.group(1)) * ("s".equals(lm.group(2)) ? 1000 : 1);
        } else {
            kind = Arrays.stream(Kind.values()).filter(k -> k != Kind.LATENCY && k.word.equals(kindText))
                    .findFirst()
                    .orElseThrow(() -> bad(text, "kind '" + kindText
                            + "' is not one of error, throttle, drop, drop-after, latency=<N>ms"));
        }
        int times = 0;
        double rate = 1;
        if (parts.length == 3) {
            String trigger = parts[2].trim().toLowerCase(Locale.ROOT);
            Matcher nm = NEXT.matcher(trigger);
            Matcher rm = RATE.matcher(trigger);
            if (nm.matches() && Integer.parseInt(nm.group(1)) > 0) {
                times = Integer.parseInt(nm.group(1));
            } else if (rm.matches()) {
                rate = Double.parseDouble(rm.group(1));
            } else if (!trigger.equals("always")) {
                throw bad(text, "trigger '" + trigger + "' is not one of always, next=<N> (N >= 1), rate=<0..1>");
            }
        }
        try {
            return new Rule(operation, kind, latency, times, rate);
        } catch (IllegalArgumentException e) {
            throw bad(text, e.getMessage());
        }
    }

    private static IllegalArgumentException bad(String rule, String why) {
        return new IllegalArgumentException("fault rule '" + rule + "': " + why
                + " (example: UpdateUserPoolClient:throttle:next=3,DescribeUserPoolClient:latency=50ms)");
    }

    @Override
    public String toString() {
        return rules().stream().map(r -> r.operation() + ":"
                        + (r.kind() == Kind.LATENCY ? "latency=" + r.latencyMillis() + "ms" : r.kind().word)
                        + (r.times() > 0 ? ":next=" + r.times() : r.rate() < 1 ? ":rate=" + r.rate() : ""))
                .collect(Collectors.joining(","));
    }
}
