package io.hauyna.jakarta.internal.handshake;

import io.hauyna.jakarta.Handshake;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the client's address of an upgrade: the peer's, unless the peer is a trusted reverse
 * proxy, in which case the last address in the configured forwarding header that is not itself a
 * trusted proxy. Headers from any other peer are ignored, and only the header the proxies set is
 * read (a proxy that appends to {@code X-Forwarded-For} passes a client's own {@code Forwarded}
 * through untouched), so a client cannot choose the address it is counted under.
 */
public final class ClientAddresses {

    /** The forwarding headers a proxy may set. */
    public enum Header {
        X_FORWARDED_FOR("X-Forwarded-For"), FORWARDED("Forwarded");

        final String name;

        Header(String name) {
            this.name = name;
        }

        public static Header fromConfigValue(String value) {
            return Arrays.stream(values()).filter(header -> header.name.equalsIgnoreCase(value.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not a forwarding header: use X-Forwarded-For or Forwarded"));
        }
    }

    private static final Pattern FORWARDED_FOR = Pattern.compile("(?i)(?:^|[;,\\s])for\\s*=\\s*(\"[^\"]*\"|[^;,\\s]+)");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");
    /** IPv6 hosts usually get a /64 each: counting per /64 keeps one host from rotating through its addresses. */
    private static final int IPV6_LIMIT_PREFIX_BYTES = 8;

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
    private final Header header;

    private ClientAddresses(List<Range> trusted, Header header) {
        this.trusted = trusted;
        this.header = header;
    }

    /**
     * @param entries IP addresses or CIDR ranges, e.g. {@code 10.0.0.0/8} or {@code ::1}
     * @param header  the header the trusted proxies set
     * @throws IllegalArgumentException naming an entry that is neither
     */
    public static ClientAddresses trusting(List<String> entries, Header header) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            ranges.add(range(entry));
        }
        return new ClientAddresses(List.copyOf(ranges), header);
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

    /**
     * Parses IP literals only, never a host name: {@code InetAddress.getByName} would look up a
     * name, and text such as {@code 999.1.1.1} that is no IPv4 literal, in DNS.
     *
     * @return the address's bytes (an IPv4-mapped IPv6 address as IPv4), or empty when the text is not an IP literal
     */
    static Optional<byte[]> parse(String text) {
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        Matcher ipv4 = IPV4.matcher(literal);
        if (ipv4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(ipv4.group(i + 1));
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return Optional.of(bytes);
        }
        if (!literal.contains(":") || !IPV6.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            // With a ':' the JDK parses an IPv6 literal and never asks DNS.
            return Optional.of(InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException | SecurityException notAnAddress) {
            return Optional.empty();
        }
    }

    /** @return the client's address, in canonical form; {@code null} when the container does not tell */
    String clientOf(String peer, Handshake handshake) {
        String client = peer;
        if (peer != null && !trusted.isEmpty() && isTrusted(peer)) {
            List<String> chain = forwardedChain(handshake);
            client = chain.isEmpty() ? peer : chain.get(0);
            for (int i = chain.size() - 1; i >= 0; i--) {
                if (!isTrusted(chain.get(i))) {
                    client = chain.get(i);
                    break;
                }
            }
            if (parse(client).isEmpty()) {
                // "unknown" or an obfuscated name (RFC 7239): the proxy did not tell, so count the proxy.
                client = peer;
            }
        }
        return client == null ? null : canonical(client);
    }

    /**
     * Whether the client runs on this machine: its address (found behind trusted proxies as
     * {@link #clientOf} does) is a loopback address. A request that carries a forwarding header
     * but does not come from a trusted proxy never is: a reverse proxy on this machine that is not
     * declared trusted would otherwise make every client it forwards look local.
     *
     * @param peer      the address the request came from; {@code null} when unknown (then: no)
     * @param handshake the request's headers
     * @return whether the client is on this machine
     */
    public boolean isOnThisMachine(String peer, Handshake handshake) {
        if (peer == null) {
            return false;
        }
        boolean forwarded = Arrays.stream(Header.values()).anyMatch(forwarding -> handshake.header(forwarding.name).isPresent());
        if (forwarded && !isTrusted(peer)) {
            return false;
        }
        return parse(clientOf(peer, handshake)).map(ClientAddresses::isLoopback).orElse(false);
    }

    private static boolean isLoopback(byte[] address) {
        try {
            return InetAddress.getByAddress(address).isLoopbackAddress();
        } catch (UnknownHostException impossible) {
            return false;
        }
    }

    /**
     * @param address a client address from {@link #clientOf}
     * @return what the per-address limit counts it under: the IPv4 address, or the IPv6 /64
     */
    public static String limitKey(String address) {
        return parse(address).map(bytes -> bytes.length == 4 ? text(bytes)
                : text(Arrays.copyOf(Arrays.copyOf(bytes, IPV6_LIMIT_PREFIX_BYTES), 16)) + "/64").orElse(address);
    }

    private boolean isTrusted(String address) {
        Optional<byte[]> bytes = parse(address);
        return bytes.isPresent() && trusted.stream().anyMatch(range -> range.contains(bytes.get()));
    }

    /** The addresses the proxies appended, oldest first. */
    private List<String> forwardedChain(Handshake handshake) {
        List<String> chain = new ArrayList<>();
        for (String value : handshake.headers().getOrDefault(header.name, List.of())) {
            if (header == Header.FORWARDED) {
                Matcher matcher = FORWARDED_FOR.matcher(value);
                while (matcher.find()) {
                    chain.add(withoutPort(matcher.group(1).replace("\"", "")));
                }
            } else {
                for (String address : value.split(",")) {
                    if (!address.isBlank()) {
                        chain.add(withoutPort(address.trim()));
                    }
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
        return colon > 0 && colon == address.lastIndexOf(':') ? address.substring(0, colon) : address;
    }

    /** One spelling per address: {@code ::FFFF:10.0.0.1} and {@code 10.0.0.1} are the same client. */
    private static String canonical(String address) {
        return parse(address).map(ClientAddresses::text).orElse(address.toLowerCase(Locale.ROOT));
    }

    private static String text(byte[] bytes) {
        if (bytes.length == 4) {
            return (bytes[0] & 0xFF) + "." + (bytes[1] & 0xFF) + "." + (bytes[2] & 0xFF) + "." + (bytes[3] & 0xFF);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xFF) << 8 | bytes[2 * i + 1] & 0xFF;
        }
        // RFC 5952: the longest run of two or more zero groups becomes "::".
        int runStart = -1;
        int runLength = 1;
        for (int i = 0; i < 8; ) {
            int end = i;
            while (end < 8 && groups[end] == 0) {
                end++;
            }
            if (end - i > runLength) {
                runStart = i;
                runLength = end - i;
            }
            i = Math.max(end, i + 1);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == runStart) {
                text.append("::");
                i += runLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    /** @return the configured proxies, for the start-up log line */
    public String describe() {
        return trusted.isEmpty() ? "none" : trusted.stream().map(Range::text).toList() + " (" + header.name + ")";
    }
}
