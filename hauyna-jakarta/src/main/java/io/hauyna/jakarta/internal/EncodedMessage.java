package io.hauyna.jakarta.internal;

/**
 * A message encoded once for a whole fan-out: the text every recipient receives and its size in
 * UTF-8 bytes, which is what outbound queues are bounded by.
 */
record EncodedMessage(String text, long bytes) {

    static EncodedMessage of(String text) {
        return new EncodedMessage(text, utf8Length(text));
    }

    /** Counts without encoding, so that measuring a large payload allocates nothing. */
    static long utf8Length(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 1; // an unpaired surrogate is encoded as '?', as String.getBytes does
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
