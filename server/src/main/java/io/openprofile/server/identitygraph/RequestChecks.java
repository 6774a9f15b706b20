package io.openprofile.server.identitygraph;

import io.openprofile.server.error.DomainException;
import java.util.ArrayList;
import java.util.List;

/** Checks of identity graph request values that the contract's schemas cannot express. */
final class RequestChecks {

    /** The only graph openprofile keeps: the private device graph. */
    static final String PRIVATE_DEVICE_GRAPH = "pdg";

    private RequestChecks() {
    }

    /** Rejects any graph type other than the private device graph. A null graph type means the default. */
    static void requireGraphType(String graphType, String field) {
        if (graphType != null && !graphType.equals(PRIVATE_DEVICE_GRAPH)) {
            throw DomainException.invalid(field, graphType,
                    "must be " + PRIVATE_DEVICE_GRAPH + ", the only graph that openprofile keeps");
        }
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }

    /** Rejects a list of more identities than one request may name. */
    static void requireCount(String field, int count) {
        if (count > IdentityGraphService.MAX_REQUESTED_IDENTITIES) {
            throw DomainException.invalid(field, count + " identities", "must list at most "
                    + IdentityGraphService.MAX_REQUESTED_IDENTITIES + " identities; split them into several requests");
        }
    }

    /** Returns a required string of a list item, rejecting null and blank values. */
    static String requireValue(String field, String value) {
        if (value == null) {
            throw DomainException.missing(field, null);
        }
        if (value.isBlank()) {
            throw DomainException.invalid(field, value, "must not be blank");
        }
        return value;
    }

    /** Returns a list item, rejecting a JSON null in its place. */
    static <T> T requireItem(String field, T item) {
        if (item == null) {
            throw DomainException.invalid(field, null, "must be an object with a namespace and an id");
        }
        return item;
    }

    /** Reads the {@code xids} list of a request, rejecting too many and blank XIDs. */
    static List<RequestedIdentity> requireXids(List<String> xids) {
        requireCount("xids", xids.size());
        List<RequestedIdentity> identities = new ArrayList<>();
        for (int i = 0; i < xids.size(); i++) {
            identities.add(RequestedIdentity.ofXid(requireValue("xids[" + i + "]", xids.get(i))));
        }
        return identities;
    }
}
