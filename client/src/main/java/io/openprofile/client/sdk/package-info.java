/**
 * Hand-written convenience layer over the generated client: {@link io.openprofile.client.sdk.OpenProfileClient}
 * and its builder, iterators over paged lists, retries of 429 and 503 responses, and exceptions
 * typed by status that carry the parsed error body.
 */
package io.openprofile.client.sdk;
