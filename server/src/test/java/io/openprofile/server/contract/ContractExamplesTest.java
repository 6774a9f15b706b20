package io.openprofile.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the examples of the bundled contract. Every example value must match its schema, and every
 * operation must show an example of its JSON request body and of each JSON response it documents.
 */
class ContractExamplesTest {

    private static final Path CONTRACT = Path.of("target/contract/openapi/openapi.yaml");

    private static OpenAPI contract;
    private static SchemaValidator validator;

    @BeforeAll
    static void parseContract() {
        assertThat(CONTRACT).as("bundled contract; build with the package phase so the server unpacks it")
                .exists();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        contract = new OpenAPIV3Parser().read(CONTRACT.toUri().toString(), null, options);
        assertThat(contract).as("parsed contract").isNotNull();
        validator = new SchemaValidator(contract, new MessageResolver());
    }

    @Test
    void operationExamplesMatchTheirSchemas() {
        List<String> failures = new ArrayList<>();
        contract.getPaths().forEach((path, item) -> {
            for (Parameter parameter : resolveAll(item.getParameters())) {
                String where = path + " parameter " + parameter.getName();
                validateExample(where, "example", parameter.getExample(), parameter.getSchema(), failures);
                validateExamples(where, parameter.getExamples(), parameter.getSchema(), failures);
            }
        });
        forEachOperation((name, operation) -> {
            for (Parameter parameter : resolveAll(operation.getParameters())) {
                String where = name + " parameter " + parameter.getName();
                validateExample(where, "example", parameter.getExample(), parameter.getSchema(), failures);
                validateExamples(where, parameter.getExamples(), parameter.getSchema(), failures);
            }
            RequestBody body = resolve(operation.getRequestBody());
            if (body != null) {
                validateContent(name + " request body", body.getContent(), failures);
            }
            if (operation.getResponses() != null) {
                operation.getResponses().forEach((status, response) -> validateContent(
                        name + " response " + status, resolve(response).getContent(), failures));
            }
        });

        assertThat(failures).as("examples that break their schema").isEmpty();
    }

    @Test
    void schemaExamplesMatchTheirSchemas() {
        List<String> failures = new ArrayList<>();
        Set<Schema<?>> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        contract.getComponents().getSchemas().forEach(
                (name, schema) -> validateSchemaTree("schema " + name, schema, visited, failures));

        assertThat(failures).as("schema examples that break their schema").isEmpty();
    }

    @Test
    void everyOperationHasExamples() {
        List<String> missing = new ArrayList<>();
        forEachOperation((name, operation) -> {
            RequestBody body = resolve(operation.getRequestBody());
            if (body != null && body.getContent() != null) {
                body.getContent().forEach((mediaType, media) -> {
                    if (isJson(mediaType) && !hasExample(media)) {
                        missing.add(name + " request body " + mediaType);
                    }
                });
            }
            if (operation.getResponses() == null) {
                return;
            }
            operation.getResponses().forEach((status, response) -> {
                Content content = resolve(response).getContent();
                if (content == null) {
                    return;
                }
                content.forEach((mediaType, media) -> {
                    if (isJson(mediaType) && !hasExample(media)) {
                        missing.add(name + " response " + status + " " + mediaType);
                    }
                });
            });
        });

        assertThat(missing).as("operation bodies without an example").isEmpty();
    }

    private static void forEachOperation(BiConsumer<String, Operation> action) {
        contract.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = operation.getOperationId() + " (" + method + " " + path + ")";
            action.accept(name, operation);
        }));
    }

    private static List<Parameter> resolveAll(List<Parameter> declared) {
        List<Parameter> parameters = new ArrayList<>();
        if (declared != null) {
            declared.forEach(parameter -> parameters.add(resolve(parameter)));
        }
        return parameters;
    }

    private static void validateContent(String where, Content content, List<String> failures) {
        if (content == null) {
            return;
        }
        content.forEach((mediaType, media) -> {
            if (!isJson(mediaType)) {
                return;
            }
            String place = where + " " + mediaType;
            validateExample(place, "example", media.getExample(), media.getSchema(), failures);
            validateExamples(place, media.getExamples(), media.getSchema(), failures);
        });
    }

    private static void validateExamples(String where, Map<String, Example> examples, Schema<?> schema,
            List<String> failures) {
        if (examples == null) {
            return;
        }
        examples.forEach((name, example) -> validateExample(where, "examples." + name,
                resolve(example).getValue(), schema, failures));
    }

    private static void validateExample(String where, String exampleName, Object value, Schema<?> schema,
            List<String> failures) {
        if (value == null || schema == null) {
            return;
        }
        JsonNode node = integralNumbersAsIntegers(Json.mapper().valueToTree(value));
        ValidationReport report = validator.validate(() -> node, schema, "example");
        if (report.hasErrors()) {
            failures.add(where + " " + exampleName + ": " + messages(report));
        }
    }

    /**
     * Turns decimal nodes without a fraction into integer nodes, because the parser reads some integer
     * examples, such as epoch milliseconds of an int64 parameter, as BigDecimal.
     */
    private static JsonNode integralNumbersAsIntegers(JsonNode node) {
        if (node.isNumber() && !node.isIntegralNumber() && node.canConvertToExactIntegral()) {
            return BigIntegerNode.valueOf(node.bigIntegerValue());
        }
        if (node instanceof ObjectNode object) {
            object.properties().forEach(entry -> entry.setValue(integralNumbersAsIntegers(entry.getValue())));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, integralNumbersAsIntegers(array.get(i)));
            }
        }
        return node;
    }

    private static void validateSchemaTree(String where, Schema<?> schema, Set<Schema<?>> visited,
            List<String> failures) {
        if (schema == null || !visited.add(schema)) {
            return;
        }
        validateExample(where, "example", schema.getExample(), schema, failures);
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((property, child) -> validateSchemaTree(
                    where + "." + property, child, visited, failures));
        }
        validateSchemaTree(where + "[]", schema.getItems(), visited, failures);
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            validateSchemaTree(where + "{}", values, visited, failures);
        }
        for (List<Schema> parts : List.of(list(schema.getAllOf()), list(schema.getOneOf()), list(schema.getAnyOf()))) {
            for (int i = 0; i < parts.size(); i++) {
                validateSchemaTree(where + "/" + i, parts.get(i), visited, failures);
            }
        }
    }

    private static List<Schema> list(List<Schema> schemas) {
        return schemas == null ? List.of() : schemas;
    }

    private static boolean hasExample(MediaType media) {
        return media.getExample() != null || (media.getExamples() != null && !media.getExamples().isEmpty());
    }

    private static boolean isJson(String mediaType) {
        return mediaType.contains("json");
    }

    private static String messages(ValidationReport report) {
        StringBuilder text = new StringBuilder();
        report.getMessages().forEach(message -> text.append(message.getMessage()).append(' '));
        return text.toString().trim();
    }

    private static Parameter resolve(Parameter parameter) {
        String ref = parameter.get$ref();
        return ref == null ? parameter : contract.getComponents().getParameters().get(simpleName(ref));
    }

    private static RequestBody resolve(RequestBody body) {
        if (body == null || body.get$ref() == null) {
            return body;
        }
        return contract.getComponents().getRequestBodies().get(simpleName(body.get$ref()));
    }

    private static ApiResponse resolve(ApiResponse response) {
        String ref = response.get$ref();
        return ref == null ? response : contract.getComponents().getResponses().get(simpleName(ref));
    }

    private static Example resolve(Example example) {
        String ref = example.get$ref();
        return ref == null ? example : contract.getComponents().getExamples().get(simpleName(ref));
    }

    private static String simpleName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
