package io.hauyna.jakarta.internal.protocol;

import io.hauyna.jakarta.ErrorType;
import io.hauyna.jakarta.HauynaConfigKeys;

/**
 * One pass over a frame's text before any JSON parser sees it, refusing what parsers on different
 * servers treat differently or what would cost the server dearly later: nesting deeper than the
 * configured limit (parsers stop near 1,000 levels, each with its own exception), numbers that no
 * real message needs (hundreds of digits, or an exponent that turns into a huge integer when
 * application code binds it), and strings that are not valid Unicode (a lone surrogate, which
 * some containers cannot send). Nothing is allocated; the text is not validated as JSON here.
 */
final class FrameScanner {

    /** Longer number literals are refused: a double needs at most 24 characters. */
    static final int MAX_NUMBER_CHARACTERS = 100;
    /** Exponents with more digits are refused: a double's exponent has at most 3. */
    static final int MAX_EXPONENT_DIGITS = 3;

    private FrameScanner() {
    }

    /** @throws ProtocolError {@code invalid_message} or {@code invalid_json} saying what to change */
    static void check(String text, int maxDepth) {
        int depth = 0;
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (c == '"') {
                i = skipString(text, i + 1);
            } else if (c == '{' || c == '[') {
                if (++depth > maxDepth) {
                    throw new ProtocolError(ErrorType.INVALID_MESSAGE, "The frame nests arrays and objects more than " + maxDepth
                            + " levels deep: send flatter data (" + HauynaConfigKeys.INBOUND_MAX_DEPTH + ")");
                }
                i++;
            } else if (c == '}' || c == ']') {
                depth = Math.max(0, depth - 1);
                i++;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                i = skipNumber(text, i);
            } else {
                i = skipCharacter(text, i);
            }
        }
    }

    /** @return the index after one character, two for a surrogate pair; a lone surrogate is refused */
    private static int skipCharacter(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            return i + 2;
        }
        requireNotSurrogate(text, i);
        return i + 1;
    }

    /** @return the index after the closing quote (or the end of an unterminated string) */
    private static int skipString(String text, int start) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < text.length()) {
                i = text.charAt(i + 1) == 'u' ? checkEscape(text, i) : i + 2;
            } else {
                i = skipCharacter(text, i);
            }
        }
        return i;
    }

    /** A {@code \}{@code uXXXX} escape: a high surrogate must be followed by an escaped low one, a low one never stands alone. */
    private static int checkEscape(String text, int backslash) {
        int unit = hex(text, backslash + 2);
        if (unit < 0) {
            return backslash + 2; // malformed: the parser reports it as invalid JSON
        }
        if (Character.isHighSurrogate((char) unit)) {
            int next = backslash + 6;
            boolean paired = next + 1 < text.length() && text.charAt(next) == '\\' && text.charAt(next + 1) == 'u'
                    && hex(text, next + 2) >= 0 && Character.isLowSurrogate((char) hex(text, next + 2));
            if (!paired) {
                throw loneSurrogate();
            }
            return next + 6;
        }
        if (Character.isLowSurrogate((char) unit)) {
            throw loneSurrogate();
        }
        return backslash + 6;
    }

    /** @return the value of four hex digits at {@code at}, or -1 */
    private static int hex(String text, int at) {
        if (at + 4 > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = at; i < at + 4; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static void requireNotSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1)))) {
            throw loneSurrogate();
        }
    }

    private static ProtocolError loneSurrogate() {
        return new ProtocolError(ErrorType.INVALID_JSON, "The frame contains a lone UTF-16 surrogate: strings must be valid Unicode");
    }

    /** @return the index after the number's characters */
    private static int skipNumber(String text, int start) {
        int i = start;
        int exponentDigits = -1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                exponentDigits = 0;
            } else if (c >= '0' && c <= '9') {
                // Leading zeros of an exponent do not count: 1e0005 is 1e5.
                if (exponentDigits >= 0 && (exponentDigits > 0 || c != '0') && ++exponentDigits > MAX_EXPONENT_DIGITS) {
                    throw new ProtocolError(ErrorType.INVALID_MESSAGE, "A number in the frame has an exponent of more than "
                            + MAX_EXPONENT_DIGITS + " digits: send numbers a double can hold");
                }
            } else if (c != '-' && c != '+' && c != '.') {
                break;
            }
            if (++i - start > MAX_NUMBER_CHARACTERS) {
                throw new ProtocolError(ErrorType.INVALID_MESSAGE, "A number in the frame has more than " + MAX_NUMBER_CHARACTERS
                        + " characters: send long numbers as strings");
            }
        }
        return i;
    }
}
