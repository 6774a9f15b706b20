package io.openprofile.contract.compat;

/**
 * One way in which openprofile's contract differs from Adobe's.
 *
 * @param id stable identifier, {@code <kind>:<METHOD> <path>[:<detail>]}, under which
 *     {@code explained.yaml} gives the reason
 * @param operation the operation the difference belongs to, {@code <METHOD> <path>}
 * @param description what differs, for the report
 */
record Difference(String id, String operation, String description) {
}
