package io.openprofile.server.error;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Turns a Bean Validation property path into the name a client sent: the query, path or header
 * name declared on the generated interface ({@code schema.name} rather than {@code schemaName}),
 * or the dotted body path ({@code identities[0].entityId}).
 */
final class ViolationPaths {

    /**
     * Name reported for the request body itself, because the generated parameter name of a body
     * (such as {@code mergePolicyCreate}) appears nowhere in a request.
     */
    static final String BODY = "body";

    private ViolationPaths() {
    }

    static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    static String wireName(ConstraintViolation<?> violation, SimpleResourceInfo resource) {
        StringBuilder bodyPath = new StringBuilder();
        String parameterName = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameterName = parameterName(node.as(Path.ParameterNode.class), resource);
                case PROPERTY, CONTAINER_ELEMENT -> appendProperty(bodyPath, node);
                default -> {
                }
            }
        }
        if (!bodyPath.isEmpty()) {
            return bodyPath.toString();
        }
        return parameterName == null ? violation.getPropertyPath().toString() : parameterName;
    }

    private static void appendProperty(StringBuilder path, Path.Node node) {
        if (node.getIndex() != null && !path.isEmpty()) {
            path.append('[').append(node.getIndex()).append(']');
        }
        if (node.getName() != null && !node.getName().startsWith("<")) {
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(node.getName());
        }
    }

    private static String parameterName(Path.ParameterNode node, SimpleResourceInfo resource) {
        Annotation[] annotations = parameterAnnotations(resource, node.getParameterIndex());
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
        }
        // A parameter of a generated method without a query, path or header annotation is the body.
        return annotations == null ? node.getName() : BODY;
    }

    /** Returns the annotations of a generated method's parameter, or null when no interface declares it. */
    private static Annotation[] parameterAnnotations(SimpleResourceInfo resource, int index) {
        if (resource == null || resource.getResourceClass() == null) {
            return null;
        }
        for (Class<?> type : resource.getResourceClass().getInterfaces()) {
            try {
                Method method = type.getMethod(resource.getMethodName(), resource.parameterTypes());
                Annotation[][] all = method.getParameterAnnotations();
                if (index < all.length) {
                    return all[index];
                }
            } catch (NoSuchMethodException e) {
                // not declared on this interface; try the next one
            }
        }
        return null;
    }
}
