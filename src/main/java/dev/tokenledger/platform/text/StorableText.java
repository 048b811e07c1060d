package dev.tokenledger.platform.text;

/**
 * Whether PostgreSQL can store a string as the caller wrote it: a NUL character cannot be stored in
 * text or jsonb at all, and a lone UTF-16 surrogate (a JSON escape such as {@code \ud800} without
 * its pair) is no character and would be stored as '?', silently changing the data.
 */
public final class StorableText {

    private StorableText() {}

    /**
     * Characters as PostgreSQL's char_length counts them (code points), which the length limits
     * mean: an emoji is one character, though Java holds it as two UTF-16 units.
     */
    public static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Why the text cannot be stored as it is, or null when it can. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "must not contain a NUL character.";
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired UTF-16 surrogate (\\u"
                        + Integer.toHexString(c)
                        + ").";
            }
        }
        return null;
    }
}
