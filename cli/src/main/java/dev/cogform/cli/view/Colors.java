package dev.cogform.cli.view;

/** ANSI colours, applied last and only when on (a terminal, no --no-color, no NO_COLOR). */
public record Colors(boolean on) {

    public static final Colors OFF = new Colors(false);

    public String green(String s) {
        return wrap("32", s);
    }

    public String yellow(String s) {
        return wrap("33", s);
    }

    public String red(String s) {
        return wrap("31", s);
    }

    public String cyan(String s) {
        return wrap("36", s);
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    private String wrap(String code, String s) {
        return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
