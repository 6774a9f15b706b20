package io.openprofile.contract.compat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads an OpenAPI 3 or Swagger 2.0 document with every {@code $ref} resolved in place. */
public final class ContractLoader {

    private ContractLoader() {
    }

    /**
     * Parses {@code file}. Swagger 2.0 documents, such as Adobe's Schema Registry file, are
     * converted to OpenAPI 3 by swagger-parser, which turns {@code host} and {@code basePath}
     * into a server URL.
     *
     * <p>Every file of Adobe's that the compatibility test reads parses as published with
     * swagger-parser 2.1.48, so no file is repaired. NOTE: the parser's warnings are not
     * reported, so a {@code $ref} that does not resolve leaves its response without a body. In
     * Adobe's Sandbox file two such refs sit in package operations that openprofile does not serve.
     *
     * @throws IllegalStateException when the parser returns no document at all
     */
    public static OpenAPI load(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    /** Parses {@code content} like {@link #load}, naming it {@code source} in the error message. */
    public static OpenAPI parse(String content, String source) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);

        SwaggerParseResult result = new OpenAPIParser().readContents(content, null, options);
        if (result.getOpenAPI() == null || result.getOpenAPI().getPaths() == null) {
            throw new IllegalStateException("failed to parse " + source + " as OpenAPI: " + result.getMessages());
        }
        return result.getOpenAPI();
    }
}
