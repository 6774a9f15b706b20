package io.openprofile.server.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.xdm.ComparisonOperator;
import io.openprofile.server.xdm.XdmTimestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Experience-event filter from the {@code property} query parameter, such as
 * {@code web.webPageDetails.isHomepage=false} or {@code placeContext.localTime<="2020-07-20"}.
 *
 * <p>The form is {@code path<op>value} with the operators {@code =}, {@code !=}, {@code <}, {@code <=}, {@code >}
 * and {@code >=}. The value is a quoted string, a number, {@code true} or {@code false}, or a bare string. A value
 * that is a date ({@code yyyy-mm-dd} or {@code yyyymmdd}) compared with an ISO-8601 date-time in the event
 * compares with the calendar date of that date-time in its own offset (UTC when it has none), and with the UTC
 * date of an epoch-milliseconds number.
 *
 * <p>A path through an array matches when any element matches. A missing or {@code null} field never matches.
 * A field whose type cannot be compared with the value matches only {@code !=}.
 */
public final class PropertyFilter {

    /** Maximum number of {@code property} filters in one request, as Adobe's entities API documents. */
    public static final int MAX_FILTERS = 3;

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern DASHED_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern COMPACT_DATE = Pattern.compile("\\d{8}");

    private final String text;
    private final List<String> path;
    private final ComparisonOperator operator;
    private final FilterValue value;

    private PropertyFilter(String text, List<String> path, ComparisonOperator operator, FilterValue value) {
        this.text = text;
        this.path = path;
        this.operator = operator;
        this.value = value;
    }

    /**
     * Parses one filter.
     *
     * @throws IllegalArgumentException naming the filter and the problem when the syntax is invalid
     */
    public static PropertyFilter parse(String filter) {
        int at = operatorIndex(filter);
        ComparisonOperator operator = operatorAt(filter, at);
        List<String> path = parsePath(filter, filter.substring(0, at));
        FilterValue value = parseValue(filter, filter.substring(at + operator.symbol().length()));
        if (value.bool() != null && operator.isOrdering()) {
            throw invalid(filter, "operator " + operator.symbol() + " needs a number, date or string, not a boolean");
        }
        return new PropertyFilter(filter, path, operator, value);
    }

    /**
     * Parses the filters of one request.
     *
     * @throws IllegalArgumentException if there are more than {@link #MAX_FILTERS} or one is invalid
     */
    public static List<PropertyFilter> parseAll(List<String> filters) {
        if (filters.size() > MAX_FILTERS) {
            throw new IllegalArgumentException("at most " + MAX_FILTERS + " property filters are allowed, got "
                    + filters.size());
        }
        return filters.stream().map(PropertyFilter::parse).toList();
    }

    /** Returns the field path, outermost name first. */
    public List<String> path() {
        return path;
    }

    public ComparisonOperator operator() {
        return operator;
    }

    /** Returns {@code true} if the event satisfies this filter. */
    public boolean matches(ObjectNode event) {
        List<JsonNode> fields = new ArrayList<>();
        collect(event, 0, fields);
        for (JsonNode field : fields) {
            Integer comparison = compare(field);
            if (comparison == null ? operator == ComparisonOperator.NOT_EQUAL : operator.test(comparison)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }

    private void collect(JsonNode node, int depth, List<JsonNode> found) {
        if (node.isArray()) {
            node.forEach(element -> collect(element, depth, found));
        } else if (depth == path.size()) {
            if (!node.isNull()) {
                found.add(node);
            }
        } else if (node.isObject() && node.has(path.get(depth))) {
            collect(node.get(path.get(depth)), depth + 1, found);
        }
    }

    /** Compares the field with the filter value; returns {@code null} when their types cannot be compared. */
    private Integer compare(JsonNode field) {
        if (field.isBoolean()) {
            return value.bool() == null ? null : Boolean.compare(field.booleanValue(), value.bool());
        }
        if (field.isNumber()) {
            return compareNumber(field);
        }
        if (field.isTextual()) {
            return compareText(field.asText());
        }
        return null;
    }

    private Integer compareNumber(JsonNode field) {
        if (value.number() != null) {
            return field.decimalValue().compareTo(value.number());
        }
        if (value.date() != null && field.canConvertToLong()) {
            LocalDate fieldDate = Instant.ofEpochMilli(field.longValue()).atOffset(ZoneOffset.UTC).toLocalDate();
            return fieldDate.compareTo(value.date());
        }
        return null;
    }

    private Integer compareText(String field) {
        if (value.date() != null) {
            var dateTime = XdmTimestamps.parse(field);
            if (dateTime.isPresent()) {
                return dateTime.get().toLocalDate().compareTo(value.date());
            }
        }
        return field.compareTo(value.text());
    }

    private static int operatorIndex(String filter) {
        for (int i = 0; i < filter.length(); i++) {
            if ("=!<>".indexOf(filter.charAt(i)) >= 0) {
                return i;
            }
        }
        throw invalid(filter, "missing operator; use path=value with one of =, !=, <, <=, >, >=");
    }

    private static ComparisonOperator operatorAt(String filter, int at) {
        char first = filter.charAt(at);
        boolean equalsFollows = at + 1 < filter.length() && filter.charAt(at + 1) == '=';
        switch (first) {
            case '!':
                if (!equalsFollows) {
                    throw invalid(filter, "'!' at position " + (at + 1) + " must be followed by '='");
                }
                return ComparisonOperator.NOT_EQUAL;
            case '<':
                return equalsFollows ? ComparisonOperator.LESS_OR_EQUAL : ComparisonOperator.LESS;
            case '>':
                return equalsFollows ? ComparisonOperator.GREATER_OR_EQUAL : ComparisonOperator.GREATER;
            default:
                return ComparisonOperator.EQUAL;
        }
    }

    private static List<String> parsePath(String filter, String pathText) {
        if (pathText.isBlank()) {
            throw invalid(filter, "missing field path before the operator");
        }
        List<String> segments = List.of(pathText.split("\\.", -1));
        for (String segment : segments) {
            if (segment.isBlank() || !segment.strip().equals(segment)) {
                throw invalid(filter, "field path \"" + pathText + "\" has an empty segment or spaces");
            }
        }
        return segments;
    }

    private static FilterValue parseValue(String filter, String raw) {
        if (raw.isEmpty()) {
            throw invalid(filter, "missing value after the operator");
        }
        if (raw.startsWith("\"")) {
            if (raw.length() < 2 || !raw.endsWith("\"")) {
                throw invalid(filter, "value " + raw + " is missing its closing quote");
            }
            String inner = raw.substring(1, raw.length() - 1);
            return new FilterValue(inner, null, numberOrNull(inner), dateOrNull(filter, inner));
        }
        if (raw.equals("true") || raw.equals("false")) {
            return new FilterValue(raw, Boolean.valueOf(raw), null, null);
        }
        return new FilterValue(raw, null, numberOrNull(raw), dateOrNull(filter, raw));
    }

    private static BigDecimal numberOrNull(String text) {
        return NUMBER.matcher(text).matches() ? new BigDecimal(text) : null;
    }

    private static LocalDate dateOrNull(String filter, String text) {
        DateTimeFormatter format;
        if (DASHED_DATE.matcher(text).matches()) {
            format = DateTimeFormatter.ISO_LOCAL_DATE;
        } else if (COMPACT_DATE.matcher(text).matches()) {
            format = DateTimeFormatter.BASIC_ISO_DATE;
        } else {
            return null;
        }
        try {
            return LocalDate.parse(text, format);
        } catch (DateTimeParseException e) {
            if (COMPACT_DATE.matcher(text).matches()) {
                // Eight digits that are not a calendar date are just a number.
                return null;
            }
            throw invalid(filter, "value " + text + " is not a valid date; use yyyy-mm-dd or yyyymmdd");
        }
    }

    private static IllegalArgumentException invalid(String filter, String problem) {
        return new IllegalArgumentException("invalid property filter \"" + filter + "\": " + problem);
    }

    /** Parsed filter value with every reading of it that applies. */
    private record FilterValue(String text, Boolean bool, BigDecimal number, LocalDate date) {
    }
}
