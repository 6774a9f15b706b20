package io.openprofile.server.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.xdm.JsonKinds;
import io.openprofile.server.xdm.RecordError;
import io.openprofile.server.xdm.RecordErrorCode;
import io.openprofile.server.xdm.RecordPaths;
import io.openprofile.server.xdm.RecordResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the identities of a normalized record (see {@code XdmRecords.normalize}) and chooses its primary identity.
 *
 * <p>Identities come from four sources, combined and de-duplicated by {@link Identity#key()}, in this order:
 * <ol>
 *   <li>the dataset's identity descriptors ({@link IdentityField}), in declaration order. Whole JSON numbers
 *   become their decimal string and {@code null} or missing values are skipped.</li>
 *   <li>{@code identityMap}, in document order: <code>{"ECID": [{"id": "...", "primary": true}]}</code></li>
 *   <li>the legacy {@code identities} array: <code>[{"id": "...", "namespace": {"code": "Email"}}]</code></li>
 *   <li>the legacy {@code endUserIDs._experience.*} objects, such as {@code mcid} and {@code aaid}, each shaped
 *   like an element of {@code identities}.</li>
 * </ol>
 * The primary identity is the value of the first descriptor marked primary that has a value. Otherwise it is the
 * identity flagged {@code "primary": true}, where two different flagged identities are an error. Otherwise it is
 * the first identity in the order above.
 *
 * <p>Any problem makes the whole record invalid, and every problem found is reported.
 */
public final class IdentityExtractor {

    private static final String IDENTITY_MAP = "identityMap";
    private static final String IDENTITIES = "identities";
    private static final String END_USER_IDS = "endUserIDs";
    private static final String EXPERIENCE = "_experience";

    private final NamespaceResolver resolver;

    public IdentityExtractor(NamespaceResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** Extracts the identities of a record whose dataset has the given identity descriptors. */
    public RecordResult<ExtractedIdentities> extract(ObjectNode record, List<IdentityField> fields) {
        Extraction extraction = new Extraction();
        for (IdentityField field : fields) {
            readDescriptor(record, field, extraction);
        }
        readIdentityMap(record.get(IDENTITY_MAP), extraction);
        readIdentities(record.get(IDENTITIES), extraction);
        readEndUserIds(record.get(END_USER_IDS), extraction);
        return extraction.finish();
    }

    private void readDescriptor(ObjectNode record, IdentityField field, Extraction extraction) {
        JsonNode value = record;
        for (String segment : field.segments()) {
            value = value.isObject() ? value.get(segment) : null;
            if (value == null || value.isNull()) {
                return;
            }
        }
        String path = field.dottedPath();
        Optional<Namespace> namespace = resolveNamespace(field.namespaceCode(), path, extraction);
        Optional<String> id = descriptorValue(value, path, extraction);
        if (namespace.isPresent() && id.isPresent()) {
            Identity identity = Identity.of(namespace.get(), id.get());
            extraction.add(identity, path, false, field.primary());
        }
    }

    private Optional<String> descriptorValue(JsonNode value, String path, Extraction extraction) {
        if (value.isIntegralNumber()) {
            return Optional.of(value.bigIntegerValue().toString());
        }
        if (value.isNumber()) {
            extraction.error(RecordErrorCode.INVALID_IDENTITY_VALUE, "identity value " + value + " at " + path
                    + " is a decimal number; identity values must be strings or whole numbers", path);
            return Optional.empty();
        }
        return stringId(value, path, extraction);
    }

    private void readIdentityMap(JsonNode map, Extraction extraction) {
        if (map == null || map.isNull()) {
            return;
        }
        if (!map.isObject()) {
            extraction.error(RecordErrorCode.MALFORMED_IDENTITY_MAP, "identityMap is " + JsonKinds.describe(map)
                    + "; it must be an object of namespace codes to arrays of identities", IDENTITY_MAP);
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> entries = map.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            readIdentityMapEntry(entry.getKey(), entry.getValue(), extraction);
        }
    }

    private void readIdentityMapEntry(String code, JsonNode entries, Extraction extraction) {
        String path = RecordPaths.field(IDENTITY_MAP, code);
        Optional<Namespace> namespace = resolveNamespace(code, path, extraction);
        if (entries.isNull()) {
            return;
        }
        if (!entries.isArray()) {
            extraction.error(RecordErrorCode.MALFORMED_IDENTITY_MAP, path + " is " + JsonKinds.describe(entries)
                    + "; it must be an array of objects such as {\"id\": \"...\"}", path);
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            readIdentityMapElement(namespace, entries.get(i), RecordPaths.index(path, i), extraction);
        }
    }

    private void readIdentityMapElement(Optional<Namespace> namespace, JsonNode element, String path,
            Extraction extraction) {
        if (!element.isObject()) {
            extraction.error(RecordErrorCode.MALFORMED_IDENTITY_MAP, path + " is " + JsonKinds.describe(element)
                    + "; each identityMap entry must be an object such as {\"id\": \"...\"}", path);
            return;
        }
        String idPath = RecordPaths.field(path, "id");
        Optional<String> id = stringId(element.get("id"), idPath, extraction);
        if (namespace.isPresent() && id.isPresent()) {
            extraction.add(Identity.of(namespace.get(), id.get()), path, isFlaggedPrimary(element), false);
        }
    }

    private void readIdentities(JsonNode identities, Extraction extraction) {
        if (identities == null || identities.isNull()) {
            return;
        }
        if (!identities.isArray()) {
            extraction.error(RecordErrorCode.MALFORMED_IDENTITY, "identities is " + JsonKinds.describe(identities)
                    + "; it must be an array of objects with id and namespace.code", IDENTITIES);
            return;
        }
        for (int i = 0; i < identities.size(); i++) {
            readQualifiedIdentity(identities.get(i), RecordPaths.index(IDENTITIES, i), extraction);
        }
    }

    private void readEndUserIds(JsonNode endUserIds, Extraction extraction) {
        // NOTE: only the plain form endUserIDs._experience.<name> is read. The source compact form, whose keys
        // are URIs such as https://ns.adobe.com/experience/mcid, is not converted by XdmRecords and is ignored.
        JsonNode experience = endUserIds == null ? null : endUserIds.get(EXPERIENCE);
        if (experience == null || !experience.isObject()) {
            return;
        }
        String parent = RecordPaths.field(END_USER_IDS, EXPERIENCE);
        Iterator<Map.Entry<String, JsonNode>> entries = experience.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!entry.getValue().isNull()) {
                readQualifiedIdentity(entry.getValue(), RecordPaths.field(parent, entry.getKey()), extraction);
            }
        }
    }

    private void readQualifiedIdentity(JsonNode element, String path, Extraction extraction) {
        JsonNode code = element.isObject() ? element.path("namespace").get("code") : null;
        if (code == null || !code.isTextual()) {
            extraction.error(RecordErrorCode.MALFORMED_IDENTITY, path + " is " + JsonKinds.describe(element)
                    + " without a string namespace.code; it must look like"
                    + " {\"id\": \"...\", \"namespace\": {\"code\": \"ECID\"}}", path);
            return;
        }
        String namespacePath = RecordPaths.field(RecordPaths.field(path, "namespace"), "code");
        Optional<Namespace> namespace = resolveNamespace(code.asText(), namespacePath, extraction);
        Optional<String> id = stringId(element.get("id"), RecordPaths.field(path, "id"), extraction);
        if (namespace.isPresent() && id.isPresent()) {
            extraction.add(Identity.of(namespace.get(), id.get()), path, isFlaggedPrimary(element), false);
        }
    }

    private Optional<Namespace> resolveNamespace(String code, String path, Extraction extraction) {
        Optional<Namespace> namespace = resolver.resolve(code);
        if (namespace.isEmpty()) {
            extraction.error(RecordErrorCode.UNKNOWN_NAMESPACE, "identity namespace \"" + code + "\" at " + path
                    + " is not defined; use a standard namespace code or create a custom namespace first", path);
        }
        return namespace;
    }

    private static Optional<String> stringId(JsonNode id, String path, Extraction extraction) {
        if (id == null || id.isNull()) {
            extraction.error(RecordErrorCode.INVALID_IDENTITY_VALUE, "identity value at " + path
                    + " is missing; every identity needs a non-empty string id", path);
            return Optional.empty();
        }
        if (!id.isTextual()) {
            extraction.error(RecordErrorCode.INVALID_IDENTITY_VALUE, "identity value " + id + " at " + path
                    + " is " + JsonKinds.describe(id) + "; identity values must be strings", path);
            return Optional.empty();
        }
        if (id.asText().isBlank()) {
            extraction.error(RecordErrorCode.INVALID_IDENTITY_VALUE, "identity value " + id + " at " + path
                    + " is empty; every identity needs a non-empty string id", path);
            return Optional.empty();
        }
        return Optional.of(id.asText());
    }

    private static boolean isFlaggedPrimary(JsonNode element) {
        JsonNode primary = element.get("primary");
        return primary != null && primary.isBoolean() && primary.booleanValue();
    }

    /** Identities and errors collected from one record. */
    private static final class Extraction {

        private final Map<String, Candidate> candidates = new LinkedHashMap<>();
        private final List<RecordError> errors = new ArrayList<>();

        void add(Identity identity, String path, boolean flaggedPrimary, boolean descriptorPrimary) {
            Candidate existing = candidates.get(identity.key());
            if (existing == null) {
                candidates.put(identity.key(), new Candidate(identity, path, flaggedPrimary, descriptorPrimary));
            } else {
                candidates.put(identity.key(), existing.alsoSeen(flaggedPrimary, descriptorPrimary));
            }
        }

        void error(RecordErrorCode code, String message, String path) {
            errors.add(new RecordError(code, message, path));
        }

        RecordResult<ExtractedIdentities> finish() {
            if (errors.isEmpty() && candidates.isEmpty()) {
                error(RecordErrorCode.NO_IDENTITY,
                        "record has no identity: add identityMap or an identity descriptor to the schema", "");
            }
            Candidate primary = errors.isEmpty() ? choosePrimary() : null;
            if (!errors.isEmpty()) {
                return RecordResult.invalid(errors);
            }
            List<Identity> all = candidates.values().stream().map(Candidate::identity).toList();
            return RecordResult.valid(new ExtractedIdentities(all, primary.identity()));
        }

        private Candidate choosePrimary() {
            for (Candidate candidate : candidates.values()) {
                if (candidate.descriptorPrimary()) {
                    return candidate;
                }
            }
            List<Candidate> flagged = candidates.values().stream().filter(Candidate::flaggedPrimary).toList();
            if (flagged.size() > 1) {
                reportTwoPrimaries(flagged.get(0), flagged.get(1));
                return null;
            }
            return flagged.isEmpty() ? candidates.values().iterator().next() : flagged.get(0);
        }

        private void reportTwoPrimaries(Candidate first, Candidate second) {
            error(RecordErrorCode.MULTIPLE_PRIMARY_IDENTITIES, "identities " + describe(first) + " and "
                    + describe(second) + " are both flagged \"primary\": true; flag at most one identity as"
                    + " primary", second.path());
        }

        private static String describe(Candidate candidate) {
            Identity identity = candidate.identity();
            return identity.namespace() + " \"" + identity.id() + "\" (at " + candidate.path() + ")";
        }
    }

    /** An identity with where it was first seen and how it was marked. */
    private record Candidate(Identity identity, String path, boolean flaggedPrimary, boolean descriptorPrimary) {

        Candidate alsoSeen(boolean flagged, boolean descriptor) {
            return new Candidate(identity, path, flaggedPrimary || flagged, descriptorPrimary || descriptor);
        }
    }
}
