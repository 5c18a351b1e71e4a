package io.hauyna.jakarta.hazelcast;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Cuts one loopback address off the network for real, with the kernel's packet filter: every packet
 * from or to it is dropped, both ways, as a broken switch port would. A node whose Hazelcast member
 * listens on and connects from that address is then split from the others, while the test's clients
 * still reach every node's WebSocket port on 127.0.0.1.
 *
 * <p>Needs root and Debian's {@code iptables} package ({@code .ci/run} installs it); it uses the
 * legacy backend, which this machine's kernel has (it has no {@code nf_tables}, and {@code tc} has no
 * drop action here). Its rules live in a chain of their own, emptied on start, so that an interrupted
 * run leaves nothing that outlives the next one.
 */
final class LoopbackFirewall implements AutoCloseable {

    private static final String IPTABLES = "iptables-legacy";
    private static final String CHAIN = "HAUYNA-SPLIT";

    private final String address;

    private LoopbackFirewall(String address) {
        this.address = address;
    }

    /** @return why the firewall cannot run here, or empty when it can */
    static Optional<String> unavailable() {
        try {
            Result listed = run(IPTABLES, "-w", "-n", "-L", "OUTPUT");
            return listed.exit() == 0 ? Optional.empty() : Optional.of(IPTABLES + " failed (root needed): " + listed.output());
        } catch (IOException e) {
            return Optional.of(IPTABLES + " is not installed (Debian package iptables): " + e.getMessage());
        }
    }

    /**
     * Gives the loopback interface {@code address} as well (Hazelcast binds only to an interface's own
     * address) and prepares an empty chain; nothing is cut yet.
     */
    static LoopbackFirewall forAddress(String address) throws IOException {
        if (!run("ip", "-4", "addr", "show", "dev", "lo").output().contains(" " + address + "/")) {
            check(run("ip", "addr", "add", address + "/32", "dev", "lo"));
        }
        if (run(IPTABLES, "-w", "-N", CHAIN).exit() != 0) {
            check(run(IPTABLES, "-w", "-F", CHAIN));
        }
        if (run(IPTABLES, "-w", "-C", "OUTPUT", "-j", CHAIN).exit() != 0) {
            check(run(IPTABLES, "-w", "-I", "OUTPUT", "1", "-j", CHAIN));
        }
        return new LoopbackFirewall(address);
    }

    /** Drops every packet from or to the address from now on; connections through it stay open but carry nothing. */
    void cut() throws IOException {
        check(run(IPTABLES, "-w", "-A", CHAIN, "-s", address, "-j", "DROP"));
        check(run(IPTABLES, "-w", "-A", CHAIN, "-d", address, "-j", "DROP"));
    }

    /** Lets packets through again. */
    void heal() throws IOException {
        check(run(IPTABLES, "-w", "-F", CHAIN));
    }

    @Override
    public void close() throws IOException {
        heal();
        check(run(IPTABLES, "-w", "-D", "OUTPUT", "-j", CHAIN));
        check(run(IPTABLES, "-w", "-X", CHAIN));
        check(run("ip", "addr", "del", address + "/32", "dev", "lo"));
    }

    private record Result(String command, int exit, String output) {
    }

    private static Result run(String... command) throws IOException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
        return new Result(String.join(" ", command), process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    }

    private static void check(Result result) throws IOException {
        if (result.exit() != 0) {
            throw new IOException(result.command() + " exited with " + result.exit() + ": " + result.output());
        }
    }
}
