package io.openprofile.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamespaceCatalogTest {

    private static final Namespace LOYALTY = new Namespace(1_234_567, "lumaLoyaltyId", "Luma loyalty id",
            "CROSS_DEVICE", "Loyalty programme member id", true);

    private final NamespaceCatalog catalog = NamespaceCatalog.withCustom(List.of(LOYALTY));

    @ParameterizedTest
    @ValueSource(strings = {"EMAIL", "Email", "email", "eMaIl"})
    void codesMatchIgnoringCase(String code) {
        assertThat(catalog.resolve(code)).contains(StandardNamespaces.EMAIL);
    }

    @Test
    void numericNamespaceUriResolvesById() {
        assertThat(catalog.resolve("https://data.adobe.io/entities/namespace/4")).contains(StandardNamespaces.ECID);
        assertThat(catalog.resolve("https://data.adobe.io/entities/namespace/10")).contains(StandardNamespaces.AAID);
        assertThat(catalog.resolve("https://data.adobe.io/entities/namespace/9")).contains(StandardNamespaces.TNTID);
    }

    @Test
    void customNamespaceResolvesByCodeAndUri() {
        assertThat(catalog.resolve("LUMALOYALTYID")).contains(LOYALTY);
        assertThat(catalog.resolve("https://data.adobe.io/entities/namespace/1234567")).contains(LOYALTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AVID", "", "https://data.adobe.io/entities/namespace/",
        "https://data.adobe.io/entities/namespace/abc", "https://data.adobe.io/entities/namespace/-4",
        "https://data.adobe.io/entities/namespace/99999999999", "https://example.com/namespace/4"})
    void unknownCodesAndUrisAreEmpty(String code) {
        assertThat(catalog.resolve(code)).isEmpty();
    }

    @Test
    void nullResolvesToEmpty() {
        assertThat(catalog.resolve(null)).isEmpty();
    }

    @Test
    void duplicateCodeIgnoringCaseIsRejected() {
        Namespace clash = new Namespace(1_000_001, "ecid", "Clash", "COOKIE", "Clashes with ECID", true);

        assertThatThrownBy(() -> NamespaceCatalog.withCustom(List.of(clash)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ecid")
                .hasMessageContaining("ECID");
    }

    @Test
    void duplicateIdIsRejected() {
        Namespace clash = new Namespace(6, "otherEmail", "Clash", "EMAIL", "Clashes with Email", true);

        assertThatThrownBy(() -> NamespaceCatalog.withCustom(List.of(clash)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("namespace id 6");
    }

    @Test
    void standardIdsMatchAdobe() {
        assertThat(StandardNamespaces.ECID.id()).isEqualTo(4);
        assertThat(StandardNamespaces.EMAIL.id()).isEqualTo(6);
        assertThat(StandardNamespaces.PHONE.id()).isEqualTo(7);
        assertThat(StandardNamespaces.WAID.id()).isEqualTo(8);
        assertThat(StandardNamespaces.TNTID.id()).isEqualTo(9);
        assertThat(StandardNamespaces.AAID.id()).isEqualTo(10);
        assertThat(StandardNamespaces.EMAIL_LC_SHA256.id()).isEqualTo(11);
        assertThat(StandardNamespaces.ADCLOUD.id()).isEqualTo(411);
        assertThat(StandardNamespaces.GAID.id()).isEqualTo(20914);
        assertThat(StandardNamespaces.IDFA.id()).isEqualTo(20915);
    }

    @Test
    void standardNamespacesHaveUniqueCodesAndIds() {
        Set<String> codes = new HashSet<>();
        Set<Integer> ids = new HashSet<>();
        for (Namespace namespace : StandardNamespaces.all()) {
            assertThat(codes.add(namespace.code().toLowerCase(Locale.ROOT))).as(namespace.code()).isTrue();
            assertThat(ids.add(namespace.id())).as(namespace.code()).isTrue();
            assertThat(namespace.custom()).as(namespace.code()).isFalse();
        }
    }

    @Test
    void openprofileDefinedIdsUseReservedRange() {
        List<Namespace> ownIds = List.of(StandardNamespaces.CRMID, StandardNamespaces.PHONE_SHA256,
                StandardNamespaces.PHONE_E164, StandardNamespaces.PHONE_SHA256_E164);

        for (Namespace namespace : ownIds) {
            assertThat(namespace.id()).as(namespace.code()).isBetween(
                    StandardNamespaces.OPENPROFILE_RESERVED_FROM, StandardNamespaces.OPENPROFILE_RESERVED_TO);
        }
        assertThat(StandardNamespaces.CRMID.description()).contains("openprofile");
    }

    @Test
    void customIdInReservedRangeIsRejected() {
        Namespace reserved = new Namespace(900_500, "mine", "Mine", "COOKIE", "Uses a reserved id", true);

        assertThatThrownBy(() -> NamespaceCatalog.withCustom(List.of(reserved)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("900500");
    }

    @Test
    void blankCodeIsRejected() {
        assertThatThrownBy(() -> new Namespace(1, " ", "n", "COOKIE", "d", true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
