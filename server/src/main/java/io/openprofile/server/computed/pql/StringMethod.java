package io.openprofile.server.computed.pql;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * PQL string test written as a method on a field, such as {@code eventType.equals("download", false)}. The
 * optional boolean argument sets whether the test is case sensitive. It defaults to true, as in Adobe's PQL string
 * functions. A case-insensitive test compares both strings lower-cased in {@link Locale#ROOT}.
 */
enum StringMethod {
    EQUALS("equals"),
    NOT_EQUAL_TO("notEqualTo"),
    STARTS_WITH("startsWith"),
    DOES_NOT_START_WITH("doesNotStartWith"),
    ENDS_WITH("endsWith"),
    DOES_NOT_END_WITH("doesNotEndWith"),
    CONTAINS("contains"),
    DOES_NOT_CONTAIN("doesNotContain");

    private final String pqlName;

    StringMethod(String pqlName) {
        this.pqlName = pqlName;
    }

    String pqlName() {
        return pqlName;
    }

    /** Returns the method named exactly {@code name}; PQL function names are case sensitive. */
    static Optional<StringMethod> fromName(String name) {
        return Arrays.stream(values()).filter(method -> method.pqlName.equals(name)).findFirst();
    }

    /** Returns the names for error messages: "equals, notEqualTo, ... and doesNotContain". */
    static String names() {
        String all = Arrays.stream(values()).map(StringMethod::pqlName).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " and " + all.substring(last + 2);
    }

    boolean test(String value, String argument, boolean caseSensitive) {
        String subject = caseSensitive ? value : value.toLowerCase(Locale.ROOT);
        String pattern = caseSensitive ? argument : argument.toLowerCase(Locale.ROOT);
        switch (this) {
            case EQUALS:
                return subject.equals(pattern);
            case NOT_EQUAL_TO:
                return !subject.equals(pattern);
            case STARTS_WITH:
                return subject.startsWith(pattern);
            case DOES_NOT_START_WITH:
                return !subject.startsWith(pattern);
            case ENDS_WITH:
                return subject.endsWith(pattern);
            case DOES_NOT_END_WITH:
                return !subject.endsWith(pattern);
            case CONTAINS:
                return subject.contains(pattern);
            default:
                return !subject.contains(pattern);
        }
    }
}
