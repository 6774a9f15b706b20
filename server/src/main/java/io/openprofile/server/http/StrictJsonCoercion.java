package io.openprofile.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Rejects request values whose JSON type does not fit the field: a number where a boolean or a
 * string belongs, a boolean where a string belongs, and a fraction where a whole number belongs.
 * Jackson would otherwise turn {@code "default": 1} into {@code true}, {@code "name": 123} into
 * {@code "123"} and {@code 6.5} into {@code 6}. The strings {@code "true"} and {@code "false"}
 * stay accepted for booleans, because Adobe's own examples send them.
 */
@Singleton
public class StrictJsonCoercion implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }
}
