package io.hauyna.jakarta.internal;

/** Client text shown in messages and logs is cut short: a client must not fill either with it. */
public final class Texts {

    private Texts() {
    }

    /** @return the text, or its first {@code max} characters followed by "..."; "" for {@code null} */
    public static String shortened(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() > max ? text.substring(0, max) + "..." : text;
    }
}
