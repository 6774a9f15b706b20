package io.openprofile.server.computed;

import io.openprofile.server.error.DomainException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One {@code property} filter of the computed attribute list, as Adobe's guide defines them:
 * {@code name}, {@code status} and {@code mergeFunction.value} with {@code =}, {@code !=},
 * {@code =contains(a,b)} and {@code =!contains(a,b)}; {@code createEpoch} and {@code updateEpoch}
 * with {@code >=} and {@code <=} on epoch milliseconds. Text values compare ignoring case.
 */
final class ComputedAttributeFilter {

    private static final Pattern TEXT = Pattern.compile("(name|status|mergeFunction\\.value)(!=|=!contains\\(|=contains\\(|=)(.*)");
    private static final Pattern EPOCH = Pattern.compile("(createEpoch|updateEpoch)(>=|<=)(-?[0-9]{1,19})");

    private ComputedAttributeFilter() {
    }

    /** Parses the filters; any other form is a 400 naming the filter. */
    static Predicate<ComputedAttribute> parse(List<String> properties) {
        Predicate<ComputedAttribute> all = attribute -> true;
        if (properties == null) {
            return all;
        }
        for (String property : properties) {
            all = all.and(parseOne(property));
        }
        return all;
    }

    private static Predicate<ComputedAttribute> parseOne(String property) {
        Matcher epoch = EPOCH.matcher(property);
        if (epoch.matches()) {
            Function<ComputedAttribute, Long> field = epoch.group(1).equals("createEpoch")
                    ? ComputedAttribute::createdAt : ComputedAttribute::updatedAt;
            long bound = Long.parseLong(epoch.group(3));
            return epoch.group(2).equals(">=") ? attribute -> field.apply(attribute) >= bound
                    : attribute -> field.apply(attribute) <= bound;
        }
        Matcher text = TEXT.matcher(property);
        if (!text.matches()) {
            throw DomainException.invalid("property", property, "must be name, status or mergeFunction.value with "
                    + "=, !=, =contains(a,b) or =!contains(a,b), or createEpoch or updateEpoch with >= or <= and "
                    + "epoch milliseconds");
        }
        Function<ComputedAttribute, String> field = switch (text.group(1)) {
            case "name" -> ComputedAttribute::name;
            case "status" -> attribute -> attribute.status().name();
            default -> ComputedAttribute::mergeFunction;
        };
        String operator = text.group(2);
        String value = text.group(3);
        if (operator.endsWith("(")) {
            if (!value.endsWith(")")) {
                throw DomainException.invalid("property", property, "must close contains( with )");
            }
            Set<String> values = Arrays.stream(value.substring(0, value.length() - 1).split(","))
                    .map(item -> item.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            boolean negate = operator.startsWith("=!");
            return attribute -> values.contains(field.apply(attribute).toLowerCase(Locale.ROOT)) != negate;
        }
        boolean negate = operator.equals("!=");
        return attribute -> field.apply(attribute).equalsIgnoreCase(value) != negate;
    }
}
