package io.openprofile.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityFieldTest {

    @Test
    void sourcePropertyFormSplitsAtSlashes() {
        IdentityField field = new IdentityField("/_techmarketingdemos/systemIdentifier/crmId", "CRMID", true);

        assertThat(field.segments()).containsExactly("_techmarketingdemos", "systemIdentifier", "crmId");
    }

    @Test
    void dottedFormSplitsAtDots() {
        IdentityField field = new IdentityField("_techmarketingdemos.systemIdentifier.crmId", "CRMID", true);

        assertThat(field.segments()).containsExactly("_techmarketingdemos", "systemIdentifier", "crmId");
    }

    @Test
    void pointerEscapesAreDecoded() {
        IdentityField field = new IdentityField("/a~1b/c~0d", "CRMID", false);

        assertThat(field.segments()).containsExactly("a/b", "c~d");
    }

    @Test
    void dottedPathJoinsSegments() {
        IdentityField field = new IdentityField("/a/b", "CRMID", false);

        assertThat(field.dottedPath()).isEqualTo("a.b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "a..b", "/a//b", "a.", "/a/"})
    void emptySegmentIsRejected(String path) {
        assertThatThrownBy(() -> new IdentityField(path, "CRMID", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty segment");
    }
}
