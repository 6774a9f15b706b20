package io.openprofile.server.entities;

import io.openprofile.server.error.DomainException;

/**
 * The event sort order. Adobe documents both {@code orderby} and {@code orderBy}; either is
 * accepted, and when both are sent they must agree.
 */
final class Orderings {

    private Orderings() {
    }

    static String pick(String orderby, String orderBy) {
        if (orderby != null && orderBy != null && !orderby.equals(orderBy)) {
            throw DomainException.invalid("orderBy", orderBy, "must equal orderby ('" + orderby
                    + "') when both are sent");
        }
        return orderby != null ? orderby : orderBy;
    }

    /** Returns true for a descending order; accepts timestamp, +timestamp and -timestamp. */
    static boolean descending(String order, String field) {
        if (order == null || order.isBlank()) {
            return false;
        }
        // A '+' sent unencoded in a query string arrives as a space.
        String trimmed = order.strip();
        return switch (trimmed) {
            case "timestamp", "+timestamp" -> false;
            case "-timestamp" -> true;
            default -> throw DomainException.invalid(field, order, "must be +timestamp or -timestamp");
        };
    }
}
