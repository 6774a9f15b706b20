package io.openprofile.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentityTest {

    @Test
    void keyIgnoresNamespaceCase() {
        assertThat(new Identity("Email", "a@b.c").key()).isEqualTo(new Identity("EMAIL", "a@b.c").key());
    }

    @Test
    void keyRespectsValueCase() {
        assertThat(new Identity("Email", "a@b.c").key()).isNotEqualTo(new Identity("Email", "A@b.c").key());
    }

    @Test
    void keyDoesNotCollideAcrossBoundary() {
        assertThat(new Identity("ab", "c").key()).isNotEqualTo(new Identity("a", "bc").key());
    }

    @Test
    void emptyValueIsRejected() {
        assertThatThrownBy(() -> new Identity("ECID", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blankNamespaceIsRejected() {
        assertThatThrownBy(() -> new Identity(" ", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nulInNamespaceIsRejected() {
        assertThatThrownBy(() -> new Identity("EC\0ID", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofUsesCanonicalCode() {
        assertThat(Identity.of(StandardNamespaces.EMAIL, "a@b.c").namespace()).isEqualTo("Email");
    }
}
