package io.openprofile.server.http;

import io.openprofile.server.error.DomainException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * Converts numeric and boolean parameters strictly, so that {@code limit=abc} or
 * {@code withCA=yes} is a 400 naming the parameter. Without it JAX-RS responds to a failed query
 * parameter conversion with a 404, and {@code Boolean.valueOf} reads any word as false.
 */
@Provider
public class StrictParamConverters implements ParamConverterProvider {

    /**
     * A parameter value that failed conversion. JAX-RS passes web exceptions through unchanged.
     * {@code name} is null when the runtime did not pass the parameter's annotations, and the
     * error mapper then finds the name from the request.
     */
    public static final class InvalidParameter extends BadRequestException {
        private final String name;
        private final String value;
        private final String expected;

        InvalidParameter(String name, String value, String expected) {
            super("parameter " + value + " must be " + expected);
            this.name = name;
            this.value = value;
            this.expected = expected;
        }

        /** Builds the domain error, naming the parameter {@code fallbackName} when the converter did not know it. */
        public DomainException toDomain(String fallbackName) {
            return DomainException.invalid(name != null ? name : fallbackName, value, "must be " + expected);
        }

        public String name() {
            return name;
        }

        public String value() {
            return value;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(name,
                    "an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE, Integer::valueOf);
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) converter(name,
                    "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE, Long::valueOf);
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) converter(name, "true or false", StrictParamConverters::parseBoolean);
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String name, String expected, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.trim());
                } catch (IllegalArgumentException e) {
                    throw new InvalidParameter(name, value, expected);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static Boolean parseBoolean(String value) {
        if (value.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (value.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not a boolean: " + value);
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return null;
    }
}
