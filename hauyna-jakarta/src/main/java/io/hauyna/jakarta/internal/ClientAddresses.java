package io.hauyna.jakarta.internal;

import io.hauyna.jakarta.Handshake;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the client's address of an upgrade: the peer's, unless the peer is a trusted reverse
 * proxy, in which case the last address its {@code Forwarded} (or else {@code X-Forwarded-For})
 * header names that is not itself a trusted proxy. Headers from any other peer are ignored, so a
 * client cannot choose the address its connections are counted under.
 */
final class ClientAddresses {

    /** Only literals: a host name here would make every upgrade wait for DNS. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern FORWARDED_FOR = Pattern.compile("(?i)(?:^|[;,\\s])for\\s*=\\s*(\"[^\"]*\"|[^;,\\s]+)");

    /** One trusted range: an address and how many leading bits must match. */
    private record Range(byte[] network, int bits, String text) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int mask = (0xFF << (8 - bits % 8)) & 0xFF;
            return bits % 8 == 0 || (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Range> trusted;

    private ClientAddresses(List<Range> trusted) {
        this.trusted = trusted;
    }

    /**
     * @param entries IP addresses or CIDR ranges, e.g. {@code 10.0.0.0/8} or {@code ::1}
     * @throws IllegalArgumentException naming an entry that is neither
     */
    static ClientAddresses trusting(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            ranges.add(range(entry));
        }
        return new ClientAddresses(List.copyOf(ranges));
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        byte[] bytes = parse(address).orElseThrow(() -> new IllegalArgumentException("'" + entry
                + "' is not an IP address or CIDR range: write e.g. 10.0.0.5, 10.0.0.0/8 or ::1"));
        int bits = bytes.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException notANumber) {
                bits = -1;
            }
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("'" + entry + "' has an invalid prefix length: use 0 to " + bytes.length * 8);
            }
        }
        return new Range(bytes, bits, entry);
    }

    /** @return the address's bytes, or empty when the text is not an IP literal */
    private static Optional<byte[]> parse(String text) {
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (literal.isEmpty() || !IP_LITERAL.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException | SecurityException notAnAddress) {
            return Optional.empty();
        }
    }

    /** @return the peer's address as the client's unless the peer is a trusted proxy; {@code null} when unknown */
    String clientOf(String peer, Handshake handshake) {
        if (peer == null || trusted.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        List<String> chain = forwardedChain(handshake);
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!isTrusted(chain.get(i))) {
                return chain.get(i);
            }
        }
        return chain.isEmpty() ? peer : chain.get(0);
    }

    private boolean isTrusted(String address) {
        Optional<byte[]> bytes = parse(address);
        return bytes.isPresent() && trusted.stream().anyMatch(range -> range.contains(bytes.get()));
    }

    /** The addresses the proxies appended, oldest first; {@code Forwarded} (RFC 7239) wins over {@code X-Forwarded-For}. */
    private static List<String> forwardedChain(Handshake handshake) {
        List<String> chain = new ArrayList<>();
        List<String> forwarded = handshake.headers().getOrDefault("Forwarded", List.of());
        if (!forwarded.isEmpty()) {
            for (String header : forwarded) {
                var matcher = FORWARDED_FOR.matcher(header);
                while (matcher.find()) {
                    chain.add(withoutPort(matcher.group(1).replace("\"", "")));
                }
            }
            return chain;
        }
        for (String header : handshake.headers().getOrDefault("X-Forwarded-For", List.of())) {
            for (String address : header.split(",")) {
                if (!address.isBlank()) {
                    chain.add(withoutPort(address.trim()));
                }
            }
        }
        return chain;
    }

    /** {@code [2001:db8::1]:4711} → {@code 2001:db8::1}; {@code 192.0.2.1:80} → {@code 192.0.2.1}. */
    private static String withoutPort(String address) {
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            return end < 0 ? address : address.substring(1, end);
        }
        int colon = address.indexOf(':');
        return colon > 0 && colon == address.lastIndexOf(':') ? address.substring(0, colon) : address.toLowerCase(Locale.ROOT);
    }

    /** @return the configured proxies, for the start-up log line */
    String describe() {
        return trusted.isEmpty() ? "none" : trusted.stream().map(Range::text).toList().toString();
    }
}
