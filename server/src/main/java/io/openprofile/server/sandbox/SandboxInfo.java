package io.openprofile.server.sandbox;

/**
 * A stored sandbox. {@code title}, {@code type} and {@code state} are null for a sandbox that was
 * created on first use and never changed through the API. Times are epoch milliseconds.
 */
record SandboxInfo(String name, String title, String type, String state, long createdAt, Long updatedAt) {

    static final String ACTIVE = "active";
    static final String RESETTING = "resetting";
    static final String DELETING = "deleting";
    static final String PRODUCTION_NAME = "prod";

    String shownTitle() {
        return title == null ? name : title;
    }

    String shownType() {
        if (type != null) {
            return type;
        }
        return PRODUCTION_NAME.equals(name) ? "production" : "development";
    }

    String shownState() {
        return state == null ? ACTIVE : state;
    }
}
