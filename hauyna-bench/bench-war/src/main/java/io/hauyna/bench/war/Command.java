package io.hauyna.bench.war;

import jakarta.websocket.Session;

/**
 * A command frame from the load generator: {@code <kind> <mode> <target>\n<payload>}, where kind is
 * {@code F} (fan-out to the room {@code target}) or {@code D} (direct to the user {@code target}), and
 * the payload is sent as is. Modes: {@code hauyna}, {@code raw-async}, {@code raw-basic} and, for a
 * fan-out, {@code tyrus}.
 */
record Command(char kind, String mode, String target, String payload) {

    static Command parse(String text) {
        int newline = text.indexOf('\n');
        int firstSpace = text.indexOf(' ');
        int secondSpace = text.indexOf(' ', firstSpace + 1);
        if (newline < 0 || firstSpace != 1 || secondSpace < 0 || secondSpace > newline) {
            throw new IllegalArgumentException("Not a bench command: " + text.substring(0, Math.min(text.length(), 40)));
        }
        return new Command(text.charAt(0), text.substring(2, secondSpace), text.substring(secondSpace + 1, newline),
                text.substring(newline + 1));
    }

    void run(Session sender, SubscriberEndpoint endpoint) {
        HandWritten handWritten = endpoint.handWritten;
        boolean done = switch (kind + mode) {
            case "Fhauyna" -> endpoint.channels.broadcastTo(target, payload) >= 0;
            case "Fraw-async" -> handWritten.sendAsync(target, payload) >= 0;
            case "Fraw-basic" -> handWritten.sendBasic(target, payload) >= 0;
            case "Ftyrus" -> TyrusBroadcast.broadcast(sender, payload);
            case "Dhauyna" -> endpoint.connections.sendTo(target, payload) > 0;
            case "Draw-async" -> handWritten.directAsync(target, payload);
            case "Draw-basic" -> handWritten.directBasic(target, payload);
            default -> throw new IllegalArgumentException("Unknown bench command " + kind + " " + mode);
        };
        if (!done) {
            throw new IllegalStateException("Bench command " + kind + " " + mode + " " + target + " not carried out on this server");
        }
    }
}
