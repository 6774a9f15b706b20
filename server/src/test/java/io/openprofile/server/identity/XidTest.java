package io.openprofile.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class XidTest {

    @Test
    void xidIsDeterministic() {
        assertThat(Xid.of(new Identity("ECID", "92312748749128")))
                .isEqualTo(Xid.of(new Identity("ECID", "92312748749128")));
    }

    @Test
    void xidIgnoresNamespaceCase() {
        assertThat(Xid.of(new Identity("email", "jane@doe.com")))
                .isEqualTo(Xid.of(new Identity("Email", "jane@doe.com")));
    }

    @Test
    void xidRespectsValueCase() {
        assertThat(Xid.of(new Identity("Email", "jane@doe.com")))
                .isNotEqualTo(Xid.of(new Identity("Email", "Jane@doe.com")));
    }

    @Test
    void xidIsUrlSafeWithoutPadding() {
        String xid = Xid.of(new Identity("CRMID", "112ca06ed53d3db37e4cea49cc45b71e"));

        assertThat(xid).hasSize(27);
        assertThat(xid).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void xidFollowsDocumentedDerivation() throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest("ecid\0abc".getBytes(StandardCharsets.UTF_8));
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 20));

        assertThat(Xid.of(new Identity("ECID", "abc"))).isEqualTo(expected);
    }

    @Test
    void xidIsFrozen() {
        // Clients store XIDs, so this value must stay the same across releases.
        assertThat(Xid.of(new Identity("ECID", "92312748749128"))).isEqualTo("I_6qpxZDC9FOldyBWhlJT5jHuVI");
    }
}
