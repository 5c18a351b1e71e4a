package io.hauyna.jakarta.internal.channel;

import io.hauyna.jakarta.Channels;
import io.hauyna.jakarta.internal.Texts;

import java.util.regex.Pattern;

/** The one rule for channel names, with the message that explains it. */
public final class ChannelNames {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.:@-]{1," + Channels.MAX_NAME_LENGTH + "}");

    private ChannelNames() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** @throws IllegalArgumentException saying what is allowed */
    static String requireValid(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException(problem(name));
        }
        return name;
    }

    public static String problem(String name) {
        String shown = name == null ? "null" : "'" + Texts.shortened(name, 40) + "'";
        return "Channel name " + shown + " is invalid: use 1 to " + Channels.MAX_NAME_LENGTH
                + " letters, digits, '_', '.', ':', '-' or '@'";
    }
}
