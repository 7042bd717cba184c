package dev.cogform.cli.launcher;

import java.lang.management.ManagementFactory;

/**
 * Stands in for cogform's main class in {@link LauncherTest}: prints the JVM options it was started
 * with and its arguments, one per line. On the launcher's archive training run (the property
 * {@code cogform.cdsTraining}) it exits with {@code PROBE_TRAINING_EXIT} (default 0) instead.
 */
public final class LauncherProbe {

    private LauncherProbe() {
    }

    public static void main(String[] args) {
        if (Boolean.getBoolean("cogform.cdsTraining")) {
            String exit = System.getenv("PROBE_TRAINING_EXIT");
            System.exit(exit == null ? 0 : Integer.parseInt(exit));
        }
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            System.out.println("jvm " + option);
        }
        for (String arg : args) {
            System.out.println("arg " + arg);
        }
    }
}
