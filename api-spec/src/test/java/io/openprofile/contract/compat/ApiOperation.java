package io.openprofile.contract.compat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One operation of a contract, addressed by its full path: the path of its server URL followed
 * by the path template, as a client sends it.
 */
public record ApiOperation(String method, String path, PathItem pathItem, Operation operation, OpenAPI api) {

    /** Returns the path with every template parameter written as {@code {}}, so that names do not matter. */
    String normalizedPath() {
        return normalize(path);
    }

    /** {@code <METHOD> <normalized path>}, the key under which operations are matched. */
    public String key() {
        return method + " " + normalizedPath();
    }

    static String normalize(String path) {
        return path.replaceAll("\\{[^}/]+}", "{}");
    }

    /** Lists every operation of {@code api}, each with the path of the first server URL in front. */
    public static List<ApiOperation> listAll(OpenAPI api) {
        String basePath = basePath(api);
        List<ApiOperation> operations = new ArrayList<>();
        api.getPaths().forEach((template, item) -> {
            String path = joinPath(basePath, template);
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
                operations.add(new ApiOperation(entry.getKey().name(), path, item, entry.getValue(), api));
            }
        });
        return operations;
    }

    /**
     * Returns the path part of the first server URL, without a trailing slash. Adobe's URLs have
     * forms such as {@code //{environment}.adobe.io/data/foundation/import} and
     * {@code https://dcs.adobedc.net/}.
     */
    static String basePath(OpenAPI api) {
        List<Server> servers = api.getServers();
        if (servers == null || servers.isEmpty() || servers.get(0).getUrl() == null) {
            return "";
        }
        String withoutScheme = servers.get(0).getUrl().replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*:", "");
        String withoutHost = withoutScheme.replaceFirst("^//[^/]*", "");
        return stripTrailingSlash(withoutHost);
    }

    private static String joinPath(String basePath, String template) {
        String joined = stripTrailingSlash(basePath + template);
        return joined.isEmpty() ? "/" : joined;
    }

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
