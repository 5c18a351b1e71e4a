package io.hauyna.jakarta.internal.handshake;

import io.hauyna.jakarta.Handshake;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which address a connection counts under, and which text is an address at all. */
class ClientAddressesTest {

    private static Handshake with(Map<String, List<String>> headers) {
        return Handshake.of("/ws", URI.create("ws://localhost/ws"), headers, null);
    }

    @Test
    void onlyIpLiteralsAreAddressesSoNothingIsLookedUp() {
        assertThat(ClientAddresses.parse("10.0.0.1")).hasValueSatisfying(bytes -> assertThat(bytes).hasSize(4));
        assertThat(ClientAddresses.parse("::ffff:10.0.0.1")).as("IPv4-mapped is IPv4").hasValueSatisfying(bytes -> assertThat(bytes).hasSize(4));
        assertThat(ClientAddresses.parse("[2001:db8::1]")).hasValueSatisfying(bytes -> assertThat(bytes).hasSize(16));
        assertThat(ClientAddresses.parse("999.1.1.1")).isEmpty();
        assertThat(ClientAddresses.parse("1.2.3.4.5")).isEmpty();
        assertThat(ClientAddresses.parse("example.com")).isEmpty();
        assertThat(ClientAddresses.parse("unknown")).isEmpty();
        assertThat(ClientAddresses.parse("_hidden")).isEmpty();
    }

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientWhateverItsHeaders() {
        ClientAddresses addresses = ClientAddresses.trusting(List.of("10.0.0.0/8"), ClientAddresses.Header.X_FORWARDED_FOR);

        assertThat(addresses.clientOf("192.0.2.1", with(Map.of("X-Forwarded-For", List.of("203.0.113.9"))))).isEqualTo("192.0.2.1");
        assertThat(addresses.clientOf(null, with(Map.of()))).isNull();
    }

    @Test
    void behindTrustedProxiesTheClientIsTheLastUntrustedEntryOfTheConfiguredHeader() {
        ClientAddresses xff = ClientAddresses.trusting(List.of("10.0.0.0/8", "fd00::/8"), ClientAddresses.Header.X_FORWARDED_FOR);
        ClientAddresses forwarded = ClientAddresses.trusting(List.of("10.0.0.0/8"), ClientAddresses.Header.FORWARDED);
        Handshake both = with(Map.of("X-Forwarded-For", List.of("1.1.1.1, 198.51.100.7", "10.0.0.3"),
                "Forwarded", List.of("for=192.0.2.60;proto=https, for=\"[2001:DB8:cafe:0:0:0:0:17]:4711\"", "for=10.0.0.2")));

        assertThat(xff.clientOf("10.0.0.1", both)).isEqualTo("198.51.100.7");
        assertThat(forwarded.clientOf("10.0.0.1", both)).isEqualTo("2001:db8:cafe::17");
        assertThat(xff.clientOf("10.0.0.1", with(Map.of("X-Forwarded-For", List.of("unknown")))))
                .as("a proxy that does not tell: counted as the proxy").isEqualTo("10.0.0.1");
        assertThat(xff.clientOf("fd00::5", with(Map.of("X-Forwarded-For", List.of("::FFFF:198.51.100.7")))))
                .as("one spelling per address").isEqualTo("198.51.100.7");
    }

    @Test
    void theLimitCountsIpv4AddressesAndIpv6Slash64s() {
        assertThat(ClientAddresses.limitKey("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(ClientAddresses.limitKey("2001:db8:1:2:aaaa::1")).isEqualTo(ClientAddresses.limitKey("2001:db8:1:2:bbbb::9"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.limitKey("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
    }
}
