package io.openprofile.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.openprofile.server.support.UntypedPost;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogTest {

    static final String DATASETS = "/data/foundation/catalog/dataSets";
    static final String BATCHES = "/data/foundation/catalog/batches";
    static final String PROFILE = "https://ns.adobe.com/xdm/context/profile";

    private final String sandbox = Api.newSandbox();
    private final Flows flows = new Flows(sandbox);

    @Test
    void createReturnsObjectPath() {
        String schemaId = flows.createClassSchema("Members", PROFILE);

        List<String> paths = Api.as(sandbox).contentType(ContentType.JSON)
                .body(dataset("Members", schemaId))
                .when().post(DATASETS)
                .then().statusCode(201)
                .extract().jsonPath().getList("$");

        assertThat(paths).hasSize(1);
        assertThat(paths.get(0)).matches("@/dataSets/[0-9a-f]{24}");
    }

    @Test
    void getReturnsDatasetKeyedById() {
        String schemaId = flows.createClassSchema("Readable", PROFILE);
        String id = flows.createDataset("Readable", schemaId);

        Api.as(sandbox)
                .when().get(DATASETS + "/" + id)
                .then().statusCode(200)
                .body("$", aMapWithSize(1))
                .body(id + ".name", equalTo("Readable"))
                .body(id + ".schemaRef.id", equalTo(schemaId))
                .body(id + ".imsOrg", equalTo(Api.ORG))
                .body(id + ".sandboxId", equalTo(sandbox))
                .body(id + ".version", equalTo("1.0.0"))
                .body(id + ".tags.unifiedProfile", contains("enabled:true"));
    }

    @Test
    void unknownDatasetReturns404() {
        Api.as(sandbox)
                .when().get(DATASETS + "/000000000000000000000000")
                .then().statusCode(404)
                .body("value", equalTo("000000000000000000000000"));
    }

    @Test
    void listPagesAndFiltersByName() {
        String schemaId = flows.createClassSchema("Listed", PROFILE);
        String first = flows.createDataset("First", schemaId);
        String second = flows.createDataset("Second", schemaId);
        String third = flows.createDataset("Third", schemaId);

        Api.as(sandbox)
                .when().get(DATASETS)
                .then().statusCode(200)
                .body("$", aMapWithSize(3));
        Api.as(sandbox).queryParam("limit", 1).queryParam("start", 1)
                .when().get(DATASETS)
                .then().statusCode(200)
                .body("$", aMapWithSize(1))
                .body("$", hasKey(second));
        Api.as(sandbox).queryParam("name", "Third")
                .when().get(DATASETS)
                .then().statusCode(200)
                .body("$", aMapWithSize(1))
                .body("$", hasKey(third))
                .body("$", not(hasKey(first)));
    }

    @Test
    void limitAboveMaximumReturns400() {
        Api.invalidRequestAs(sandbox).queryParam("limit", 101)
                .when().get(DATASETS)
                .then().statusCode(400)
                .body("field", equalTo("limit"));
    }

    @Test
    void limitBeyondIntegerRangeNamesRange() {
        Api.invalidRequestAs(sandbox).queryParam("limit", "99999999999")
                .when().get(DATASETS)
                .then().statusCode(400)
                .body("field", equalTo("limit"))
                .body("value", equalTo("99999999999"))
                .body("detail", containsString("an integer from -2147483648 to 2147483647"));
    }

    @Test
    void patchChangesTagsAndVersion() {
        String schemaId = flows.createClassSchema("Patched", PROFILE);
        String id = flows.createDataset("Patched", schemaId);

        Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("name", "Renamed", "tags", Map.of("unifiedProfile", List.of("enabled:false"))))
                .when().patch(DATASETS + "/" + id)
                .then().statusCode(200)
                .body("[0]", equalTo("@/dataSets/" + id));

        Api.as(sandbox)
                .when().get(DATASETS + "/" + id)
                .then().statusCode(200)
                .body(id + ".name", equalTo("Renamed"))
                .body(id + ".tags.unifiedProfile", contains("enabled:false"))
                .body(id + ".version", equalTo("1.0.1"))
                .body(id + ".schemaRef.id", equalTo(schemaId));
    }

    @Test
    void patchWithoutTagsKeepsTags() {
        String schemaId = flows.createClassSchema("Described", PROFILE);
        String id = flows.createDataset("Described", schemaId);

        Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("description", "Members of the loyalty programme"))
                .when().patch(DATASETS + "/" + id)
                .then().statusCode(200);

        Api.as(sandbox)
                .when().get(DATASETS + "/" + id)
                .then().statusCode(200)
                .body(id + ".description", equalTo("Members of the loyalty programme"))
                .body(id + ".tags.unifiedProfile", contains("enabled:true"))
                .body(id + ".tags.unifiedIdentity", contains("enabled:true"));
    }

    @Test
    void patchUnknownDatasetReturns404() {
        Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("name", "Nobody"))
                .when().patch(DATASETS + "/000000000000000000000000")
                .then().statusCode(404);
    }

    @Test
    void unknownSchemaReturns400() {
        String missing = "https://ns.adobe.com/openprofiletest/schemas/none";

        Api.as(sandbox).contentType(ContentType.JSON)
                .body(dataset("Orphan", missing))
                .when().post(DATASETS)
                .then().statusCode(400)
                .body("field", equalTo("schemaRef.id"))
                .body("value", equalTo(missing));
    }

    @Test
    void missingSchemaRefReturns400() {
        Api.invalidRequestAs(sandbox).contentType(ContentType.JSON)
                .body(Map.of("name", "No schema"))
                .when().post(DATASETS)
                .then().statusCode(400)
                .body("field", equalTo("schemaRef"));
    }

    @Test
    void malformedJsonReturns400() {
        Api.invalidRequestAs(sandbox).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", ")
                .when().post(DATASETS)
                .then().statusCode(400)
                .body("field", equalTo("body"));
    }

    @Test
    void missingContentTypeReturns400() {
        UntypedPost.Result result = Api.postWithoutContentType(sandbox, DATASETS,
                "{\"name\": \"x\", \"schemaRef\": {\"id\": \"" + PROFILE + "\"}}");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.body().getString("field")).isEqualTo("Content-Type");
    }

    @Test
    void datasetIsInvisibleFromOtherSandbox() {
        String id = flows.createDataset("Private", flows.createClassSchema("Private", PROFILE));

        Api.as(Api.newSandbox())
                .when().get(DATASETS + "/" + id)
                .then().statusCode(404);
        Api.as(Api.newSandbox())
                .when().get(DATASETS)
                .then().statusCode(200)
                .body("$", aMapWithSize(0));
    }

    @Test
    void datasetIsInvisibleFromOtherOrg() {
        String id = flows.createDataset("Org private", flows.createClassSchema("Org private", PROFILE));

        Api.as("OTHERORG1@AdobeOrg", sandbox)
                .when().get(DATASETS + "/" + id)
                .then().statusCode(404);
        Api.as("OTHERORG1@AdobeOrg", sandbox)
                .when().get(DATASETS)
                .then().statusCode(200)
                .body("$", aMapWithSize(0));
    }

    @Test
    void unknownBatchStatusReturns400() {
        Api.as(sandbox).queryParam("status", "SUCCESS")
                .when().get(BATCHES)
                .then().statusCode(400)
                .body("field", equalTo("status"))
                .body("value", equalTo("SUCCESS"));
    }

    @Test
    void unknownBatchReturns404() {
        Api.as(sandbox)
                .when().get(BATCHES + "/00000000000000000000000000000000")
                .then().statusCode(404)
                .body("value", equalTo("00000000000000000000000000000000"));
    }

    private static Map<String, Object> dataset(String name, String schemaId) {
        return Map.of("name", name,
                "schemaRef", Map.of("id", schemaId, "contentType", "application/vnd.adobe.xed-full+json;version=1"),
                "tags", Map.of("unifiedProfile", List.of("enabled:true"), "unifiedIdentity", List.of("enabled:true")),
                "fileDescription", Map.of("persisted", true, "format", "json"));
    }
}
