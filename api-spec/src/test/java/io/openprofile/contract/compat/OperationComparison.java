package io.openprofile.contract.compat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares one of Adobe's operations with the openprofile operation that serves it: parameters,
 * status codes, and the fields of the success body and of the error bodies.
 *
 * <p>NOTE: request bodies are not compared, so a request property that only one side declares
 * does not show up as a difference.
 */
final class OperationComparison {

    /**
     * Header parameters that OpenAPI 3 requires tools to ignore, because {@code Accept} and
     * {@code Content-Type} follow from the media types and {@code Authorization} from the
     * security schemes.
     */
    private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");

    private final ApiOperation adobe;
    private final ApiOperation ours;
    private final String operation;
    private final List<Difference> differences = new ArrayList<>();

    private OperationComparison(ApiOperation adobe, ApiOperation ours) {
        this.adobe = adobe;
        this.ours = ours;
        this.operation = ours.method() + " " + ours.normalizedPath();
    }

    /** Lists the differences between {@code adobe} and {@code ours}. */
    static List<Difference> compare(ApiOperation adobe, ApiOperation ours) {
        OperationComparison comparison = new OperationComparison(adobe, ours);
        comparison.compareParameters();
        comparison.compareStatusCodes();
        comparison.compareSuccessBody();
        comparison.compareErrorBodies();
        return comparison.differences;
    }

    private void compareParameters() {
        Map<String, Parameter> adobeParameters = parameters(adobe);
        Map<String, Parameter> ourParameters = parameters(ours);
        Set<String> ourExactNames = new HashSet<>();
        ourParameters.values().forEach(mine -> ourExactNames.add(mine.getIn() + ":" + mine.getName()));
        declaredParameters(ours).forEach(mine -> ourExactNames.add(mine.getIn() + ":" + mine.getName()));

        adobeParameters.forEach((key, theirs) -> {
            Parameter mine = ourParameters.get(key);
            String detail = theirs.getIn() + ":" + theirs.getName();
            if (mine == null) {
                add("param-missing", detail, "Adobe's " + theirs.getIn() + " parameter `" + theirs.getName()
                        + "` is not in openprofile's contract");
                return;
            }
            if (!"header".equals(theirs.getIn()) && !ourExactNames.contains(detail)) {
                add("param-case", detail, "Adobe names the " + theirs.getIn() + " parameter `" + theirs.getName()
                        + "`, openprofile `" + mine.getName() + "`");
            }
            if (isRequired(theirs) != isRequired(mine)) {
                add("param-required", detail, "`" + theirs.getName() + "` is " + requiredWord(theirs)
                        + " in Adobe's spec but " + requiredWord(mine) + " in openprofile's");
            }
            String theirType = SchemaFields.typeOf(theirs.getSchema());
            String myType = SchemaFields.typeOf(mine.getSchema());
            if (typesDiffer(theirType, myType)) {
                add("param-type", detail, "`" + theirs.getName() + "` is `" + theirType + "` in Adobe's spec, `"
                        + myType + "` in openprofile's");
            }
        });
        ourParameters.forEach((key, mine) -> {
            if (!adobeParameters.containsKey(key)) {
                add("param-extra", mine.getIn() + ":" + mine.getName(), "openprofile also takes the "
                        + mine.getIn() + " parameter `" + mine.getName() + "`");
            }
        });
    }

    private void compareStatusCodes() {
        Set<String> theirCodes = statusCodes(adobe);
        Set<String> myCodes = statusCodes(ours);
        for (String code : theirCodes) {
            if (!myCodes.contains(code)) {
                add("status-missing", code, "Adobe documents status " + code + ", openprofile's contract does not");
            }
        }
        for (String code : myCodes) {
            if (!theirCodes.contains(code)) {
                add("status-extra", code, "openprofile documents status " + code + ", Adobe's spec does not");
            }
        }
    }

    private void compareSuccessBody() {
        List<String> theirCodes = successCodes(adobe);
        List<String> myCodes = successCodes(ours);
        if (theirCodes.isEmpty() || myCodes.isEmpty()) {
            return;
        }
        // Compare the bodies of the same status when both document it, else the first of each.
        String theirCode = theirCodes.stream().filter(myCodes::contains).findFirst().orElse(theirCodes.get(0));
        String myCode = myCodes.contains(theirCode) ? theirCode : myCodes.get(0);
        compareFields("success", fields(adobe, List.of(theirCode)), fields(ours, List.of(myCode)));
    }

    private void compareErrorBodies() {
        compareFields("error", fields(adobe, errorCodes(adobe)), fields(ours, errorCodes(ours)));
    }

    private void compareFields(String body, Map<String, String> theirs, Map<String, String> mine) {
        if (theirs.isEmpty()) {
            // Adobe gives no schema, or one without properties, so there is nothing to compare.
            return;
        }
        theirs.forEach((path, theirType) -> {
            String myType = mine.get(path);
            if (myType == null) {
                add(body + "-field-missing", path, "Adobe's " + body + " body has `" + path + "` (" + theirType
                        + "), openprofile's does not");
            } else if (typesDiffer(theirType, myType)) {
                add(body + "-field-type", path, "`" + path + "` in the " + body + " body is `" + theirType
                        + "` in Adobe's spec, `" + myType + "` in openprofile's");
            }
        });
        mine.forEach((path, myType) -> {
            if (!theirs.containsKey(path)) {
                add(body + "-field-extra", path, "openprofile's " + body + " body also has `" + path + "` ("
                        + myType + ")");
            }
        });
    }

    private void add(String kind, String detail, String description) {
        differences.add(new Difference(kind + ":" + operation + ":" + detail, operation, description));
    }

    private static boolean typesDiffer(String theirType, String myType) {
        return !theirType.contains(SchemaFields.ANY) && !myType.contains(SchemaFields.ANY) && !theirType.equals(myType);
    }

    private static boolean isRequired(Parameter parameter) {
        return "path".equals(parameter.getIn()) || Boolean.TRUE.equals(parameter.getRequired());
    }

    private static String requiredWord(Parameter parameter) {
        return isRequired(parameter) ? "required" : "optional";
    }

    /**
     * Collects the parameters of an operation, keyed by location and lower-case name because
     * header names are case-insensitive and Quarkus REST reads query names case-insensitively too.
     * Path parameters are left out, since the path match already compares them by position, and
     * so are the headers in {@link #IGNORED_HEADERS}. Headers that a security scheme of the
     * operation requires count as required header parameters.
     */
    private static Map<String, Parameter> parameters(ApiOperation op) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        List<Parameter> declared = declaredParameters(op);
        declared.addAll(securityHeaders(op));
        for (Parameter parameter : declared) {
            if (parameter.getIn() == null || parameter.getName() == null || "path".equals(parameter.getIn())) {
                continue;
            }
            String name = parameter.getName().toLowerCase(Locale.ROOT);
            if ("header".equals(parameter.getIn()) && IGNORED_HEADERS.contains(name)) {
                continue;
            }
            parameters.put(parameter.getIn() + ":" + name, parameter);
        }
        return parameters;
    }

    private static List<Parameter> declaredParameters(ApiOperation op) {
        List<Parameter> declared = new ArrayList<>();
        if (op.pathItem().getParameters() != null) {
            declared.addAll(op.pathItem().getParameters());
        }
        if (op.operation().getParameters() != null) {
            declared.addAll(op.operation().getParameters());
        }
        return declared;
    }

    private static List<Parameter> securityHeaders(ApiOperation op) {
        OpenAPI api = op.api();
        List<SecurityRequirement> requirements = op.operation().getSecurity() != null
                ? op.operation().getSecurity() : api.getSecurity();
        List<Parameter> headers = new ArrayList<>();
        if (requirements == null || requirements.isEmpty() || api.getComponents() == null
                || api.getComponents().getSecuritySchemes() == null) {
            return headers;
        }
        // Security requirements are alternatives, and the first one is compared.
        for (String schemeName : requirements.get(0).keySet()) {
            SecurityScheme scheme = api.getComponents().getSecuritySchemes().get(schemeName);
            if (scheme != null && scheme.getType() == SecurityScheme.Type.APIKEY
                    && scheme.getIn() == SecurityScheme.In.HEADER) {
                headers.add(new Parameter().in("header").name(scheme.getName()).required(true)
                        .schema(new Schema<>().type("string")));
            }
        }
        return headers;
    }

    private static Set<String> statusCodes(ApiOperation op) {
        ApiResponses responses = op.operation().getResponses();
        return responses == null ? new TreeSet<>() : new TreeSet<>(responses.keySet());
    }

    private static List<String> successCodes(ApiOperation op) {
        return statusCodes(op).stream().filter(code -> code.startsWith("2")).toList();
    }

    private static List<String> errorCodes(ApiOperation op) {
        return statusCodes(op).stream().filter(code -> code.startsWith("4") || code.startsWith("5")).toList();
    }

    /** Flattens the bodies of the given responses into one map of property paths to types. */
    private static Map<String, String> fields(ApiOperation op, List<String> codes) {
        Map<String, String> fields = new TreeMap<>();
        for (String code : codes) {
            ApiResponse response = op.operation().getResponses().get(code);
            Schema<?> schema = response == null ? null : SchemaFields.bodySchema(response.getContent());
            SchemaFields.flatten(schema).forEach(fields::putIfAbsent);
        }
        return fields;
    }
}
