package io.openprofile.server.http;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Streams {@link InputStream} entities of {@code application/octet-stream} responses. Quarkus REST
 * 3.33 chose its writer for the generated download operation as if the entity were a plain
 * {@code Object}, and wrote the stream's {@code toString()}. This writer is registered for
 * {@code Object}, so it is chosen instead.
 */
@Provider
@Produces(MediaType.APPLICATION_OCTET_STREAM)
public class InputStreamWriter implements MessageBodyWriter<Object> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return InputStream.class.isAssignableFrom(type) || type == Object.class;
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream output) throws IOException {
        if (entity instanceof InputStream content) {
            try (content) {
                content.transferTo(output);
            }
            return;
        }
        // Same output as the built-in writer for other entities.
        output.write(String.valueOf(entity).getBytes(StandardCharsets.UTF_8));
    }
}
