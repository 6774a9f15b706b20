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
 * Streams {@link InputStream} entities as {@code application/octet-stream}. Quarkus REST 3.33
 * chose its writer for the generated download operation as if the entity were a plain
 * {@code Object}: it wrote the stream's {@code toString()}, or failed in Jackson when the request
 * accepted JSON, as the generated Java client's requests do. This writer is registered for
 * {@code Object} and both media types, so it is chosen instead, and it always sends octet-stream.
 */
@Provider
@Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
public class InputStreamWriter implements MessageBodyWriter<Object> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return InputStream.class.isAssignableFrom(type) || type == Object.class;
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream output) throws IOException {
        if (entity instanceof InputStream content) {
            headers.putSingle("Content-Type", MediaType.APPLICATION_OCTET_STREAM);
            try (content) {
                content.transferTo(output);
            }
            return;
        }
        // Same output as the built-in writer for other entities.
        output.write(String.valueOf(entity).getBytes(StandardCharsets.UTF_8));
    }
}
