package io.openprofile.server.error;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One problem behind a failure, such as one error of a rejected record; {@code path} is dotted. */
@RegisterForReflection
public record ErrorDetail(String code, String message, String path) {
}
