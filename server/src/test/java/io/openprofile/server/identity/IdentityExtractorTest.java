package io.openprofile.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.xdm.RecordError;
import io.openprofile.server.xdm.RecordErrorCode;
import io.openprofile.server.xdm.RecordResult;
import io.openprofile.server.xdm.XdmRecords;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityExtractorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Namespace LUMA_CRM = new Namespace(1_000_001, "lumaCrmId", "Luma CRM id",
            "CROSS_DEVICE", "Luma CRM id", true);
    private static final Namespace LUMA_LOYALTY = new Namespace(1_000_002, "lumaLoyaltyId", "Luma loyalty id",
            "CROSS_DEVICE", "Luma loyalty id", true);

    private final IdentityExtractor extractor =
            new IdentityExtractor(NamespaceCatalog.withCustom(List.of(LUMA_CRM, LUMA_LOYALTY)));

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
    }

    private RecordResult<ExtractedIdentities> extract(String record, IdentityField... fields) throws Exception {
        return extractor.extract(json(record), List.of(fields));
    }

    private static RecordError onlyError(RecordResult<ExtractedIdentities> result) {
        assertThat(result.isValid()).as("result is invalid").isFalse();
        assertThat(result.errors()).hasSize(1);
        return result.errors().get(0);
    }

    @Test
    void identityMapEntriesAreExtracted() throws Exception {
        RecordResult<ExtractedIdentities> result = extract(
                "{'identityMap': {'ECID': [{'id': 'e1', 'authenticatedState': 'ambiguous'}, {'id': 'e2'}],"
                        + " 'Email': [{'id': 'a@b.c', 'primary': true}]}}");

        assertThat(result.value().all()).containsExactly(new Identity("ECID", "e1"), new Identity("ECID", "e2"),
                new Identity("Email", "a@b.c"));
        assertThat(result.value().primary()).isEqualTo(new Identity("Email", "a@b.c"));
    }

    @Test
    void identityMapKeysBecomeCanonicalCodes() throws Exception {
        RecordResult<ExtractedIdentities> result = extract("{'identityMap': {'EMAIL': [{'id': 'x@y.z'}],"
                + " 'https://data.adobe.io/entities/namespace/4': [{'id': '92312748749128'}]}}");

        assertThat(result.value().all()).containsExactly(new Identity("Email", "x@y.z"),
                new Identity("ECID", "92312748749128"));
    }

    @Test
    void sameIdentityUnderTwoSpellingsIsOne() throws Exception {
        RecordResult<ExtractedIdentities> result = extract("{'identityMap': {'ECID': [{'id': '9231'}],"
                + " 'https://data.adobe.io/entities/namespace/4': [{'id': '9231'}], 'ecid': [{'id': '9231'}]}}");

        assertThat(result.value().all()).containsExactly(new Identity("ECID", "9231"));
    }

    @Test
    void sourceCompactFormWorksAfterNormalize() throws Exception {
        ObjectNode record = XdmRecords.normalize(json("{'xdm:identityMap': {'ECID': [{'xdm:id': '92312748749128'}],"
                + " 'EMAIL': [{'xdm:id': 'jane@doe.com'}]}}"));

        RecordResult<ExtractedIdentities> result = extractor.extract(record, List.of());

        assertThat(result.value().all()).containsExactly(new Identity("ECID", "92312748749128"),
                new Identity("Email", "jane@doe.com"));
        assertThat(result.value().primary()).isEqualTo(new Identity("ECID", "92312748749128"));
    }

    @Test
    void legacyIdentitiesArrayIsExtracted() throws Exception {
        RecordResult<ExtractedIdentities> result = extract("{'identities': ["
                + "{'id': 'a@b.c', 'namespace': {'code': 'Email'}, 'primary': true, 'xid': null},"
                + "{'id': '6122006', 'namespace': {'code': 'Phone'}, 'primary': null}]}");

        assertThat(result.value().all()).containsExactly(new Identity("Email", "a@b.c"),
                new Identity("Phone", "6122006"));
        assertThat(result.value().primary()).isEqualTo(new Identity("Email", "a@b.c"));
    }

    @Test
    void endUserIdsAreExtracted() throws Exception {
        RecordResult<ExtractedIdentities> result = extract("{'endUserIDs': {'_experience': {"
                + "'mcid': {'id': '6996', 'namespace': {'code': 'ECID'}, 'primary': true},"
                + "'aaid': {'id': '2E07-4B4B', 'namespace': {'code': 'AAID'}, 'primary': false}}}}");

        assertThat(result.value().all()).containsExactly(new Identity("ECID", "6996"),
                new Identity("AAID", "2E07-4B4B"));
        assertThat(result.value().primary()).isEqualTo(new Identity("ECID", "6996"));
    }

    @Test
    void endUserIdsWithOnlyAaidPrimary() throws Exception {
        RecordResult<ExtractedIdentities> result = extract("{'endUserIDs': {'_experience': {"
                + "'aaid': {'id': '2E07-4B4B', 'namespace': {'code': 'AAID'}, 'primary': true}}}}");

        assertThat(result.value().all()).containsExactly(new Identity("AAID", "2E07-4B4B"));
        assertThat(result.value().primary()).isEqualTo(new Identity("AAID", "2E07-4B4B"));
    }

    @Test
    void descriptorFieldIsExtracted() throws Exception {
        RecordResult<ExtractedIdentities> result = extract(
                "{'_techmarketingdemos': {'systemIdentifier': {'crmId': '112ca06ed53d3db37e4cea49cc45b71e'}}}",
                new IdentityField("/_techmarketingdemos/systemIdentifier/crmId", "lumaCrmId", true));

        assertThat(result.value().all())
                .containsExactly(new Identity("lumaCrmId", "112ca06ed53d3db37e4cea49cc45b71e"));
        assertThat(result.value().primary().id()).isEqualTo("112ca06ed53d3db37e4cea49cc45b71e");
    }

    @Test
    void numericLoyaltyIdBecomesString() throws Exception {
        RecordResult<ExtractedIdentities> result = extract(
                "{'_techmarketingdemos': {'systemIdentifier': {'loyaltyId': 5625458}}}",
                new IdentityField("_techmarketingdemos.systemIdentifier.loyaltyId", "lumaLoyaltyId", true));

        assertThat(result.value().primary()).isEqualTo(new Identity("lumaLoyaltyId", "5625458"));
    }

    @Test
    void hugeIntegerIdKeepsAllDigits() throws Exception {
        RecordResult<ExtractedIdentities> result = extract("{'ecid': 69960801606195929931106976567378624601}",
                new IdentityField("ecid", "ECID", true));

        assertThat(result.value().primary().id()).isEqualTo("69960801606195929931106976567378624601");
    }

    @Test
    void nullDescriptorValueIsSkipped() throws Exception {
        RecordResult<ExtractedIdentities> result = extract(
                "{'_t': {'systemIdentifier': {'loyaltyId': 5625458, 'crmId': null}}}",
                new IdentityField("_t.systemIdentifier.loyaltyId", "lumaLoyaltyId", true),
                new IdentityField("_t.systemIdentifier.crmId", "lumaCrmId", false));

        assertThat(result.value().all()).containsExactly(new Identity("lumaLoyaltyId", "5625458"));
    }

    @Test
    void missingDescriptorPathIsSkipped() throws Exception {
        RecordResult<ExtractedIdentities> result = extract("{'identityMap': {'ECID': [{'id': 'e1'}]}, '_t': 5}",
                new IdentityField("_t.systemIdentifier.crmId", "lumaCrmId", true));

        assertThat(result.value().all()).containsExactly(new Identity("ECID", "e1"));
    }

    @Test
    void primaryDescriptorWinsOverFlaggedPrimary() throws Exception {
        RecordResult<ExtractedIdentities> result = extract(
                "{'crm': 'c1', 'identityMap': {'Email': [{'id': 'a@b.c', 'primary': true}]}}",
                new IdentityField("crm", "CRMID", true));

        assertThat(result.value().primary()).isEqualTo(new Identity("CRMID", "c1"));
    }

    @Test
    void emptyPrimaryDescriptorFallsBackToFlagged() throws Exception {
        RecordResult<ExtractedIdentities> result = extract(
                "{'crm': null, 'loyalty': 7, 'identityMap': {'Email': [{'id': 'a@b.c', 'primary': true}]}}",
                new IdentityField("crm", "CRMID", true),
                new IdentityField("loyalty", "lumaLoyaltyId", false));

        assertThat(result.value().primary()).isEqualTo(new Identity("Email", "a@b.c"));
    }

    @Test
    void fallbackOrderStartsWithDescriptors() throws Exception {
        RecordResult<ExtractedIdentities> result = extract(
                "{'identities': [{'id': 'p1', 'namespace': {'code': 'Phone'}}],"
                        + " 'identityMap': {'ECID': [{'id': 'e1'}]}, 'loyalty': 7}",
                new IdentityField("loyalty", "lumaLoyaltyId", false));

        assertThat(result.value().all()).containsExactly(new Identity("lumaLoyaltyId", "7"),
                new Identity("ECID", "e1"), new Identity("Phone", "p1"));
        assertThat(result.value().primary()).isEqualTo(new Identity("lumaLoyaltyId", "7"));
    }

    @Test
    void fallbackOrderIdentityMapBeforeIdentities() throws Exception {
        RecordResult<ExtractedIdentities> result = extract(
                "{'endUserIDs': {'_experience': {'mcid': {'id': 'm1', 'namespace': {'code': 'ECID'}}}},"
                        + " 'identities': [{'id': 'p1', 'namespace': {'code': 'Phone'}}],"
                        + " 'identityMap': {'Email': [{'id': 'a@b.c'}]}}");

        assertThat(result.value().all()).containsExactly(new Identity("Email", "a@b.c"),
                new Identity("Phone", "p1"), new Identity("ECID", "m1"));
        assertThat(result.value().primary()).isEqualTo(new Identity("Email", "a@b.c"));
    }

    @Test
    void samePrimaryFlaggedTwiceIsFine() throws Exception {
        RecordResult<ExtractedIdentities> result = extract(
                "{'identityMap': {'Email': [{'id': 'a@b.c', 'primary': true}]},"
                        + " 'identities': [{'id': 'a@b.c', 'namespace': {'code': 'email'}, 'primary': true}]}");

        assertThat(result.value().all()).containsExactly(new Identity("Email", "a@b.c"));
        assertThat(result.value().primary()).isEqualTo(new Identity("Email", "a@b.c"));
    }

    @Test
    void twoPrimariesAreRejected() throws Exception {
        RecordError error = onlyError(extract("{'identityMap': {'ECID': [{'id': 'e1', 'primary': true}],"
                + " 'Email': [{'id': 'a@b.c', 'primary': true}]}}"));

        assertThat(error.code()).isEqualTo(RecordErrorCode.MULTIPLE_PRIMARY_IDENTITIES);
        assertThat(error.path()).isEqualTo("identityMap.Email[0]");
        assertThat(error.message()).contains("\"e1\"").contains("\"a@b.c\"");
    }

    @Test
    void unknownNamespaceIsRejected() throws Exception {
        RecordError error = onlyError(extract("{'identityMap': {'AVID': [{'id': 'v1'}]}}"));

        assertThat(error.code()).isEqualTo(RecordErrorCode.UNKNOWN_NAMESPACE);
        assertThat(error.path()).isEqualTo("identityMap.AVID");
        assertThat(error.message()).contains("\"AVID\"");
    }

    @Test
    void unknownNamespaceUriIsQuotedInPath() throws Exception {
        RecordError error = onlyError(extract(
                "{'identityMap': {'https://data.adobe.io/entities/namespace/777': [{'id': 'v1'}]}}"));

        assertThat(error.code()).isEqualTo(RecordErrorCode.UNKNOWN_NAMESPACE);
        assertThat(error.path()).isEqualTo("identityMap[\"https://data.adobe.io/entities/namespace/777\"]");
    }

    @Test
    void unknownDescriptorNamespaceIsRejected() throws Exception {
        RecordError error = onlyError(extract("{'sku': 'LLMJ03'}", new IdentityField("sku", "lumaProductSKU", true)));

        assertThat(error.code()).isEqualTo(RecordErrorCode.UNKNOWN_NAMESPACE);
        assertThat(error.path()).isEqualTo("sku");
    }

    @Test
    void emptyIdIsRejected() throws Exception {
        RecordError error = onlyError(extract("{'identityMap': {'ECID': [{'id': '  '}]}}"));

        assertThat(error.code()).isEqualTo(RecordErrorCode.INVALID_IDENTITY_VALUE);
        assertThat(error.path()).isEqualTo("identityMap.ECID[0].id");
        assertThat(error.message()).contains("empty");
    }

    @Test
    void numericIdentityMapIdIsRejected() throws Exception {
        RecordError error = onlyError(extract("{'identityMap': {'ECID': [{'id': 42}]}}"));

        assertThat(error.code()).isEqualTo(RecordErrorCode.INVALID_IDENTITY_VALUE);
        assertThat(error.message()).contains("42").contains("a number");
    }

    @Test
    void missingIdIsRejected() throws Exception {
        RecordError error = onlyError(extract("{'identityMap': {'ECID': [{'primary': true}]}}"));

        assertThat(error.code()).isEqualTo(RecordErrorCode.INVALID_IDENTITY_VALUE);
        assertThat(error.path()).isEqualTo("identityMap.ECID[0].id");
    }

    @Test
    void decimalDescriptorValueIsRejected() throws Exception {
        IdentityField loyalty = new IdentityField("loyalty", "lumaLoyaltyId", true);

        RecordError error = onlyError(extract("{'loyalty': 12.5}", loyalty));


        assertThat(error.code()).isEqualTo(RecordErrorCode.INVALID_IDENTITY_VALUE);
        assertThat(error.message()).contains("12.5");
    }

    @Test
    void booleanDescriptorValueIsRejected() throws Exception {
        IdentityField loyalty = new IdentityField("loyalty", "lumaLoyaltyId", true);

        RecordError error = onlyError(extract("{'loyalty': true}", loyalty));


        assertThat(error.code()).isEqualTo(RecordErrorCode.INVALID_IDENTITY_VALUE);
    }

    @Test
    void identityMapNotObjectIsMalformed() throws Exception {
        RecordError error = onlyError(extract("{'identityMap': ['ECID']}"));

        assertThat(error.code()).isEqualTo(RecordErrorCode.MALFORMED_IDENTITY_MAP);
        assertThat(error.path()).isEqualTo("identityMap");
    }

    @Test
    void identityMapEntryNotArrayIsMalformed() throws Exception {
        RecordError error = onlyError(extract("{'identityMap': {'ECID': {'id': 'e1'}}}"));

        assertThat(error.code()).isEqualTo(RecordErrorCode.MALFORMED_IDENTITY_MAP);
        assertThat(error.path()).isEqualTo("identityMap.ECID");
    }

    @Test
    void identityMapElementNotObjectIsMalformed() throws Exception {
        RecordError error = onlyError(extract("{'identityMap': {'ECID': ['e1']}}"));

        assertThat(error.code()).isEqualTo(RecordErrorCode.MALFORMED_IDENTITY_MAP);
        assertThat(error.path()).isEqualTo("identityMap.ECID[0]");
    }

    @Test
    void identitiesWithoutNamespaceIsMalformed() throws Exception {
        RecordError error = onlyError(extract("{'identities': [{'id': 'x'}]}"));

        assertThat(error.code()).isEqualTo(RecordErrorCode.MALFORMED_IDENTITY);
        assertThat(error.path()).isEqualTo("identities[0]");
    }

    @Test
    void malformedEndUserIdIsRejected() throws Exception {
        RecordError error = onlyError(extract("{'endUserIDs': {'_experience': {'mcid': 'e1'}}}"));

        assertThat(error.code()).isEqualTo(RecordErrorCode.MALFORMED_IDENTITY);
        assertThat(error.path()).isEqualTo("endUserIDs._experience.mcid");
    }

    @Test
    void nullIdentitySourcesAreIgnored() throws Exception {
        RecordResult<ExtractedIdentities> result = extract(
                "{'identityMap': null, 'identities': null, 'endUserIDs': {'_experience': {'aaid': null}}, 'crm': 'c'}",
                new IdentityField("crm", "CRMID", false));

        assertThat(result.value().all()).containsExactly(new Identity("CRMID", "c"));
    }

    @Test
    void recordWithoutIdentityIsRejected() throws Exception {
        RecordError error = onlyError(extract("{'person': {'name': {'firstName': 'Danny'}}, 'identityMap': {}}"));

        assertThat(error.code()).isEqualTo(RecordErrorCode.NO_IDENTITY);
        assertThat(error.message())
                .isEqualTo("record has no identity: add identityMap or an identity descriptor to the schema");
        assertThat(error.path()).isEmpty();
    }

    @Test
    void everyErrorIsReported() throws Exception {
        RecordResult<ExtractedIdentities> result = extract(
                "{'identityMap': {'AVID': [{'id': 'v'}], 'ECID': [{'id': ''}]}, 'identities': [{'id': 'x'}]}");

        assertThat(result.errors()).extracting(RecordError::code).containsExactly(
                RecordErrorCode.UNKNOWN_NAMESPACE, RecordErrorCode.INVALID_IDENTITY_VALUE,
                RecordErrorCode.MALFORMED_IDENTITY);
    }
}
